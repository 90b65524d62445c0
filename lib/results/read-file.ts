// An uploaded submissions export → a table of text cells. KoboToolbox writes .xlsx or CSV (`;` or
// `,`); ODK Central writes CSV (`,`); Excel re-saves CSV as UTF-16 ("Unicode text", tab-separated).
// The text encoding is read from the byte order mark, else the bytes must be valid UTF-8: a file
// in some other encoding is refused rather than read as mojibake. Parsing is csv-parse's and
// exceljs's; an .xlsx passes the zip checks before any XML parser sees it.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { inspectSpreadsheetZip } from "../spreadsheet/guard";
import { ResultsError } from "./errors";
import { RESULTS_MAX_BYTES, RESULTS_MAX_MEGABYTES, RESULTS_MAX_UNPACKED_BYTES } from "./limits";

export type SubmissionsTable = { headers: string[]; rows: string[][] };
export type SubmissionsFormat = "kobo-xlsx" | "kobo-csv" | "odk-central-csv" | "xlsx" | "csv";

/** UTF-16 (either order) by its byte order mark, else UTF-8 (with or without one), else null. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // The decoder drops a UTF-8 byte order mark itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The header line says the delimiter: whichever of `;` `,` tab it holds most. */
function delimiterOf(text: string): string {
  const first = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const count = (c: string) => first.split(c).length - 1;
  return [";", "\t", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

/** Headers then rows; the duplicate and empty checks the callers rely on. */
function toTable(records: string[][]): SubmissionsTable {
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ""));
  if (nonEmpty.length < 2) throw new ResultsError("empty");
  const [rawHeaders, ...rows] = nonEmpty;
  const headers = rawHeaders.map((h) => h.replace(/^\uFEFF/, "").trim());
  const seen = new Set<string>();
  for (const h of headers) {
    if (h === "") continue;
    if (seen.has(h)) throw new ResultsError("duplicateColumn", { row: 1, column: h });
    seen.add(h);
  }
  return { headers, rows };
}

export function parseSubmissionsCsv(text: string): SubmissionsTable {
  const clean = text.replace(/^\uFEFF/, "");
  if (clean.trim() === "") throw new ResultsError("empty");
  let records: string[][];
  try {
    records = parse(clean, { delimiter: delimiterOf(clean), relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ResultsError("unreadable", { row: typeof line === "number" ? line : undefined });
  }
  return toTable(records);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  // A formula is never evaluated; Kobo writes none. Its cached result is kept as a value.
  if (typeof value === "object" && "result" in value && value.result !== undefined)
    return cellText(value.result as ExcelJS.CellValue);
  return "";
}

/** The first sheet of a workbook: Kobo puts the main table there, each repeat in a sheet of its own. */
async function readXlsx(bytes: Buffer): Promise<SubmissionsTable> {
  const refused = await inspectSpreadsheetZip(bytes, {
    maxParts: 1000,
    maxPartBytes: RESULTS_MAX_UNPACKED_BYTES,
    maxUnpackedBytes: RESULTS_MAX_UNPACKED_BYTES,
  });
  if (refused) throw new ResultsError("unreadable", { reason: refused.refusal });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ResultsError("unreadable", { reason: "notSpreadsheet" });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ResultsError("empty");
  const width = sheet.columnCount;
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records.push(cells);
  });
  const table = toTable(records);
  // Trailing empty header cells (a sheet's formatted but empty columns) are not columns.
  while (table.headers.length && table.headers[table.headers.length - 1] === "") table.headers.pop();
  return table;
}

function formatOf(headers: string[], xlsx: boolean): SubmissionsFormat {
  if (!xlsx && headers.some((h) => h === "KEY" || h === "SubmissionDate" || h.startsWith("meta-")))
    return "odk-central-csv";
  const kobo = headers.some((h) => h === "_uuid" || h === "_submission_time" || h === "_id");
  return xlsx ? (kobo ? "kobo-xlsx" : "xlsx") : kobo ? "kobo-csv" : "csv";
}

export async function readSubmissionsFile(
  bytes: Uint8Array,
): Promise<SubmissionsTable & { format: SubmissionsFormat }> {
  if (bytes.byteLength === 0) throw new ResultsError("empty");
  if (bytes.byteLength > RESULTS_MAX_BYTES) throw new ResultsError("fileTooLarge", { limit: RESULTS_MAX_MEGABYTES });
  const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  let table: SubmissionsTable;
  if (xlsx) table = await readXlsx(Buffer.from(bytes));
  else {
    const text = decodeText(bytes);
    if (text === null) throw new ResultsError("encoding");
    table = parseSubmissionsCsv(text);
  }
  return { ...table, format: formatOf(table.headers, xlsx) };
}
