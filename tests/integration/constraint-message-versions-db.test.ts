// The English constraint message is part of a question's published versions, and translated
// messages are searched and replaced like labels and hints:
//   - a new English message publishes a version and outdates the translations, whose editor,
//     spreadsheet and XLIFF show the English they were made from; a version kept before messages
//     were recorded reads as having none (and the migration gives each latest version its messages);
//   - an item pinned to an older version exports that version's message and the translation of it;
//   - search and replace finds a translated message where the editor asks for it, and changes it
//     through the review path (pending beside the approved one, revision, audit, conflicts).
// Everything here is made by this file (codes cmv_t_) and removed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";
import { applyBuilderChange, createQuestionnaire } from "@/lib/builder/mutations";
import { person, personOf } from "./person-helpers";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion } from "@/lib/curation/question-status-mutations";
import { findQuestionForEditing } from "@/lib/curation/data";
import { findVersionDiff } from "@/lib/curation/version-data";
import { approveTranslation, saveTranslation, submitTranslation } from "@/lib/translations/mutations";
import { findTranslationItem } from "@/lib/translations/item-data";
import { findSheetRows } from "@/lib/translations/export-context-data";
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { applyReplace, previewReplace } from "@/lib/translations/replace-mutations";
import { isTranslationError } from "@/lib/translations/errors";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { exportQuestionnaire } from "@/lib/export/questionnaire-export";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { findSheet } from "@/lib/xlsform/workbook";
import { convertWithPyxform, pyxformMissing } from "../unit/xlsform-form/pyxform";
import { createPerson } from "./translation-helpers";

const AGE = "cmv_t_age";
const OLD = "cmv_t_old";
const REP = "cmv_t_rep";
const LOOSE = "cmv_t_loose";
const EN_1 = "Enter an age from 15 to 110.";
const EN_2 = "Your age must be from 15 to 110.";
const FR_LABEL = "Quel âge avez-vous ?";
const FR_1 = "Saisissez un âge de 15 à 110.";
const FR_2 = "Votre âge doit être de 15 à 110.";
const FR_COLUMN = "constraint_message::Français (fr)";
const EN_COLUMN = "constraint_message::English (en)";
const curator = person("cmv-test-curator", ["curator"]);
const range = { min: 15, max: 110, maxLength: null, notFuture: false };

let translator: Person;
let reviewer: Person;
let researcher: Person;
const questionnaires: string[] = [];

type Input = Parameters<typeof createQuestion>[0]["input"];
const ageInput = (over: Partial<Input> = {}): Input => ({
  code: AGE,
  type: "integer",
  label: "How old are you?",
  constraint: range,
  constraintMessage: EN_1,
  choiceMode: "none",
  indicators: ["INF-03"],
  tags: [],
  ...over,
});

async function create(input: Input) {
  await createQuestion({ actor: curator, input });
  await publishQuestion({
    actor: curator,
    code: input.code,
    revision: (await findQuestionForEditing(input.code))!.revision,
  });
}

async function update(code: string, input: Input) {
  const form = (await findQuestionForEditing(code))!;
  return updateQuestion({ actor: curator, code, revision: form.revision, input });
}

async function item(code: string) {
  return (await findTranslationItem({ code, lang: "fr" }))!;
}

/** Saved by the translator, submitted, approved by the reviewer. */
async function translate(code: string, text: { label: string; constraintMessage: string }) {
  const now = await item(code);
  const saved = await saveTranslation(translator, {
    code,
    lang: "fr",
    ...text,
    revision: now.target?.revision ?? -1,
    acknowledgeWarnings: true,
  });
  const submitted = await submitTranslation(translator, { code, lang: "fr", revision: saved.revision });
  const approved = await approveTranslation(reviewer, { code, lang: "fr", revision: submitted.revision });
  expect(approved.state).toBe("approved");
}

async function snapshotOf(code: string, version: number) {
  const db = await getDb();
  const row = await db.questionVersion.findFirstOrThrow({
    where: { question: { code }, version },
    select: { id: true, snapshot: true },
  });
  return { id: row.id, snapshot: row.snapshot as QuestionSnapshot };
}

/** Rewrites a version's snapshot as versions were kept before messages were recorded. */
async function forgetMessages(code: string, version: number) {
  const { id, snapshot } = await snapshotOf(code, version);
  const texts = Object.fromEntries(
    Object.entries(snapshot.texts).map(([lang, t]) => [lang, { label: t!.label, hint: t!.hint }]),
  );
  const db = await getDb();
  await db.questionVersion.update({ where: { id }, data: { snapshot: { ...snapshot, texts } } });
}

async function newQuestionnaire(title: string, codes: string[]) {
  const id = (
    await createQuestionnaire({
      actor: researcher,
      settings: { title: { en: title, fr: title }, description: {}, languages: ["en", "fr"], defaultLanguage: "en" },
    })
  ).id;
  questionnaires.push(id);
  const revision = (await findBuilderQuestionnaire(id))!.revision;
  await applyBuilderChange({ actor: researcher, change: { op: "addQuestions", codes, questionnaireId: id, revision } });
  return id;
}

/** The questionnaire's XLSForm bytes and its survey rows. */
async function exported(questionnaireId: string, fallback: "en" | null = null) {
  const doc = (await findQuestionnaireDoc(questionnaireId))!;
  const xlsx = await exportQuestionnaire(doc, { format: "xlsform", fallback });
  if (!xlsx.ok) throw new Error(`not exported: ${JSON.stringify(xlsx)}`);
  const read = await readXlsx(xlsx.bytes);
  if (!read.ok) throw new Error("unreadable XLSForm");
  return { bytes: xlsx.bytes, rows: findSheet(read.workbook, "survey")!.rows.map((r) => r.cells) };
}

beforeAll(async () => {
  translator = await createPerson("cmv-translator-fr", ["translator"], { translate: ["fr"] });
  reviewer = await createPerson("cmv-reviewer-fr", ["reviewer"], { review: ["fr"] });
  researcher = await personOf("researcher@demo.questionbank.org");
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id: { in: questionnaires } } });
  await db.question.deleteMany({ where: { code: { startsWith: "cmv_t_" } } });
});

describe("the English constraint message in published versions", () => {
  let pinnedQuestionnaire = "";

  it("a new English message alone publishes a version and outdates the translation", async () => {
    await create(ageInput());
    expect((await snapshotOf(AGE, 1)).snapshot.texts.en).toEqual({
      label: "How old are you?",
      hint: null,
      constraintMessage: EN_1,
    });
    await translate(AGE, { label: FR_LABEL, constraintMessage: FR_1 });
    // A change that is not the words (a tag) carries the translation to version 2.
    const tagged = await update(AGE, ageInput({ tags: ["cmv-age"] }));
    expect(tagged).toMatchObject({ version: 2, newVersion: true, outdatedTranslations: 0 });
    expect((await snapshotOf(AGE, 2)).snapshot.texts.fr?.constraintMessage).toBe(FR_1);
    expect((await item(AGE)).state).toBe("approved");
    pinnedQuestionnaire = await newQuestionnaire("cmv_t pinned", [AGE]);

    // The same content again is no new version.
    expect(await update(AGE, ageInput({ tags: ["cmv-age"] }))).toMatchObject({ version: 2, newVersion: false });

    const changed = await update(AGE, ageInput({ tags: ["cmv-age"], constraintMessage: EN_2 }));
    expect(changed).toMatchObject({ version: 3, newVersion: true, outdatedTranslations: 1 });
    expect((await snapshotOf(AGE, 3)).snapshot.texts.en?.constraintMessage).toBe(EN_2);
    const diff = (await findVersionDiff(AGE, 2, 3))!;
    expect(diff.fields.map((f) => [f.field, f.lang])).toEqual([["constraintMessage", "en"]]);
  });

  it("the editor, the spreadsheet and XLIFF show the English the translation was made from", async () => {
    const outdated = await item(AGE);
    expect(outdated.state).toBe("outdated");
    expect(outdated.sourceChange).toMatchObject({ fromVersion: 2, toVersion: 3 });
    const fields = outdated.sourceChange!.fields;
    expect(fields.map((f) => f.field)).toEqual(["constraintMessage"]);
    const removed = fields[0].parts.filter((p) => p.kind === "removed").map((p) => p.text.trim());
    const added = fields[0].parts.filter((p) => p.kind === "added").map((p) => p.text.trim());
    expect(removed.join(" ")).toContain("Enter");
    expect(added.join(" ")).toContain("must");

    const rows = await findSheetRows({ lang: "fr", codes: [AGE] });
    const message = rows.find((r) => r.id === `q:${AGE}:constraintMessage`)!;
    expect(message).toMatchObject({ source: EN_2, translation: FR_1, state: "outdated", previous_source: EN_1 });
    // The label did not change: its previous English is the same as now.
    expect(rows.find((r) => r.id === `q:${AGE}:label`)!.previous_source).toBe("How old are you?");

    const units = await findXliffUnits({ lang: "fr", codes: [AGE] });
    expect(units.find((u) => u.id === `q:${AGE}:constraintMessage`)!.notes).toContainEqual(["previous source", EN_1]);
  });

  it("an item pinned to the older version exports that version's message and its approved translation", async () => {
    // The new English message is translated and approved: the bank's item now reads it.
    await translate(AGE, { label: FR_LABEL, constraintMessage: FR_2 });
    const { bytes, rows } = await exported(pinnedQuestionnaire);
    const row = rows.find((r) => r["label::English (en)"] === "How old are you?")!;
    expect(row[EN_COLUMN]).toBe(EN_1);
    expect(row[FR_COLUMN]).toBe(FR_1);
    if (pyxformMissing) console.warn(`pyxform check skipped: ${pyxformMissing}`);
    else {
      const [converted] = await convertWithPyxform([bytes]);
      if (!converted.ok) throw new Error(`pyxform refused the export: ${converted.error}`);
      expect(converted.raw).toContain(FR_1);
      expect(converted.raw).not.toContain(FR_2);
    }

    // Updated to the bank's version, the item takes the new message and its translation.
    const builder = (await findBuilderQuestionnaire(pinnedQuestionnaire))!;
    const itemId = builder.sections.flatMap((s) => s.items).find((i) => i.code === AGE)!.id;
    await applyBuilderChange({
      actor: researcher,
      change: {
        op: "updateFromBank",
        itemId,
        replaceCustom: false,
        questionnaireId: builder.id,
        revision: builder.revision,
      },
    });
    const now = (await exported(pinnedQuestionnaire)).rows.find(
      (r) => r["label::English (en)"] === "How old are you?",
    )!;
    expect([now[EN_COLUMN], now[FR_COLUMN]]).toEqual([EN_2, FR_2]);
  });

  it("a version kept before messages were recorded reads as having none, and the migration fills in the latest", async () => {
    await create(ageInput({ code: OLD }));
    await translate(OLD, { label: FR_LABEL, constraintMessage: FR_1 });
    // Version 2 holds the French too (a tag moved, the translation came along).
    expect(await update(OLD, ageInput({ code: OLD, tags: ["cmv-old"] }))).toMatchObject({
      version: 2,
      newVersion: true,
    });
    // As it would have been kept before messages were recorded.
    await forgetMessages(OLD, 2);
    const migration = await readFile(
      path.resolve(
        import.meta.dirname,
        "../../prisma/migrations/20261207041500_snapshot_constraint_message/migration.sql",
      ),
      "utf8",
    );
    const db = await getDb();
    await db.$executeRawUnsafe(migration);
    expect((await snapshotOf(OLD, 2)).snapshot.texts).toMatchObject({
      en: { label: "How old are you?", constraintMessage: EN_1 },
      fr: { label: FR_LABEL, constraintMessage: FR_1 },
    });
    // So the next save of the same content publishes nothing.
    expect(await update(OLD, ageInput({ code: OLD, tags: ["cmv-old"] }))).toMatchObject({
      version: 2,
      newVersion: false,
    });

    // An older version without messages, then a new English label and message.
    await forgetMessages(OLD, 2);
    const pinned = await newQuestionnaire("cmv_t old", [OLD]);
    const changed = await update(
      OLD,
      ageInput({ code: OLD, tags: ["cmv-old"], label: "What is your age?", constraintMessage: EN_2 }),
    );
    expect(changed).toMatchObject({ version: 3, newVersion: true, outdatedTranslations: 1 });

    // Curation's comparison claims no message change it cannot know of.
    const diff = (await findVersionDiff(OLD, 2, 3))!;
    expect(diff.fields.map((f) => f.field)).not.toContain("constraintMessage");
    expect(diff.fields.map((f) => [f.field, f.lang])).toContainEqual(["label", "en"]);

    // The translator's screens: the missing message reads as empty, nothing fails.
    const outdated = await item(OLD);
    expect(outdated.sourceChange).toMatchObject({ fromVersion: 2, toVersion: 3 });
    expect(outdated.sourceChange!.fields.map((f) => f.field)).toEqual(["label", "constraintMessage"]);
    const rows = await findSheetRows({ lang: "fr", codes: [OLD] });
    expect(rows.find((r) => r.id === `q:${OLD}:label`)!.previous_source).toBe("How old are you?");
    expect(rows.find((r) => r.id === `q:${OLD}:constraintMessage`)!.previous_source).toBe("");
    const units = await findXliffUnits({ lang: "fr", codes: [OLD] });
    expect(units.find((u) => u.id === `q:${OLD}:constraintMessage`)!.notes.map(([k]) => k)).not.toContain(
      "previous source",
    );

    // An item pinned to that version takes the bank's message with its constraint, as before.
    const row = (await exported(pinned, "en")).rows.find((r) => r["label::English (en)"] === "How old are you?")!;
    expect(row[EN_COLUMN]).toBe(EN_2);
  });
});

describe("search and replace in translated constraint messages", () => {
  const TOKEN = "Zorvex";
  const FR_REP = `Saisissez un âge de 15 à 110 (${TOKEN}).`;
  const options = { lang: "fr", find: "zorvex", replace: "Zorvax", caseSensitive: false };

  /** The French row as stored: what the public reads, and what waits beside it. */
  async function stored(code: string) {
    const db = await getDb();
    return db.questionText.findFirstOrThrow({
      where: { question: { code }, lang: "fr" },
      select: {
        label: true,
        constraintMessage: true,
        pendingConstraintMessage: true,
        status: true,
        pendingStatus: true,
        revision: true,
      },
    });
  }

  beforeAll(async () => {
    await create(ageInput({ code: REP }));
    await translate(REP, { label: FR_LABEL, constraintMessage: FR_REP });
    // A question without a constraint: its message is never shown, and the editor does not ask for it.
    await create(ageInput({ code: LOOSE, constraint: undefined, constraintMessage: "Never shown." }));
    await saveTranslation(translator, {
      code: LOOSE,
      lang: "fr",
      label: "Quel âge ?",
      constraintMessage: `Jamais montré (${TOKEN}).`,
      revision: -1,
      acknowledgeWarnings: true,
    });
  });

  it("previews the message's change, named as such, and writes nothing", async () => {
    const before = await stored(REP);
    const preview = await previewReplace(translator, options);
    expect(preview.items.map((i) => i.code)).toEqual([REP]);
    expect(preview.items[0].changes.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: "constraintMessage", before: FR_REP, after: FR_REP.replace(TOKEN, "Zorvax") },
    ]);
    expect(preview.items[0].outcome.result).toBe("apply");
    expect(await stored(REP)).toEqual(before);
    expect((await previewReplace(translator, { ...options, caseSensitive: true })).items).toEqual([]);
  });

  it("applies it beside the approved message, for review, with a revision and an audit event", async () => {
    const preview = await previewReplace(translator, options);
    const items = preview.items.map(({ code, revision, fingerprint }) => ({ code, revision, fingerprint }));
    const out = await applyReplace(translator, { ...options, items });
    expect(out.map((o) => [o.code, o.result])).toEqual([[REP, "apply"]]);
    const after = FR_REP.replace(TOKEN, "Zorvax");
    expect(await stored(REP)).toMatchObject({
      label: FR_LABEL,
      constraintMessage: FR_REP,
      pendingConstraintMessage: after,
      status: "approved",
      pendingStatus: "draft",
    });
    const db = await getDb();
    const revision = await db.translationRevision.findFirstOrThrow({
      where: { question: { code: REP }, lang: "fr", action: "replace" },
      select: { label: true, constraintMessage: true, status: true, createdById: true },
    });
    expect(revision).toEqual({
      label: FR_LABEL,
      constraintMessage: after,
      status: "draft",
      createdById: translator.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "translation.replace", entityId: `${REP}:fr` },
      select: { actorId: true, before: true, after: true },
    });
    expect(audit.actorId).toBe(translator.id);
    expect(audit.before).toMatchObject({ constraintMessage: FR_REP });
    expect(audit.after).toMatchObject({ constraintMessage: after });
    expect(
      await db.auditEvent.count({ where: { action: "translation.bulk_replace", actorId: translator.id } }),
    ).toBeGreaterThan(0);
    // The untouched question without a constraint keeps its message.
    expect((await stored(LOOSE)).constraintMessage).toBe(`Jamais montré (${TOKEN}).`);

    // Approved by the reviewer, the replaced message is what the public reads.
    const submitted = await submitTranslation(translator, {
      code: REP,
      lang: "fr",
      revision: (await stored(REP)).revision,
    });
    await approveTranslation(reviewer, { code: REP, lang: "fr", revision: submitted.revision });
    expect(await stored(REP)).toMatchObject({ constraintMessage: after, pendingConstraintMessage: null });
  });

  it("skips a message changed since the preview, and refuses a person who may not translate French", async () => {
    const preview = await previewReplace(translator, { ...options, find: "zorvax", replace: "Zorvex" });
    const shown = preview.items.find((i) => i.code === REP)!;
    expect(shown.changes.map((c) => c.field)).toEqual(["constraintMessage"]);
    // Someone saves another message after the preview.
    await saveTranslation(translator, {
      code: REP,
      lang: "fr",
      label: FR_LABEL,
      constraintMessage: "Un âge de 15 à 110 (Zorvax), s’il vous plaît.",
      revision: shown.revision,
      acknowledgeWarnings: true,
    });
    const item = { code: shown.code, revision: shown.revision, fingerprint: shown.fingerprint };
    const out = await applyReplace(translator, { ...options, find: "zorvax", replace: "Zorvex", items: [item] });
    expect(out[0]).toMatchObject({ result: "skip", reason: "conflict" });
    expect((await stored(REP)).pendingConstraintMessage).toBe("Un âge de 15 à 110 (Zorvax), s’il vous plaît.");

    const refused = await previewReplace(reviewer, options).catch((e) => e);
    expect(isTranslationError(refused) && refused.code).toBe("forbidden");
  });
});
