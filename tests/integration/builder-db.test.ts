// The questionnaire builder's data layer on a real database: creating, adding from the bank (never
// twice), sections and order, skip logic that only looks back, custom wording, updates from the
// bank, stale revisions refused, other people kept out, and the result exporting as a valid XLSForm.
// Everything here is made by this file and removed afterwards (questions with the code prefix bld_t_).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import {
  applyBuilderChange,
  createQuestionnaire,
  deleteQuestionnaire,
  duplicateQuestionnaire,
} from "@/lib/builder/mutations";
import { findBuilderQuestionnaire, findMyQuestionnaires, findVersionPairs } from "@/lib/builder/data";
import { BuilderError } from "@/lib/builder/errors";
import type { BuilderChange } from "@/lib/builder/schema";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion } from "@/lib/curation/question-status-mutations";
import { findQuestionForEditing } from "@/lib/curation/data";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { exportQuestionnaire } from "@/lib/export/questionnaire-export";
import { person, personOf } from "./person-helpers";

let researcher: Person;
const otherResearcher = person("bld-test-other", ["researcher"]);
const curator = person("bld-test-curator", ["curator"]);
const created: string[] = [];

async function expectFailure(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(BuilderError);
  expect((error as BuilderError).code).toBe(code);
  return error as BuilderError;
}

async function newQuestionnaire(languages = ["en", "fr", "ar"], title = "bld_t survey") {
  const { id } = await createQuestionnaire({
    actor: researcher,
    settings: { title: { en: title, fr: `${title} (fr)` }, description: {}, languages, defaultLanguage: "en" },
  });
  created.push(id);
  return id;
}

async function view(id: string) {
  return (await findBuilderQuestionnaire(id))!;
}

type ChangeBody = BuilderChange extends infer C
  ? C extends unknown
    ? Omit<C, "questionnaireId" | "revision"> & { revision?: number }
    : never
  : never;

/** Applies a change made on the questionnaire as it stands now. */
async function change(id: string, body: ChangeBody, actor: Person | null = researcher) {
  const revision = body.revision ?? (await view(id)).revision;
  return applyBuilderChange({ actor, change: { ...body, questionnaireId: id, revision } as BuilderChange });
}

const names = async (id: string) =>
  (await view(id)).sections.map((s) => `${s.name}: ${s.items.map((i) => i.name).join(" ")}`);
const itemId = async (id: string, name: string) =>
  (await view(id)).sections.flatMap((s) => s.items).find((i) => i.name === name)!.id;

beforeAll(async () => {
  researcher = await personOf("researcher@demo.questionbank.org");
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id: { in: created } } });
  await db.questionnaire.deleteMany({ where: { items: { some: { question: { code: { startsWith: "bld_t_" } } } } } });
  await db.question.deleteMany({ where: { code: { startsWith: "bld_t_" } } });
  await db.choiceList.deleteMany({ where: { name: { startsWith: "bld_t_" } } });
});

describe("creating questionnaires", () => {
  it("creates a private questionnaire with its languages and a first section titled in each", async () => {
    const id = await newQuestionnaire();
    const q = await view(id);
    expect(q).toMatchObject({
      ownerId: researcher.id,
      visibility: "private",
      languages: ["en", "fr", "ar"],
      defaultLanguage: "en",
      revision: 0,
    });
    expect(q.sections).toHaveLength(1);
    expect(q.sections[0].title).toEqual({ en: "Section 1", fr: "Section n° 1", ar: "القسم 1" });
    expect((await findMyQuestionnaires(researcher.id)).map((m) => m.id)).toContain(id);
  });

  it("refuses no language, a default language not chosen, a title missing in the default language, and a non-researcher", async () => {
    const settings = { title: { en: "x" }, description: {}, languages: [], defaultLanguage: "en" };
    await expect(createQuestionnaire({ actor: researcher, settings })).rejects.toBeInstanceOf(ZodError);
    await expect(
      createQuestionnaire({ actor: researcher, settings: { ...settings, languages: ["fr"] } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      createQuestionnaire({
        actor: researcher,
        settings: { ...settings, title: { fr: "x" }, languages: ["en", "fr"] },
      }),
    ).rejects.toBeInstanceOf(ZodError);
    await expectFailure(
      createQuestionnaire({
        actor: curator,
        settings: { ...settings, languages: ["en"] },
      }),
      "forbidden",
    );
    await expectFailure(
      createQuestionnaire({ actor: null, settings: { ...settings, languages: ["en"] } }),
      "forbidden",
    );
  });
});

describe("adding questions and organising them", () => {
  it("adds from the bank once only, says which were already there, and refuses unknown or unpublished codes", async () => {
    const id = await newQuestionnaire();
    const first = await change(id, { op: "addQuestions", codes: ["bkg_consent", "bkg_age"] });
    expect(first.details).toMatchObject({ added: ["bkg_consent", "bkg_age"], alreadyPresent: [] });
    const again = await change(id, { op: "addQuestions", codes: ["bkg_age", "bkg_gender"] });
    expect(again.details).toMatchObject({ added: ["bkg_gender"], alreadyPresent: ["bkg_age"] });
    const twice = await expectFailure(change(id, { op: "addQuestions", codes: ["bkg_age"] }), "alreadyInQuestionnaire");
    expect(twice.details.codes).toEqual(["bkg_age"]);
    const unknown = await expectFailure(
      change(id, { op: "addQuestions", codes: ["bkg_age", "no_such_question"] }),
      "unknownQuestions",
    );
    expect(unknown.details.codes).toEqual(["no_such_question"]);
    expect(await names(id)).toEqual(["section_1: bkg_consent bkg_age bkg_gender"]);
    // The link remembers the bank version each item was taken from.
    const items = (await view(id)).sections[0].items;
    expect(items.every((i) => i.itemVersion === i.bankVersion && i.itemVersion >= 1)).toBe(true);
  });

  it("adds all published questions of an indicator, skipping those already present", async () => {
    const id = await newQuestionnaire();
    await change(id, { op: "addQuestions", codes: ["per_vac_intent"] });
    const outcome = await change(id, { op: "addIndicator", indicator: "PER-03" });
    expect(outcome.details).toMatchObject({ alreadyPresent: ["per_vac_intent"] });
    expect((outcome.details.added as string[]).length).toBeGreaterThanOrEqual(4);
    await expectFailure(change(id, { op: "addIndicator", indicator: "PER-03" }), "alreadyInQuestionnaire");
    await expectFailure(change(id, { op: "addIndicator", indicator: "NOPE-01" }), "notFound");
  });

  it("makes sections, moves items within and between them and moves sections, keeping positions dense", async () => {
    const id = await newQuestionnaire();
    await change(id, { op: "addQuestions", codes: ["bkg_consent", "bkg_age", "bkg_gender", "bkg_education"] });
    await change(id, { op: "addSection", title: { en: "Household", fr: "Ménage" } });
    const [s1, s2] = (await view(id)).sections;
    expect(s2).toMatchObject({ name: "section_2", title: { en: "Household", fr: "Ménage" } });
    await change(id, { op: "moveItem", itemId: await itemId(id, "bkg_education"), sectionId: s2.id, position: 0 });
    await change(id, { op: "moveItem", itemId: await itemId(id, "bkg_gender"), sectionId: s1.id, position: 0 });
    expect(await names(id)).toEqual(["section_1: bkg_gender bkg_consent bkg_age", "section_2: bkg_education"]);
    await change(id, { op: "addQuestions", codes: ["bkg_household_size"], sectionId: s2.id });
    await change(id, { op: "moveSection", sectionId: s2.id, position: 0 });
    await change(id, { op: "renameSection", sectionId: s1.id, title: { en: "About you" } });
    expect(await names(id)).toEqual([
      "section_2: bkg_education bkg_household_size",
      "section_1: bkg_gender bkg_consent bkg_age",
    ]);
    const db = await getDb();
    const positions = await db.questionnaireItem.findMany({
      where: { questionnaireId: id },
      orderBy: [{ sectionId: "asc" }, { position: "asc" }],
      select: { sectionId: true, position: true },
    });
    for (const sectionId of [s1.id, s2.id]) {
      const mine = positions.filter((p) => p.sectionId === sectionId).map((p) => p.position);
      expect(mine).toEqual(mine.map((_, i) => i));
    }
    await change(id, { op: "removeItem", itemId: await itemId(id, "bkg_consent") });
    await change(id, { op: "removeSection", sectionId: s2.id });
    expect(await names(id)).toEqual(["section_1: bkg_gender bkg_age"]);
    await expectFailure(change(id, { op: "renameSection", sectionId: s1.id, title: {} }), "titleRequired");
    await expectFailure(
      change(id, { op: "moveItem", itemId: await itemId(id, "bkg_age"), sectionId: "no-such-section", position: 0 }),
      "unknownSection",
    );
  });
});

describe("skip logic, required and constraints", () => {
  it("stores rules that look back, refuses rules that look forward or do not fit, and guards moves and removals", async () => {
    const id = await newQuestionnaire();
    await change(id, { op: "addQuestions", codes: ["bkg_consent", "bkg_age", "inf_sources_all", "inf_source_main"] });
    const consent = {
      combinator: "and" as const,
      rules: [{ question: "bkg_consent", operator: "eq" as const, value: "yes" }],
    };
    const settings = (over: object = {}) => ({
      required: true,
      requiredMessage: { en: "Please answer" },
      relevant: consent,
      constraint: null,
      constraintMessage: {},
      ...over,
    });
    await change(id, {
      op: "updateItem",
      itemId: await itemId(id, "bkg_age"),
      settings: settings({ constraint: { min: 15, max: 110 }, constraintMessage: { en: "15 to 110", fr: "15 à 110" } }),
    });
    const age = (await view(id)).sections[0].items.find((i) => i.name === "bkg_age")!;
    expect(age).toMatchObject({
      required: true,
      requiredMessage: { en: "Please answer" },
      relevant: consent,
      range: { min: 15, max: 110 },
      constraintMessage: { en: "15 to 110", fr: "15 à 110" },
    });

    // "or", "includes", numbers
    const mixed = {
      combinator: "or" as const,
      rules: [
        { question: "bkg_age", operator: "gte" as const, value: 18 },
        { question: "inf_sources_all", operator: "selected" as const, value: "radio" },
      ],
    };
    await change(id, {
      op: "updateItem",
      itemId: await itemId(id, "inf_source_main"),
      settings: settings({ relevant: mixed, required: false }),
    });

    const forward = {
      combinator: "and" as const,
      rules: [{ question: "inf_source_main", operator: "eq" as const, value: "radio" }],
    };
    const refused = await expectFailure(
      change(id, { op: "updateItem", itemId: await itemId(id, "bkg_age"), settings: settings({ relevant: forward }) }),
      "skipLogicBroken",
    );
    expect(refused.details.problems).toEqual([
      { owner: "bkg_age", question: "inf_source_main", problem: "later_question" },
    ]);
    const wrongOperator = {
      combinator: "and" as const,
      rules: [{ question: "bkg_consent", operator: "gt" as const, value: 3 }],
    };
    await expectFailure(
      change(id, {
        op: "updateItem",
        itemId: await itemId(id, "bkg_age"),
        settings: settings({ relevant: wrongOperator }),
      }),
      "invalidRule",
    );
    const unknownChoice = {
      combinator: "and" as const,
      rules: [{ question: "bkg_consent", operator: "eq" as const, value: "perhaps" }],
    };
    await expectFailure(
      change(id, {
        op: "updateItem",
        itemId: await itemId(id, "bkg_age"),
        settings: settings({ relevant: unknownChoice }),
      }),
      "invalidRule",
    );
    await expectFailure(
      change(id, {
        op: "updateItem",
        itemId: await itemId(id, "bkg_consent"),
        settings: settings({ relevant: null, constraint: { min: 1, max: 2 } }),
      }),
      "constraintNotNumeric",
    );

    // Moving the question others depend on after them, or removing it, is refused; nothing changes.
    const before = await view(id);
    const moved = await expectFailure(
      change(id, {
        op: "moveItem",
        itemId: await itemId(id, "bkg_consent"),
        sectionId: before.sections[0].id,
        position: 3,
      }),
      "skipLogicBroken",
    );
    expect(moved.details.problems!.map((p) => p.owner)).toEqual(["bkg_age"]);
    await expectFailure(change(id, { op: "removeItem", itemId: await itemId(id, "bkg_age") }), "skipLogicBroken");
    const after = await view(id);
    expect(after.revision).toBe(before.revision);
    expect(await names(id)).toEqual(["section_1: bkg_consent bkg_age inf_sources_all inf_source_main"]);

    // The stored rules become a valid XLSForm relevant, and the questionnaire exports.
    const doc = (await findQuestionnaireDoc(id))!;
    expect(checkReadiness(doc).issues.filter((i) => i.kind === "broken_skip_logic")).toEqual([]);
    const exported = await exportQuestionnaire(doc, { format: "xlsform", languages: ["en"], fallback: null });
    expect(exported.ok, JSON.stringify(exported)).toBe(true);
  });
});

describe("custom wording and updates from the bank", () => {
  it("shows a newer bank version with both versions, updates on one click, and keeps custom wording unless asked", async () => {
    await createQuestion({
      actor: curator,
      input: {
        code: "bld_t_trust",
        type: "text",
        label: "Whom do you trust for health advice?",
        choiceMode: "none",
        indicators: ["INF-03"],
        tags: [],
      },
      translations: { fr: { label: "À qui faites-vous confiance pour des conseils de santé ?" } },
    });
    await createQuestion({
      actor: curator,
      input: {
        code: "bld_t_worry",
        type: "text",
        label: "What worries you most?",
        choiceMode: "none",
        indicators: ["INF-03"],
        tags: [],
      },
    });
    for (const code of ["bld_t_trust", "bld_t_worry"])
      await publishQuestion({ actor: curator, code, revision: (await findQuestionForEditing(code))!.revision });

    const id = await newQuestionnaire(["en", "fr"]);
    await change(id, { op: "addQuestions", codes: ["bld_t_trust", "bld_t_worry"] });
    await change(id, {
      op: "customiseItem",
      itemId: await itemId(id, "bld_t_worry"),
      customText: { label: { en: "What worries you most these days?" }, hint: {} },
    });

    for (const [code, label] of [
      ["bld_t_trust", "Whom do you trust most for health advice?"],
      ["bld_t_worry", "What worries you the most?"],
    ]) {
      const form = (await findQuestionForEditing(code))!;
      await updateQuestion({
        actor: curator,
        code,
        revision: form.revision,
        input: { code, type: "text", label, choiceMode: "none", indicators: ["INF-03"], tags: [] },
      });
    }

    let q = await view(id);
    const [trust, worry] = q.sections[0].items;
    expect(trust).toMatchObject({ itemVersion: 1, bankVersion: 2, customText: null });
    expect(worry).toMatchObject({
      itemVersion: 1,
      bankVersion: 2,
      customText: { label: { en: "What worries you most these days?" } },
    });
    const pairs = await findVersionPairs(q.sections[0].items);
    expect(pairs.bld_t_trust.from!.texts.en!.label).toBe("Whom do you trust for health advice?");
    expect(pairs.bld_t_trust.to!.texts.en!.label).toBe("Whom do you trust most for health advice?");

    await change(id, { op: "updateFromBank", itemId: trust.id });
    await change(id, { op: "updateFromBank", itemId: worry.id, replaceCustom: false });
    q = await view(id);
    expect(q.sections[0].items.map((i) => [i.itemVersion, i.bankVersion])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    // Updating never replaced the custom wording silently; asking for it does.
    expect(q.sections[0].items[1].customText).toEqual({ label: { en: "What worries you most these days?" } });
    await change(id, { op: "customiseItem", itemId: worry.id, customText: null });
    expect((await view(id)).sections[0].items[1].customText).toBeNull();

    const db = await getDb();
    const audit = await db.auditEvent.findMany({
      where: { entityType: "questionnaire", entityId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "questionnaire.create",
      "questionnaire.addQuestions",
      "questionnaire.customiseItem",
      "questionnaire.updateFromBank",
      "questionnaire.updateFromBank",
      "questionnaire.customiseItem",
    ]);
    expect(audit.every((a) => a.actorId === researcher.id)).toBe(true);
  });
});

describe("who may change what, and stale copies", () => {
  it("refuses a change made on a stale revision, and people who do not own the questionnaire", async () => {
    const id = await newQuestionnaire();
    const { revision } = await view(id);
    await change(id, { op: "addQuestions", codes: ["bkg_age"], revision });
    const stale = await expectFailure(change(id, { op: "addQuestions", codes: ["bkg_gender"], revision }), "conflict");
    expect(stale.details.revision).toBe(revision + 1);
    expect(await names(id)).toEqual(["section_1: bkg_age"]);

    await expectFailure(change(id, { op: "addQuestions", codes: ["bkg_gender"] }, otherResearcher), "notFound");
    await expectFailure(change(id, { op: "addQuestions", codes: ["bkg_gender"] }, null), "notFound");
    await expectFailure(
      deleteQuestionnaire({ actor: otherResearcher, input: { questionnaireId: id, revision: revision + 1 } }),
      "notFound",
    );
    await expectFailure(
      deleteQuestionnaire({ actor: researcher, input: { questionnaireId: id, revision } }),
      "conflict",
    );
    await deleteQuestionnaire({ actor: researcher, input: { questionnaireId: id, revision: revision + 1 } });
    expect(await findBuilderQuestionnaire(id)).toBeNull();
  });

  it("duplicates a public template into a private copy with its sections, skip logic and bank links", async () => {
    const db = await getDb();
    const template = await db.questionnaire.findUniqueOrThrow({
      where: { slug: "vaccine-acceptance-rapid-assessment" },
      select: { id: true },
    });
    const { id } = await duplicateQuestionnaire({ actor: researcher, input: { questionnaireId: template.id } });
    created.push(id);
    const [copy, original] = [await view(id), await view(template.id)];
    expect(copy).toMatchObject({ ownerId: researcher.id, visibility: "private", languages: original.languages });
    expect(copy.title.en).toBe(`Copy of ${original.title.en}`);
    expect(copy.title.fr).toMatch(/^Copie de /);
    const shape = (q: typeof copy) =>
      q.sections.map((s) => [s.name, s.relevant, s.items.map((i) => [i.name, i.relevant, i.required, i.itemVersion])]);
    expect(shape(copy)).toEqual(shape(original));
    // The copy is the researcher's to edit; the template is not.
    await change(id, { op: "renameSection", sectionId: copy.sections[0].id, title: { en: "Start" } });
    await expectFailure(
      change(template.id, { op: "renameSection", sectionId: original.sections[0].id, title: { en: "Start" } }),
      "forbidden",
    );
    // Someone else's private questionnaire cannot be copied.
    await expectFailure(duplicateQuestionnaire({ actor: otherResearcher, input: { questionnaireId: id } }), "notFound");
  });
});
