// .xlsx bytes → XLSForm tables, refusing what could hurt the server or mislead a person:
// - files over MAX_UPLOAD_BYTES, checked before anything is unpacked;
// - zip bombs and XML entity tricks: the one guard of lib/spreadsheet/guard.ts, before ExcelJS;
// - formulas: a cell holding a formula is reported where it is, never evaluated.
import ExcelJS from "exceljs";
import { inspectSpreadsheetZip, type ZipRefusal } from "../spreadsheet/guard";
import type { Sheet, SheetRow, XlsformWorkbook } from "./workbook";

import { MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES } from "./limits";

export { MAX_UPLOAD_BYTES };

export type ReadProblemCode =
  | "file_too_large"
  | "not_a_spreadsheet"
  | "unpacked_too_large"
  | "too_many_parts"
  | "encrypted"
  | "unsafe_xml"
  | "formula_cell"
  | "too_many_rows"
  | "too_many_columns";

export type ReadProblem = { code: ReadProblemCode; sheet?: string; row?: number; column?: string; value?: string };
export type ReadResult =
  { ok: true; workbook: XlsformWorkbook; problems: ReadProblem[] } | { ok: false; problems: ReadProblem[] };

/** The guard's refusals in this reader's vocabulary (the XLSForm problems' codes). */
const REFUSAL_CODES: Record<ZipRefusal, ReadProblemCode> = {
  notSpreadsheet: "not_a_spreadsheet",
  tooManyParts: "too_many_parts",
  unpackedTooLarge: "unpacked_too_large",
  encrypted: "encrypted",
  unsafeXml: "unsafe_xml",
};

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  return "";
}

function isFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value as unknown;
  return (
    cell.type === ExcelJS.ValueType.Formula ||
    (typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value))
  );
}

/** Spelling variants pyxform accepts for the same column. */
function normaliseHeader(header: string): string {
  const trimmed = header.trim();
  const lower = trimmed.toLowerCase();
  if (lower === "list name" || lower === "list_name") return "list_name";
  if (
    /^(type|name|label|hint|required|relevant|constraint|appearance|calculation|choice_filter|form_title|form_id|version|default_language)$/.test(
      lower,
    )
  )
    return lower;
  return trimmed;
}

export async function readXlsx(input: Uint8Array): Promise<ReadResult> {
  if (input.byteLength > MAX_UPLOAD_BYTES)
    return { ok: false, problems: [{ code: "file_too_large", value: String(input.byteLength) }] };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const refused = await inspectSpreadsheetZip(bytes);
  if (refused) return { ok: false, problems: [{ code: REFUSAL_CODES[refused.refusal], value: refused.value }] };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problems: [{ code: "not_a_spreadsheet" }] };
  }
  const problems: ReadProblem[] = [];
  const sheets: Sheet[] = [];
  for (const ws of book.worksheets) {
    if (ws.rowCount > MAX_ROWS + 1)
      return { ok: false, problems: [{ code: "too_many_rows", sheet: ws.name, value: String(ws.rowCount) }] };
    if (ws.columnCount > MAX_COLUMNS)
      return { ok: false, problems: [{ code: "too_many_columns", sheet: ws.name, value: String(ws.columnCount) }] };
    const headerRow = ws.getRow(1);
    const headers: { index: number; name: string }[] = [];
    headerRow.eachCell({ includeEmpty: false }, (c, index) => {
      if (isFormula(c)) problems.push({ code: "formula_cell", sheet: ws.name, row: 1, column: String(index) });
      const name = normaliseHeader(cellText(c));
      if (name) headers.push({ index, name });
    });
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string> = {};
      for (const { index, name } of headers) {
        const c = r.getCell(index);
        if (isFormula(c)) {
          problems.push({ code: "formula_cell", sheet: ws.name, row: rowNumber, column: name });
          continue;
        }
        cells[name] = cellText(c);
      }
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: ws.name, headers: headers.map((h) => h.name), rows });
  }
  return problems.length ? { ok: false, problems } : { ok: true, workbook: { sheets }, problems };
}
