// A translated constraint message takes the review path of the label and hint it shares a row with:
// typed, imported (spreadsheet, XLIFF) or restored, it waits as a draft beside the approved one,
// only a reviewer who is not its last editor approves it, and the XLSForm export reads the approved
// message until then. Everything here is made by this file (codes cmsg_t_) and removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { applyBuilderChange, createQuestionnaire } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion } from "@/lib/curation/question-status-mutations";
import { findQuestionForEditing } from "@/lib/curation/data";
import {
  approveTranslation,
  restoreTranslationRevision,
  saveTranslation,
  submitTranslation,
} from "@/lib/translations/mutations";
import { findTranslationItem } from "@/lib/translations/item-data";
import { findExportRows } from "@/lib/translations/spreadsheet-data";
import { applyTranslationImport, readImport } from "@/lib/translations/spreadsheet-mutations";
import { COLUMNS, writeTranslationWorkbook } from "@/lib/translations/spreadsheet";
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { writeXliff } from "@/lib/translations/xliff";
import { isTranslationError } from "@/lib/translations/errors";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { exportQuestionnaire } from "@/lib/export/questionnaire-export";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { findSheet } from "@/lib/xlsform/workbook";
import { createPerson } from "./translation-helpers";
import { person, personOf } from "./person-helpers";

const CODE = "cmsg_t_age";
const PLAIN = "cmsg_t_name";
const EN = "Enter an age from 15 to 110.";
const FR_LABEL = "Quel âge avez-vous ?";
const FR_1 = "Saisissez un âge de 15 à 110.";
const FR_2 = "Indiquez un âge entre 15 et 110.";
const FR_3 = "Donnez un âge de 15 à 110 ans.";
const FR_4 = "Un âge de 15 à 110, s’il vous plaît.";
const FR_COLUMN = "constraint_message::Français (fr)";
const curator = person("cmsg-test-curator", ["curator"]);
const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<(typeof COLUMNS)[number], string>;

let translator: Person;
let reviewer: Person;
/** Translates and reviews French: never approves what they edited last. */
let both: Person;
let questionnaireId = "";

async function refusal(p: Promise<unknown>) {
  const e = await p.catch((x) => x);
  return isTranslationError(e) ? e.code : e;
}

/** The French row as stored: what the public and exports read, and what waits beside it. */
async function stored(code = CODE) {
  const db = await getDb();
  return db.questionText.findFirstOrThrow({
    where: { question: { code }, lang: "fr" },
    select: { constraintMessage: true, pendingConstraintMessage: true, status: true, pendingStatus: true },
  });
}

/** The French constraint message the questionnaire's XLSForm carries. */
async function exportedMessage() {
  const doc = (await findQuestionnaireDoc(questionnaireId))!;
  const xlsx = await exportQuestionnaire(doc, { format: "xlsform" });
  if (!xlsx.ok) throw new Error(`not exported: ${JSON.stringify(xlsx)}`);
  const read = await readXlsx(xlsx.bytes);
  if (!read.ok) throw new Error("unreadable XLSForm");
  const rows = findSheet(read.workbook, "survey")!.rows.map((r) => r.cells);
  return rows.find((r) => r["constraint_message::English (en)"] === EN)?.[FR_COLUMN];
}

async function item(code = CODE) {
  return (await findTranslationItem({ code, lang: "fr" }))!;
}

/** Submitted by `by`, refused to `both` when they edited last, approved by the reviewer. */
async function reviewThrough(by: Person) {
  const submitted = await submitTranslation(by, { code: CODE, lang: "fr", revision: (await item()).target!.revision });
  expect(submitted.state).toBe("in_review");
  if (by === both)
    expect(await refusal(approveTranslation(both, { code: CODE, lang: "fr", revision: submitted.revision }))).toBe(
      "ownEdit",
    );
  return approveTranslation(reviewer, { code: CODE, lang: "fr", revision: submitted.revision });
}

async function editWorkbook(bytes: Buffer, edits: Record<string, string>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  book.getWorksheet("translations")!.eachRow((row, n) => {
    const id = String(row.getCell(1).value);
    if (n > 1 && id in edits) row.getCell(COLUMNS.indexOf("translation") + 1).value = edits[id];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  translator = await createPerson("cmsg-translator-fr", ["translator"], { translate: ["fr"] });
  reviewer = await createPerson("cmsg-reviewer-fr", ["reviewer"], { review: ["fr"] });
  both = await createPerson("cmsg-both-fr", ["translator", "reviewer"], { translate: ["fr"], review: ["fr"] });
  await createQuestion({
    actor: curator,
    input: {
      code: CODE,
      type: "integer",
      label: "How old are you?",
      constraint: { min: 15, max: 110, maxLength: null, notFuture: false },
      constraintMessage: EN,
      choiceMode: "none",
      indicators: ["INF-03"],
      tags: [],
    },
  });
  // A constraint message with no constraint is never shown: it asks for no translation.
  await createQuestion({
    actor: curator,
    input: {
      code: PLAIN,
      type: "text",
      label: "What is your name?",
      constraintMessage: "Never shown.",
      choiceMode: "none",
      indicators: ["INF-03"],
      tags: [],
    },
  });
  for (const code of [CODE, PLAIN])
    await publishQuestion({ actor: curator, code, revision: (await findQuestionForEditing(code))!.revision });
  const researcher = await personOf("researcher@demo.questionbank.org");
  questionnaireId = (
    await createQuestionnaire({
      actor: researcher,
      settings: {
        title: { en: "cmsg_t survey", fr: "cmsg_t enquête" },
        description: {},
        languages: ["en", "fr"],
        defaultLanguage: "en",
      },
    })
  ).id;
  const revision = (await findBuilderQuestionnaire(questionnaireId))!.revision;
  await applyBuilderChange({
    actor: researcher,
    change: { op: "addQuestions", codes: [CODE], questionnaireId, revision },
  });
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id: questionnaireId } });
  await db.question.deleteMany({ where: { code: { startsWith: "cmsg_t_" } } });
});

describe("a translated constraint message takes the one review path", () => {
  it("is asked for only where the question has a constraint", async () => {
    expect((await item()).source.constraintMessage).toBe(EN);
    expect((await item(PLAIN)).source.constraintMessage).toBeNull();
    const rows = await findExportRows({ lang: "fr", codes: [CODE, PLAIN] });
    expect(rows.map((r) => r.id)).toEqual([`q:${CODE}:label`, `q:${CODE}:constraintMessage`, `q:${PLAIN}:label`]);
    expect(rows[1]).toMatchObject({ field: "constraintMessage", source: EN, translation: "", state: "missing" });
  });

  it("keeps the seeded, approved messages, in the row and in its history", async () => {
    const db = await getDb();
    const seeded = await db.questionText.findFirstOrThrow({
      where: {
        lang: "fr",
        status: "approved",
        constraintMessage: { not: null },
        question: { constraint: { not: null } },
      },
      orderBy: { question: { code: "asc" } },
      select: { constraintMessage: true, question: { select: { code: true, id: true } } },
    });
    const history = await db.translationRevision.findFirstOrThrow({
      where: { questionId: seeded.question.id, lang: "fr", action: "seed" },
      select: { constraintMessage: true },
    });
    expect(history.constraintMessage).toBe(seeded.constraintMessage);
    const rows = await findExportRows({ lang: "fr", codes: [seeded.question.code] });
    expect(rows.find((r) => r.field === "constraintMessage")).toMatchObject({
      translation: seeded.constraintMessage,
      state: "approved",
    });
  });

  it("is checked like the hint, saved with the label, and approved only by another reviewer", async () => {
    const draft = { code: CODE, lang: "fr", label: FR_LABEL, revision: -1 };
    // A number of the English left out: the checks name the constraint message.
    const warned = await saveTranslation(both, { ...draft, constraintMessage: "Saisissez un âge de 15." }).catch(
      (e) => e,
    );
    expect(warned.code).toBe("warnings");
    expect(warned.details.warnings).toContainEqual({
      field: "constraintMessage",
      code: "missingNumber",
      detail: "110",
    });

    const saved = await saveTranslation(both, { ...draft, constraintMessage: FR_1 });
    expect(saved.state).toBe("draft");
    expect(await stored()).toMatchObject({ constraintMessage: FR_1, status: "draft" });
    const approved = await reviewThrough(both);
    expect(approved.state).toBe("approved");
    expect(await stored()).toMatchObject({
      constraintMessage: FR_1,
      pendingConstraintMessage: null,
      status: "approved",
    });
    expect(await exportedMessage()).toBe(FR_1);
    expect((await item()).history[0].action).toBe("approve");
  });

  it("a typed change waits beside the approved message: the export reads the approved one until approval", async () => {
    const before = await item();
    const saved = await saveTranslation(translator, {
      code: CODE,
      lang: "fr",
      label: before.target!.label,
      constraintMessage: FR_2,
      revision: before.target!.revision,
    });
    expect(saved.state).toBe("draft");
    expect(await stored()).toMatchObject({
      constraintMessage: FR_1,
      pendingConstraintMessage: FR_2,
      status: "approved",
    });
    const waiting = await item();
    expect(waiting.target).toMatchObject({ constraintMessage: FR_2, published: { constraintMessage: FR_1 } });
    expect(waiting.history[0].changes.map((c) => c.field)).toEqual(["constraintMessage"]);
    expect(await exportedMessage()).toBe(FR_1);

    // A save that does not name the message (an older caller) leaves it as it is.
    const relabelled = await saveTranslation(translator, {
      code: CODE,
      lang: "fr",
      label: FR_LABEL,
      revision: saved.revision,
    });
    expect(relabelled.state).toBe("draft");
    expect((await stored()).pendingConstraintMessage).toBe(FR_2);

    await reviewThrough(translator);
    expect(await stored()).toMatchObject({ constraintMessage: FR_2, pendingConstraintMessage: null });
    expect(await exportedMessage()).toBe(FR_2);
  });

  it("restoring an earlier version brings its message back as a draft, for review", async () => {
    const current = await item();
    const db = await getDb();
    const first = await db.translationRevision.findFirstOrThrow({
      where: { question: { code: CODE }, lang: "fr", constraintMessage: FR_1, action: "save" },
      select: { id: true },
    });
    const restored = await restoreTranslationRevision(translator, {
      code: CODE,
      lang: "fr",
      revision: current.target!.revision,
      revisionId: first.id,
    });
    expect(restored.state).toBe("draft");
    expect(await stored()).toMatchObject({ constraintMessage: FR_2, pendingConstraintMessage: FR_1 });
    expect(await exportedMessage()).toBe(FR_2);
    await reviewThrough(translator);
    expect(await exportedMessage()).toBe(FR_1);
  });

  it("an imported spreadsheet row goes through review, never straight to approved", async () => {
    const rows = await findExportRows({ lang: "fr", codes: [CODE] });
    const id = `q:${CODE}:constraintMessage`;
    expect(rows.find((r) => r.id === id)).toMatchObject({ translation: FR_1, state: "approved" });
    const bytes = await editWorkbook(
      await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers }),
      {
        [id]: FR_3,
      },
    );
    const preview = await readImport({ lang: "fr", bytes });
    expect(preview.rows.find((r) => r.id === id)).toMatchObject({ kind: "update", before: FR_1, after: FR_3 });
    expect(preview.counts.update).toBe(1);
    await applyTranslationImport(both, { lang: "fr", bytes, digest: preview.digest });
    expect(await stored()).toMatchObject({
      constraintMessage: FR_1,
      pendingConstraintMessage: FR_3,
      pendingStatus: "draft",
    });
    expect((await item()).history[0].action).toBe("import");
    expect(await exportedMessage()).toBe(FR_1);
    await reviewThrough(both);
    expect(await exportedMessage()).toBe(FR_3);
  });

  it("an XLIFF round trip keeps the message, and an edited unit is reviewed like any import", async () => {
    const id = `q:${CODE}:constraintMessage`;
    const xml = writeXliff({
      lang: "fr",
      sourceLanguage: "en",
      units: await findXliffUnits({ lang: "fr", codes: [CODE] }),
    });
    expect(xml).toContain(`<unit id="${id}"`);
    const untouched = await readImport({ lang: "fr", bytes: Buffer.from(xml) });
    expect(untouched.rows.find((r) => r.id === id)).toMatchObject({ kind: "unchanged", before: FR_3 });

    const start = xml.indexOf(`<unit id="${id}"`);
    const end = xml.indexOf("</unit>", start);
    const edited =
      xml.slice(0, start) +
      xml.slice(start, end).replace(`<target>${FR_3}</target>`, `<target>${FR_4}</target>`) +
      xml.slice(end);
    const preview = await readImport({ lang: "fr", bytes: Buffer.from(edited) });
    expect(preview.rows.find((r) => r.id === id)).toMatchObject({ kind: "update", after: FR_4 });
    await applyTranslationImport(translator, { lang: "fr", bytes: Buffer.from(edited), digest: preview.digest });
    expect(await stored()).toMatchObject({
      constraintMessage: FR_3,
      pendingConstraintMessage: FR_4,
      pendingStatus: "draft",
    });
    await reviewThrough(translator);
    expect(await exportedMessage()).toBe(FR_4);
  });

  it("a new English message outdates the translation, and a file made before it is refused for that row", async () => {
    const rows = await findExportRows({ lang: "fr", codes: [CODE] });
    const id = `q:${CODE}:constraintMessage`;
    const bytes = await editWorkbook(
      await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers }),
      {
        [id]: FR_1,
      },
    );
    const form = (await findQuestionForEditing(CODE))!;
    const updated = await updateQuestion({
      actor: curator,
      code: CODE,
      revision: form.revision,
      input: {
        code: CODE,
        type: "integer",
        label: "How old are you?",
        constraint: { min: 15, max: 110, maxLength: null, notFuture: false },
        constraintMessage: "Your age must be from 15 to 110.",
        choiceMode: "none",
        indicators: ["INF-03"],
        tags: [],
      },
    });
    expect(updated.outdatedTranslations).toBe(1);
    const after = await findExportRows({ lang: "fr", codes: [CODE] });
    expect(after.find((r) => r.id === id)).toMatchObject({
      source: "Your age must be from 15 to 110.",
      state: "outdated",
    });
    const preview = await readImport({ lang: "fr", bytes });
    expect(preview.rows.find((r) => r.id === id)!.kind).toBe("sourceChanged");
  });
});
