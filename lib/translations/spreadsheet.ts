// The translation spreadsheet: rows of texts ↔ .xlsx bytes. Pure (no database): the data layer
// decides which rows go out and what an imported row would change.
//
// Each row carries a stable id ("q:<code>:label", "q:<code>:hint", "q:<code>:constraintMessage",
// "c:<list>:<choice>") and a fingerprint of the source text and the translation's revision at
// export time, so that an import can tell a row whose source (or translation) changed since the
// export from one safe to apply.
// Every cell is written as text (format "@"), so that nothing a translator types becomes a formula.
//
// Beside them, read-only context (export-context-data.ts): the English the outdated translation was
// made from, the question's type, its indicators and its English hint. The sheet is protected
// without a password (Review › Unprotect Sheet lifts it): only the translation cells are unlocked,
// so that ids, fingerprints, sources and context are not changed by a slip. Protection is a guard
// against mistakes, not security: the import reads columns by header name and checks every row's
// fingerprint, whatever the file's protection (files exported before the context columns too).
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { inspectSpreadsheetZip } from "../spreadsheet/guard";

import { IMPORT_MAX_BYTES } from "./upload-limit";
import { cellText } from "../spreadsheet/cell-text";

export { IMPORT_MAX_BYTES };
export const IMPORT_MAX_ROWS = 10_000;

export const SHEET_NAME = "translations";
/** The columns in the sheet's order: the previous source sits beside the current one. */
export const COLUMNS = [
  "id",
  "question",
  "field",
  "previous_source",
  "source",
  "translation",
  "state",
  "type",
  "indicators",
  "hint",
  "fingerprint",
] as const;
export type SheetColumn = (typeof COLUMNS)[number];
/** Context for the translator only: written on export, never read on import. */
export const CONTEXT_COLUMNS = ["previous_source", "type", "indicators", "hint"] as const satisfies SheetColumn[];
type ContextColumn = (typeof CONTEXT_COLUMNS)[number];

export type SheetRow = {
  id: string;
  question: string;
  field: string;
  source: string;
  translation: string;
  state: string;
  fingerprint: string;
} & Partial<Record<ContextColumn, string>>;
/** Why a row of an imported file is refused by its reader, named with its row in the preview. */
export type RowRefusal = "sourceEdited" | "placeholder" | "formula";
export type ImportedRow = {
  row: number;
  id: string;
  translation: string;
  fingerprint: string;
  /** The question the row was exported under (an answer choice's history is kept there) */
  question?: string;
  refused?: RowRefusal;
};

export function fingerprint(source: string, revision: number): string {
  return `${createHash("sha256").update(source.normalize("NFC")).digest("hex").slice(0, 12)}.${revision}`;
}

export function parseFingerprint(value: string): { sourceHash: string; revision: number } | null {
  const m = /^([0-9a-f]{12})\.(-1|\d{1,10})$/.exec(value.trim());
  return m ? { sourceHash: m[1], revision: Number(m[2]) } : null;
}

const WIDTHS: Partial<Record<SheetColumn, number>> = {
  id: 34,
  previous_source: 40,
  source: 60,
  translation: 60,
  hint: 40,
  indicators: 20,
};

export async function writeTranslationWorkbook({
  lang,
  sourceLanguage,
  rows,
  headers,
}: {
  lang: string;
  sourceLanguage: string;
  rows: SheetRow[];
  headers: Record<SheetColumn, string>;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Question Bank";
  // Arabic reads from the right: the whole sheet is laid out right to left, not only its cells.
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: "frozen", ySplit: 1, rightToLeft: lang === "ar" }],
  });
  sheet.columns = COLUMNS.map((key) => ({
    key,
    header: key,
    width: WIDTHS[key] ?? 14,
    style: { numFmt: "@", alignment: { wrapText: true, vertical: "top" } },
  }));
  for (const row of rows) sheet.addRow(row);
  // A note on each header says what the column is in the person's language; the ids stay stable.
  for (const [i, key] of COLUMNS.entries()) sheet.getRow(1).getCell(i + 1).note = headers[key];
  sheet.getRow(1).font = { bold: true };
  // Every translation cell, an empty one too (eachCell would skip it), is the one a translator may edit.
  const translation = sheet.getColumn("translation").number;
  for (let n = 2; n <= rows.length + 1; n++) {
    const cell = sheet.getRow(n).getCell(translation);
    cell.alignment = { wrapText: true, vertical: "top", readingOrder: lang === "ar" ? "rtl" : "ltr" };
    cell.protection = { locked: false };
  }
  sheet.getColumn("fingerprint").hidden = true;
  await sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  const about = workbook.addWorksheet("about");
  about.addRows([
    ["language", lang],
    ["source language", sourceLanguage],
    ["rows", String(rows.length)],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ReadFailure = "fileTooLarge" | "badFile";
export type ReadOutcome =
  { ok: true; lang: string | null; rows: ImportedRow[] } | { ok: false; code: ReadFailure; reason: string };

/** A formula (or a cell sharing one): its text is not the translation, and the row is named as refused. */
function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

export async function readTranslationWorkbook(bytes: Buffer): Promise<ReadOutcome> {
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, code: "fileTooLarge", reason: String(IMPORT_MAX_BYTES) };
  const refused = await inspectSpreadsheetZip(bytes);
  if (refused) return { ok: false, code: "badFile", reason: refused.refusal };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, code: "badFile", reason: "notSpreadsheet" };
  }
  const sheet = workbook.getWorksheet(SHEET_NAME);
  if (!sheet) return { ok: false, code: "badFile", reason: "noSheet" };
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v, "empty").trim());
  const col = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<SheetColumn, number>;
  if (col.id < 1 || col.translation < 1 || col.fingerprint < 1)
    return { ok: false, code: "badFile", reason: "missingColumns" };
  if (sheet.rowCount > IMPORT_MAX_ROWS + 1) return { ok: false, code: "badFile", reason: "tooManyRows" };
  let lang: string | null = null;
  workbook.getWorksheet("about")?.eachRow((row) => {
    if (cellText(row.getCell(1).value, "empty") === "language")
      lang = cellText(row.getCell(2).value, "empty").trim() || null;
  });
  const rows: ImportedRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const id = cellText(row.getCell(col.id).value, "empty").trim();
    if (!id) return;
    const translation = row.getCell(col.translation).value;
    rows.push({
      row: n,
      id,
      translation: cellText(translation, "empty").trim(),
      fingerprint: cellText(row.getCell(col.fingerprint).value, "empty").trim(),
      ...(col.question > 0 ? { question: cellText(row.getCell(col.question).value, "empty").trim() } : {}),
      ...(isFormula(translation) ? { refused: "formula" as const } : {}),
    });
  });
  return { ok: true, lang, rows };
}
