// .xlsx bytes → XLSForm tables, refusing what could hurt the server or mislead a person:
// - files over MAX_UPLOAD_BYTES, checked before anything is unpacked;
// - zip bombs: the sizes in the zip's central directory are checked (count, each part, total)
//   before any part is inflated, and yauzl then refuses a part whose real size differs from the
//   size it declares, so a lying directory cannot slip past;
// - XML entity tricks ("billion laughs", external entities): any part with a DOCTYPE is refused;
// - formulas: a cell holding a formula is reported where it is, never evaluated.
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import type { Sheet, SheetRow, XlsformWorkbook } from "./workbook";

import { MAX_COLUMNS, MAX_PART_BYTES, MAX_PARTS, MAX_ROWS, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES } from "./limits";

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

class Refused extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.code);
  }
}

const XML_PART = /\.(xml|rels|vml)$/i;

async function readPart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Inspects the zip before anything else reads it. Throws Refused. */
async function inspectZip(bytes: Buffer) {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new Refused({ code: "not_a_spreadsheet" });
  }
  try {
    if (zip.entryCount > MAX_PARTS) throw new Refused({ code: "too_many_parts", value: String(zip.entryCount) });
    let total = 0;
    let hasWorkbook = false;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES) {
        throw new Refused({ code: "unpacked_too_large", value: String(total) });
      }
      if (entry.isEncrypted()) throw new Refused({ code: "encrypted" });
      if (entry.fileName === "xl/workbook.xml") hasWorkbook = true;
      if (XML_PART.test(entry.fileName)) {
        let xml: Buffer;
        try {
          xml = await readPart(zip, entry);
        } catch {
          // A part that inflates to more (or less) than it declares, or cannot be inflated at all.
          throw new Refused({ code: "not_a_spreadsheet", value: entry.fileName });
        }
        if (/<!DOCTYPE|<!ENTITY/i.test(xml.toString("utf8")))
          throw new Refused({ code: "unsafe_xml", value: entry.fileName });
      }
    }
    if (!hasWorkbook) throw new Refused({ code: "not_a_spreadsheet" });
  } finally {
    zip.close();
  }
}

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
  try {
    await inspectZip(bytes);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: [error.problem] };
    throw error;
  }
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
