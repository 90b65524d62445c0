import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { findExportRows } from "@/lib/translations/spreadsheet-data";
import { applyTranslationImport, readImport } from "@/lib/translations/spreadsheet-mutations";
import { saveTranslation } from "@/lib/translations/mutations";
import { COLUMNS, writeTranslationWorkbook, type SheetColumn } from "@/lib/translations/spreadsheet";
import { findSheetRows } from "@/lib/translations/export-context-data";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";
import { isTranslationError } from "@/lib/translations/errors";
import { changeSourceLabel, createPerson, textOf } from "./translation-helpers";

const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<SheetColumn, string>;
const TRANSLATION = COLUMNS.indexOf("translation") + 1;
let translator: NonNullable<Actor>;
let researcher: NonNullable<Actor>;
let codes: string[];

/** What a translator does offline: open the file, type in the translation column, save. */
async function editWorkbook(bytes: Buffer, edits: Record<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("translations")!;
  sheet.eachRow((row, n) => {
    const id = String(row.getCell(1).value);
    if (n > 1 && id in edits) row.getCell(TRANSLATION).value = edits[id];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  translator = await createPerson("ss-translator-es", ["translator"], { translate: ["es"] });
  researcher = await createPerson("ss-researcher", ["researcher"]);
  const db = await getDb();
  const questions = await db.question.findMany({
    where: {
      status: "published",
      type: "select_one",
      choiceList: { shared: false, questions: { every: { items: { none: {} } } } },
      items: { none: {} },
    },
    orderBy: { code: "asc" },
    take: 3,
    select: { code: true },
  });
  codes = questions.map((q) => q.code);
});

describe("translation spreadsheet round trip", () => {
  it("exports stable rows, previews exactly what an edited file changes, and applies it in one go", async () => {
    const rows = await findExportRows({ lang: "es", codes });
    expect(rows[0]).toMatchObject({ id: `q:${codes[0]}:label`, question: codes[0], state: "approved" });
    expect(rows.some((r) => r.id.startsWith("c:"))).toBe(true);
    const bytes = await writeTranslationWorkbook({ lang: "es", sourceLanguage: "en", rows, headers });

    const label0 = `q:${codes[0]}:label`;
    const label1 = `q:${codes[1]}:label`;
    const choice = rows.find((r) => r.id.startsWith("c:"))!;
    const label2 = `q:${codes[2]}:label`;
    // The source of the third question changes after the export: its row must not be applied blindly.
    await changeSourceLabel(codes[2], "A changed source question, after the export?");
    const edited = await editWorkbook(bytes, {
      [label0]: "Pregunta revisada sin conexión",
      [label1]: "Otra pregunta revisada",
      [choice.id]: `${choice.translation} (revisado)`,
      [label2]: "Traducción de la versión anterior",
      "q:no_such_question:label": "¿?",
    });

    const preview = await readImport({ lang: "es", bytes: edited });
    const kind = (id: string) => preview.rows.find((r) => r.id === id)!.kind;
    expect(kind(label0)).toBe("update");
    expect(kind(label1)).toBe("update");
    expect(kind(choice.id)).toBe("update");
    expect(kind(label2)).toBe("sourceChanged");
    expect(preview.counts).toMatchObject({ update: 3, sourceChanged: 1 });
    expect(preview.rows.find((r) => r.id === label0)!.before).toBe(rows[0].translation);
    // Nothing is written by a preview.
    expect((await textOf(codes[0], "es"))!.label).toBe(rows[0].translation);

    // Only translators of the language may apply; a stale preview applies nothing.
    const forbidden = await applyTranslationImport(researcher, {
      lang: "es",
      bytes: edited,
      digest: preview.digest,
    }).catch((e) => e);
    expect(isTranslationError(forbidden) && forbidden.code).toBe("forbidden");
    const stale = await applyTranslationImport(translator, { lang: "es", bytes: edited, digest: "0".repeat(64) }).catch(
      (e) => e,
    );
    expect(isTranslationError(stale) && stale.code).toBe("previewChanged");

    const result = await applyTranslationImport(translator, { lang: "es", bytes: edited, digest: preview.digest });
    expect(result).toMatchObject({ applied: 3, cleared: 0, questions: 2, choices: 1, blockedRows: [] });
    // Every row left out is named by its row in the file, with why.
    const rowOf = (id: string) => preview.rows.find((r) => r.id === id)!.row;
    expect(result.notApplied).toEqual({ sourceChanged: [rowOf(label2)] });
    expect(await textOf(codes[0], "es")).toMatchObject({ label: "Pregunta revisada sin conexión", status: "draft" });
    expect(await textOf(codes[1], "es")).toMatchObject({ label: "Otra pregunta revisada", status: "draft" });
    expect((await textOf(codes[2], "es"))!.label).not.toBe("Traducción de la versión anterior");
    const db = await getDb();
    const [list, name] = choice.id.split(":").slice(1);
    const choiceText = await db.choiceText.findFirstOrThrow({
      where: { lang: "es", choice: { name, list: { name: list } } },
      select: { label: true, status: true, pendingLabel: true, pendingStatus: true },
    });
    // The approved label stays what the public reads; the change waits beside it as a draft.
    expect(choiceText).toEqual({
      label: choice.translation,
      status: "approved",
      pendingLabel: `${choice.translation} (revisado)`,
      pendingStatus: "draft",
    });
    // One audited save per question (the choice is saved with the question it was exported under).
    expect(await db.auditEvent.count({ where: { action: "translation.import", actorId: translator.id } })).toBe(2);

    // The same file again: what it holds is now saved, so nothing is left to apply.
    const again = await readImport({ lang: "es", bytes: edited });
    expect(again.counts.update).toBe(0);
    for (const id of [label0, label1, choice.id]) expect(again.rows.find((r) => r.id === id)!.kind).toBe("unchanged");
  });

  it("refuses the whole import when someone saved a row's text after the preview", async () => {
    const rows = await findExportRows({ lang: "es", codes: [codes[1]] });
    const bytes = await editWorkbook(
      await writeTranslationWorkbook({ lang: "es", sourceLanguage: "en", rows, headers }),
      { [`q:${codes[1]}:label`]: "Cambio desde la hoja" },
    );
    const preview = await readImport({ lang: "es", bytes });
    expect(preview.counts.update).toBe(1);
    const text = (await textOf(codes[1], "es"))!;
    await saveTranslation(translator, {
      code: codes[1],
      lang: "es",
      label: "Cambio en la aplicación",
      revision: text.revision,
      acknowledgeWarnings: true,
    });
    const refused = await applyTranslationImport(translator, { lang: "es", bytes, digest: preview.digest }).catch(
      (e) => e,
    );
    expect(isTranslationError(refused) && refused.code).toBe("previewChanged");
    expect((await textOf(codes[1], "es"))!.label).toBe("Cambio en la aplicación");
    // Previewed again, the row says why it is not applied.
    expect((await readImport({ lang: "es", bytes })).rows[0].kind).toBe("changedSince");
  });

  it("refuses a file made for another language", async () => {
    const rows = await findExportRows({ lang: "fr", codes: [codes[0]] });
    const bytes = await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers });
    const error = await readImport({ lang: "es", bytes }).catch((e) => e);
    expect(isTranslationError(error) && error.details?.reason).toBe("wrongLanguage");
  });

  it("exports context beside each text (the English an outdated text was made from) and names formula rows", async () => {
    // The first test changed the third question's English after the export: its Spanish is outdated.
    const db = await getDb();
    const text = await db.questionText.findFirstOrThrow({
      where: { question: { code: codes[2] }, lang: "es" },
      select: { status: true, sourceVersion: true, question: { select: { id: true, type: true } } },
    });
    expect(text.status).toBe("outdated");
    const made = await db.questionVersion.findUniqueOrThrow({
      where: { questionId_version: { questionId: text.question.id, version: text.sourceVersion! } },
      select: { snapshot: true },
    });
    const rows = await findSheetRows({ lang: "es", codes: [codes[2]] });
    const label = rows.find((r) => r.id === `q:${codes[2]}:label`)!;
    expect(label).toMatchObject({
      state: "outdated",
      source: "A changed source question, after the export?",
      previous_source: (made.snapshot as QuestionSnapshot).texts.en!.label,
      type: text.question.type,
    });
    // Every row, an answer choice too, carries its question's type.
    for (const r of rows.filter((x) => x.id.startsWith("c:"))) expect(r.type).toBe(text.question.type);

    const bytes = await writeTranslationWorkbook({ lang: "es", sourceLanguage: "en", rows, headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    book.getWorksheet("translations")!.getRow(2).getCell(TRANSLATION).value = { formula: 'CONCAT("a","b")' };
    const preview = await readImport({ lang: "es", bytes: Buffer.from(await book.xlsx.writeBuffer()) });
    expect(preview.rows[0]).toMatchObject({ row: 2, id: label.id, kind: "formula" });
    expect(preview.counts.formula).toBe(1);
  });
});
