// Undo of the builder's last change on a real database: each kind of change (a removed question
// with its settings, a move, settings, a removed section, an own-form rename) is put back exactly,
// item ids included; only the last change, only while nothing came after it, never by a stale page
// or by someone who may not edit; audited. Everything made here is removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { applyBuilderChange, createQuestionnaire } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire, findBuilderView } from "@/lib/builder/data";
import { BuilderError } from "@/lib/builder/errors";
import type { BuilderChange } from "@/lib/builder/schema";
import { workbook } from "../unit/xlsform-form/forms";
import { signInDemoRoles } from "./auth-helpers";
import { importAs } from "./import-helpers";
import { person, personOf } from "./person-helpers";

type Body = BuilderChange extends infer C
  ? C extends unknown
    ? Omit<C, "questionnaireId" | "revision">
    : never
  : never;

let researcher: Person;
const created: string[] = [];

async function change(id: string, body: Body, actor: Person | null = researcher, revision?: number) {
  const at = revision ?? (await findBuilderQuestionnaire(id))!.revision;
  return applyBuilderChange({ actor, change: { ...body, questionnaireId: id, revision: at } as BuilderChange });
}

/** Everything undo must put back, in a comparable shape (ids included, order by position). */
async function state(id: string) {
  const db = await getDb();
  return db.questionnaire.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      description: true,
      languages: true,
      defaultLanguage: true,
      fallbackLanguage: true,
      form: true,
      formId: true,
      hazardCode: true,
      sections: { orderBy: { position: "asc" }, omit: { questionnaireId: true } },
      items: { orderBy: [{ sectionId: "asc" }, { position: "asc" }], omit: { questionnaireId: true } },
      formLinks: { orderBy: { path: "asc" }, omit: { questionnaireId: true } },
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, String(error)).toBeInstanceOf(BuilderError);
  return (error as BuilderError).code;
}

async function newQuestionnaire() {
  const { id } = await createQuestionnaire({
    actor: researcher,
    settings: { title: { en: "undo_t survey" }, description: {}, languages: ["en", "fr"], defaultLanguage: "en" },
  });
  created.push(id);
  await change(id, { op: "addQuestions", codes: ["bkg_consent", "bkg_age", "bkg_gender"] });
  await change(id, { op: "addSection", title: { en: "Second", fr: "Deuxième" } });
  return id;
}

beforeAll(async () => {
  researcher = await personOf("researcher@demo.questionbank.org");
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id: { in: created } } });
});

describe("undoing the builder's last change", () => {
  it("puts back a removed question with its id and settings, a move, new settings and a removed section", async () => {
    const id = await newQuestionnaire();
    const q = (await findBuilderQuestionnaire(id))!;
    const age = q.sections[0].items.find((i) => i.name === "bkg_age")!;
    await change(id, {
      op: "updateItem",
      itemId: age.id,
      settings: {
        required: true,
        requiredMessage: { en: "Please answer" },
        relevant: null,
        constraint: null,
        constraintMessage: {},
      },
    });

    const steps: Body[] = [
      { op: "moveItem", itemId: age.id, sectionId: q.sections[1].id, position: 0 },
      {
        op: "updateSettings",
        settings: {
          title: { en: "Renamed", fr: "Renommé" },
          description: {},
          languages: ["en"],
          defaultLanguage: "en",
        },
      },
      { op: "removeItem", itemId: age.id },
      { op: "removeSection", sectionId: q.sections[1].id },
    ];
    for (const step of steps) {
      const before = await state(id);
      const done = await change(id, step);
      expect(await state(id), `${step.op} changed something`).not.toEqual(before);
      const view = await findBuilderView(id, "en");
      expect(view!.undo).toEqual({ op: step.op });

      const undone = await change(id, { op: "undo" });
      expect(undone.revision).toBe(done.revision + 1);
      expect(undone.details).toEqual({ undone: step.op });
      expect(await state(id), `undo of ${step.op}`).toEqual(before);
      // One level: once undone, nothing is left to undo.
      expect((await findBuilderView(id, "en"))!.undo).toBeNull();
      expect(await refusal(change(id, { op: "undo" }))).toBe("nothingToUndo");
      // The step again, for the next one to build on.
      await change(id, step);
    }
  });

  it("undoes only the last change, only while nothing came after it, and never from a stale page", async () => {
    const id = await newQuestionnaire();
    const q = (await findBuilderQuestionnaire(id))!;
    const [consent, , gender] = q.sections[0].items;
    await change(id, { op: "removeItem", itemId: consent.id });
    const afterFirst = await state(id);
    const second = await change(id, { op: "removeItem", itemId: gender.id });

    // A page still showing the revision before the second change is refused as a conflict.
    expect(await refusal(change(id, { op: "undo" }, researcher, second.revision - 1))).toBe("conflict");
    await change(id, { op: "undo" });
    expect(await state(id)).toEqual(afterFirst);
    expect(await refusal(change(id, { op: "undo" }))).toBe("nothingToUndo");
  });

  it("refuses a visitor and another researcher, and records who undid what", async () => {
    const id = await newQuestionnaire();
    const q = (await findBuilderQuestionnaire(id))!;
    await change(id, { op: "removeItem", itemId: q.sections[0].items[0].id });
    expect(await refusal(change(id, { op: "undo" }, null))).toBe("notFound");
    expect(await refusal(change(id, { op: "undo" }, person("undo-t-other", ["researcher"])))).toBe("notFound");
    expect((await findBuilderView(id, "en"))!.undo).toEqual({ op: "removeItem" });

    await change(id, { op: "undo" });
    const audit = await (
      await getDb()
    ).auditEvent.findFirst({
      where: { entityId: id, action: "questionnaire.undo" },
      select: { actorId: true, after: true },
    });
    expect(audit).toEqual({ actorId: researcher.id, after: { undone: "removeItem" } });
  });

  it("puts back an imported form as it was before a rename rewrote its references", async () => {
    const cookies = await signInDemoRoles();
    const file = await workbook({
      survey: [
        ["type", "name", "label::English (en)", "relevant"],
        ["integer", "age", "Age?"],
        ["select_one yn", "adult", "Adult at ${age}?", "${age} >= 18"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
      ],
      settings: [["form_title"], ["Ages"]],
    });
    const id = await importAs(cookies.researcher, file);
    created.push(id);
    const before = await state(id);
    await change(id, { op: "renameOwnNode", rename: { path: ["age"], name: "years" } });
    expect(JSON.stringify((await state(id)).form)).toContain("${years} >= 18");
    await change(id, { op: "undo" });
    expect(await state(id)).toEqual(before);
  });

  it("refuses to undo a change whose bank question has gone, and changes nothing", async () => {
    const id = await newQuestionnaire();
    const db = await getDb();
    // A question of this test only, added then removed: deleting it from the bank afterwards
    // leaves the kept copy naming a question that no longer exists.
    const gone = await db.question.create({ data: { code: "undo_t_gone", type: "text", status: "published" } });
    try {
      const section = (await findBuilderQuestionnaire(id))!.sections[0];
      await db.questionnaireItem.create({
        data: {
          questionnaireId: id,
          sectionId: section.id,
          questionId: gone.id,
          questionVersion: 1,
          name: "undo_t_gone",
          position: 10,
        },
      });
      const item = await db.questionnaireItem.findFirstOrThrow({ where: { questionnaireId: id, name: "undo_t_gone" } });
      await change(id, { op: "removeItem", itemId: item.id });
      await db.question.delete({ where: { id: gone.id } });
      const after = await state(id);
      expect(await refusal(change(id, { op: "undo" }))).toBe("undoUnavailable");
      expect(await state(id)).toEqual(after);
    } finally {
      await db.question.deleteMany({ where: { code: "undo_t_gone" } });
    }
  });
});
