// The first sheet of a submissions workbook as records of text cells (Kobo puts the main table
// there, each repeat in a sheet of its own). The zip passes the spreadsheet guard before any XML
// parser sees it; formulas are never evaluated (their cached result is kept as a value).
import ExcelJS from "exceljs";
import { inspectSpreadsheetZip } from "../spreadsheet/guard";
import { ResultsError } from "./errors";
import { RESULTS_MAX_UNPACKED_BYTES } from "./limits";
import { cellText } from "../spreadsheet/cell-text";

export async function readXlsxRecords(bytes: Buffer): Promise<string[][]> {
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
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value, "cachedResult"));
    records.push(cells);
  });
  // Trailing empty header cells (a sheet's formatted but empty columns) are not columns.
  const header = records[0];
  if (header) while (header.length && header[header.length - 1].trim() === "") header.pop();
  return records;
}
