// A questionnaire stays linked to the bank version it took (lib/questionnaires/item-texts.ts): a
// curator publishes a new version of a bank question, and the builder, the preview's plain
// questionnaire, the readiness check and both exports still show the version the questionnaire
// took, with its translations, until the researcher updates the item; then they show the new one.
// Customised wording survives both. Everything here is made by this file (codes bnk_t_) and removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { applyBuilderChange, createQuestionnaire } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire, findVersionPairs } from "@/lib/builder/data";
import { BuilderError } from "@/lib/builder/errors";
import type { BuilderChange } from "@/lib/builder/schema";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion } from "@/lib/curation/question-status-mutations";
import { findQuestionForEditing } from "@/lib/curation/data";
import { approveTranslation, saveTranslation, submitTranslation } from "@/lib/translations/mutations";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { allItems } from "@/lib/questionnaires/model";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { exportQuestionnaire } from "@/lib/export/questionnaire-export";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { findSheet } from "@/lib/xlsform/workbook";
import { createPerson } from "./translation-helpers";
import { person, personOf } from "./person-helpers";

const PIN = "bnk_t_trust_workers";
const CUSTOM = "bnk_t_age_years";
const OLD = "Do you trust the health workers in your area?";
const NEW = "Do you trust the health workers in your district?";
const OLD_FR = "Faites-vous confiance aux agents de santé de votre région ?";
const NEW_FR = "Faites-vous confiance aux agents de santé de votre district ?";
const CUSTOM_WORDING = {
  en: "How old were you on your last birthday?",
  fr: "Quel âge aviez-vous à votre dernier anniversaire ?",
};

const curator = person("bnk-test-curator", ["curator"]);
let researcher: Person;
const created: string[] = [];

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BuilderError);
  return (error as BuilderError).code;
}

type ChangeBody = BuilderChange extends infer C
  ? C extends unknown
    ? Omit<C, "questionnaireId" | "revision"> & { revision?: number }
    : never
  : never;
async function change(id: string, body: ChangeBody, actor: Person = researcher) {
  const revision = body.revision ?? (await findBuilderQuestionnaire(id))!.revision;
  return applyBuilderChange({ actor, change: { ...body, questionnaireId: id, revision } as BuilderChange });
}

/** Translates the question into French the way translators do: save, submit, approve. */
async function translateFr(code: string, label: string, choices: { name: string; label: string }[]) {
  const translator = await createPerson("bnk-test-translator", ["translator"], { translate: ["fr"] });
  const reviewer = await createPerson("bnk-test-reviewer", ["reviewer"], { review: ["fr"] });
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({
    where: { code },
    select: {
      texts: { where: { lang: "fr" }, select: { revision: true } },
      choiceList: {
        select: { choices: { select: { name: true, texts: { where: { lang: "fr" }, select: { revision: true } } } } },
      },
    },
  });
  const choiceRevision = (name: string) => q.choiceList!.choices.find((c) => c.name === name)?.texts[0]?.revision ?? -1;
  const saved = await saveTranslation(translator, {
    code,
    lang: "fr",
    label,
    hint: null,
    choices: choices.map((c) => ({ ...c, revision: choiceRevision(c.name) })),
    revision: q.texts[0]?.revision ?? -1,
    acknowledgeWarnings: true,
  });
  const submitted = await submitTranslation(translator, { code, lang: "fr", revision: saved.revision });
  await approveTranslation(reviewer, { code, lang: "fr", revision: submitted.revision });
}

async function exported(id: string) {
  const doc = (await findQuestionnaireDoc(id))!;
  const xlsx = await exportQuestionnaire(doc, { format: "xlsform" });
  const csv = await exportQuestionnaire(doc, { format: "csv" });
  if (!xlsx.ok || !csv.ok) throw new Error(`not exported: ${JSON.stringify(xlsx.ok ? csv : xlsx)}`);
  const read = await readXlsx(xlsx.bytes);
  if (!read.ok) throw new Error("unreadable XLSForm");
  const survey = findSheet(read.workbook, "survey")!.rows.map((r) => r.cells);
  const choices = findSheet(read.workbook, "choices")!.rows.map((r) => r.cells);
  return { doc, survey, choices, csv: new TextDecoder().decode(csv.bytes) };
}

const surveyRow = (rows: Record<string, string>[], name: string) => rows.find((r) => r.name === name)!;

beforeAll(async () => {
  researcher = await personOf("researcher@demo.questionbank.org");
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id: { in: created } } });
  await db.question.deleteMany({ where: { code: { startsWith: "bnk_t_" } } });
  await db.choiceList.deleteMany({ where: { name: { startsWith: "bnk_t_" } } });
});

describe("a questionnaire linked to the bank version it took", () => {
  it("keeps the old version everywhere until the researcher updates, then shows the new one; custom wording stays", async () => {
    await createQuestion({
      actor: curator,
      input: {
        code: PIN,
        type: "select_one",
        label: OLD,
        choiceMode: "own",
        ownChoices: [
          { name: "yes", label: "Yes" },
          { name: "no", label: "No" },
        ],
        indicators: ["INF-03"],
        tags: [],
      },
    });
    await createQuestion({
      actor: curator,
      input: {
        code: CUSTOM,
        type: "integer",
        label: "How old are you?",
        choiceMode: "none",
        indicators: ["INF-03"],
        tags: [],
      },
    });
    for (const code of [PIN, CUSTOM])
      await publishQuestion({ actor: curator, code, revision: (await findQuestionForEditing(code))!.revision });
    // Approved after version 1 was published: a translation of the same source text, so it counts.
    await translateFr(PIN, OLD_FR, [
      { name: "yes", label: "Oui" },
      { name: "no", label: "Non" },
    ]);

    const { id } = await createQuestionnaire({
      actor: researcher,
      settings: {
        title: { en: "bnk_t survey", fr: "bnk_t enquête" },
        description: {},
        languages: ["en", "fr"],
        defaultLanguage: "en",
      },
    });
    created.push(id);
    await change(id, { op: "addQuestions", codes: [PIN, CUSTOM] });
    const customId = (await findBuilderQuestionnaire(id))!.sections[0].items[1].id;
    await change(id, { op: "customiseItem", itemId: customId, customText: { label: CUSTOM_WORDING, hint: {} } });
    const before = await exported(id);
    expect(surveyRow(before.survey, PIN)["label::English (en)"]).toBe(OLD);

    // The curator publishes version 2: new wording, a new choice; the French becomes outdated in the bank.
    const version2 = [
      {
        code: PIN,
        type: "select_one" as const,
        label: NEW,
        choiceMode: "own" as const,
        ownChoices: [
          { name: "yes", label: "Yes" },
          { name: "no", label: "No" },
          { name: "unsure", label: "Not sure" },
        ],
      },
      { code: CUSTOM, type: "integer" as const, label: "How old are you now?", choiceMode: "none" as const },
    ];
    for (const input of version2) {
      const result = await updateQuestion({
        actor: curator,
        code: input.code,
        revision: (await findQuestionForEditing(input.code))!.revision,
        input: { ...input, indicators: ["INF-03"], tags: [] },
      });
      expect(result.version).toBe(2);
    }
    // ... and the French of version 2 is approved in the bank: a translation of a newer source text.
    await translateFr(PIN, NEW_FR, [
      { name: "yes", label: "Oui" },
      { name: "no", label: "Non" },
      { name: "unsure", label: "Pas sûr" },
    ]);

    // The builder reports the newer version, and still shows version 1's words, choices and French.
    let builder = (await findBuilderQuestionnaire(id))!;
    let [pin, custom] = builder.sections[0].items;
    expect(pin).toMatchObject({ itemVersion: 1, bankVersion: 2 });
    expect(custom).toMatchObject({ itemVersion: 1, bankVersion: 2, customText: { label: CUSTOM_WORDING } });
    expect(pin.label.en).toEqual({ text: OLD, status: "approved" });
    expect(pin.label.fr).toEqual({ text: OLD_FR, status: "approved" });
    expect(pin.choices.map((c) => c.name)).toEqual(["yes", "no"]);
    expect(custom.label.en?.text).toBe("How old are you?");
    const pairs = await findVersionPairs(builder.sections[0].items);
    expect([pairs[PIN].from!.texts.en!.label, pairs[PIN].to!.texts.en!.label]).toEqual([OLD, NEW]);

    // Preview data, readiness and both exports: version 1, nothing from version 2.
    let out = await exported(id);
    expect(allItems(out.doc).map((i) => i.label.en?.text)).toEqual([OLD, CUSTOM_WORDING.en]);
    expect(checkReadiness(out.doc).ready).toBe(true);
    expect(surveyRow(out.survey, PIN)).toMatchObject({ "label::English (en)": OLD, "label::Français (fr)": OLD_FR });
    expect(surveyRow(out.survey, CUSTOM)["label::English (en)"]).toBe(CUSTOM_WORDING.en);
    expect(
      out.choices.filter((c) => c.list_name === surveyRow(out.survey, PIN).type.split(" ")[1]).map((c) => c.name),
    ).toEqual(["yes", "no"]);
    expect(out.csv).toContain(OLD);
    for (const text of [NEW, NEW_FR, "Not sure", "How old are you now?"]) {
      expect(out.csv).not.toContain(text);
      expect(JSON.stringify([out.survey, out.choices])).not.toContain(text);
    }

    // The update is checked like every change: a stale revision and another person are refused.
    const stale = builder.revision;
    await change(id, { op: "updateFromBank", itemId: pin.id });
    expect(await refusal(change(id, { op: "updateFromBank", itemId: custom.id, revision: stale }))).toBe("conflict");
    expect(
      await refusal(change(id, { op: "updateFromBank", itemId: custom.id }, person("bnk-test-other", ["researcher"]))),
    ).toBe("notFound");
    await change(id, { op: "updateFromBank", itemId: custom.id, replaceCustom: false });

    builder = (await findBuilderQuestionnaire(id))!;
    [pin, custom] = builder.sections[0].items;
    expect(pin).toMatchObject({ itemVersion: 2, bankVersion: 2 });
    expect(pin.label.en?.text).toBe(NEW);
    expect(pin.label.fr).toEqual({ text: NEW_FR, status: "approved" });
    expect(pin.choices.map((c) => c.name)).toEqual(["yes", "no", "unsure"]);
    expect(custom).toMatchObject({ itemVersion: 2, customText: { label: CUSTOM_WORDING } });

    out = await exported(id);
    expect(surveyRow(out.survey, PIN)).toMatchObject({ "label::English (en)": NEW, "label::Français (fr)": NEW_FR });
    expect(surveyRow(out.survey, CUSTOM)["label::English (en)"]).toBe(CUSTOM_WORDING.en);
    expect(out.choices.find((c) => c.name === "unsure")).toMatchObject({
      "label::English (en)": "Not sure",
      "label::Français (fr)": "Pas sûr",
    });
    expect(out.csv).toContain(NEW);
    expect(out.csv).not.toContain(OLD);

    const db = await getDb();
    const audit = await db.auditEvent.findMany({
      where: { entityType: "questionnaire", entityId: id, action: "questionnaire.updateFromBank" },
      orderBy: { createdAt: "asc" },
      select: { actorId: true, after: true },
    });
    expect(audit.map((a) => a.after)).toEqual([
      { item: PIN, from: 1, to: 2, replacedCustom: false },
      { item: CUSTOM, from: 1, to: 2, replacedCustom: false },
    ]);
    expect(audit.every((a) => a.actorId === researcher.id)).toBe(true);
  });

  it("checks skip logic against the choices of the version an item follows", async () => {
    const GATE = "bnk_t_gate_choice";
    const FOLLOW = "bnk_t_gate_followup";
    const gate = (ownChoices: { name: string; label: string }[], label = "Have you heard of the campaign?") => ({
      code: GATE,
      type: "select_one" as const,
      label,
      choiceMode: "own" as const,
      ownChoices,
      indicators: ["INF-03"],
      tags: [],
    });
    await createQuestion({
      actor: curator,
      input: gate([
        { name: "yes", label: "Yes" },
        { name: "no", label: "No" },
        { name: "maybe", label: "Maybe" },
      ]),
    });
    await createQuestion({
      actor: curator,
      input: {
        code: FOLLOW,
        type: "text",
        label: "Where did you hear of it?",
        choiceMode: "none",
        indicators: ["INF-03"],
        tags: [],
      },
    });
    for (const code of [GATE, FOLLOW])
      await publishQuestion({ actor: curator, code, revision: (await findQuestionForEditing(code))!.revision });
    const { id } = await createQuestionnaire({
      actor: researcher,
      settings: { title: { en: "bnk_t gate" }, description: {}, languages: ["en"], defaultLanguage: "en" },
    });
    created.push(id);
    await change(id, { op: "addQuestions", codes: [GATE, FOLLOW] });

    // Version 2 drops "maybe"; the questionnaire still follows version 1, where "maybe" exists.
    await updateQuestion({
      actor: curator,
      code: GATE,
      revision: (await findQuestionForEditing(GATE))!.revision,
      input: gate(
        [
          { name: "yes", label: "Yes" },
          { name: "no", label: "No" },
        ],
        "Have you heard of this campaign?",
      ),
    });
    const [gateItem, followItem] = (await findBuilderQuestionnaire(id))!.sections[0].items;
    expect(gateItem.choices.map((c) => c.name)).toEqual(["yes", "no", "maybe"]);
    const relevant = {
      combinator: "and" as const,
      rules: [{ question: GATE, operator: "eq" as const, value: "maybe" }],
    };
    await change(id, {
      op: "updateItem",
      itemId: followItem.id,
      settings: { required: false, requiredMessage: {}, relevant, constraint: null, constraintMessage: {} },
    });
    expect(checkReadiness((await findQuestionnaireDoc(id))!).ready).toBe(true);

    // Taking version 2 leaves the rule pointing at an answer that no longer exists: the check says so.
    await change(id, { op: "updateFromBank", itemId: gateItem.id });
    const issues = checkReadiness((await findQuestionnaireDoc(id))!).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ kind: "broken_skip_logic", item: FOLLOW, question: GATE, problem: "unknown_choice" }),
    );
  });
});
