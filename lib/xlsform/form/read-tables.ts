// .xlsx bytes → the sheets of an XLSForm as pyxform's reader sees them (xls2json_backends.py):
// headers trimmed with runs of spaces collapsed, reading stopped after 20 empty header cells;
// cell values trimmed, numbers and booleans written as Python prints them, dates as openpyxl's
// datetimes print; a sheet ends after a run of 60 empty rows. Only rows that hold something are
// kept, and the sheet XML is scanned as a stream, so a file that declares a million formatted
// empty rows (LibreOffice does) reads as fast as its real rows.
//
// Guards, kept from read-xlsx.ts and applied to every part this reads: the upload size, the zip's
// declared sizes before anything is inflated (yauzl then refuses a part whose real size differs),
// the size each part inflates to, and any DOCTYPE (entity tricks). Formula cells are never
// evaluated: like pyxform, the value the spreadsheet program saved with the file is read, and the
// cell is reported so the person knows.
//
// The parts: xlsx-parts.ts (the zip and its guards), row-stream.ts (the sheet XML cut into rows),
// sheet-cells.ts (a row's cells and the header row); this file keeps what pyxform keeps of a sheet.
import { MAX_UPLOAD_BYTES } from "../limits";
import { parseDateStyles, parseSharedStrings } from "./ooxml";
import type { FormProblem } from "./problems";
import { rowStream } from "./row-stream";
import { cleanValue, parseCells, readHeaders, type CellContext } from "./sheet-cells";
import {
  isOldExcelFile,
  MAX_SHEET_PART_BYTES,
  openZip,
  readWholePart,
  Refused,
  sheetRefs,
  streamPart,
  type SheetRef,
  type Zip,
} from "./xlsx-parts";

/** A sheet as read: its headers in column order (null where a header cell is empty), and its rows. */
export type RawSheet = {
  name: string;
  headers: (string | null)[];
  /** Rows holding at least one value under a header; `row` is the spreadsheet row number. */
  rows: RawRow[];
};
export type RawRow = { row: number; cells: Record<string, string> };
export type RawWorkbook = { sheets: RawSheet[] };
export type TablesResult =
  { ok: true; workbook: RawWorkbook; warnings: FormProblem[] } | { ok: false; problems: FormProblem[] };

/** Rows that hold something, per sheet: far beyond any real form, small enough for one request. */
export const MAX_CONTENT_ROWS = 50_000;
// pyxform's own reading limit (xls2json_backends.get_excel_rows).
const MAX_ADJACENT_EMPTY_ROWS = 60;

type SheetScan = { sheet: RawSheet; warnings: FormProblem[] };

/** Reads one worksheet part as a stream of rows, keeping only rows that hold something. */
async function readSheet(z: Zip, ref: SheetRef, ctx: CellContext): Promise<SheetScan> {
  const warnings: FormProblem[] = [];
  let headers: (string | null)[] | null = null;
  const rows: RawRow[] = [];
  let lastContentRow = 1;
  let ended = false;
  let ignoredAfterGap: number | null = null;

  const onRow = (rowNumber: number, inner: string) => {
    // Past the end pyxform sees, only the first row that still holds something matters (for the warning).
    if (ended && ignoredAfterGap !== null) return;
    if (!inner.includes("<")) {
      if (rowNumber === 1 && !headers) headers = [];
      return;
    }
    const cells = parseCells(inner, ctx);
    if (rowNumber === 1 || !headers) {
      if (rowNumber !== 1) headers = [];
      else {
        headers = readHeaders(cells, ref.name);
        return;
      }
    }
    if (ended) {
      if (ignoredAfterGap === null && cells.some((c) => headers![c.column] && cleanValue(c.value)))
        ignoredAfterGap = rowNumber;
      return;
    }
    // pyxform stops reading a sheet after 60 empty rows in a row: what follows is not in its form.
    if (rowNumber - lastContentRow - 1 > MAX_ADJACENT_EMPTY_ROWS) {
      ended = true;
      if (cells.some((c) => headers![c.column] && cleanValue(c.value))) ignoredAfterGap = rowNumber;
      return;
    }
    const values: Record<string, string> = {};
    let any = false;
    for (const c of cells) {
      const header = headers![c.column];
      if (!header) continue;
      const value = cleanValue(c.value);
      if (!value) continue;
      if (c.formula)
        warnings.push({
          code: "formula_cell",
          severity: "warning",
          sheet: ref.name,
          row: rowNumber,
          column: header,
          value,
        });
      values[header] = value;
      any = true;
    }
    if (!any) return;
    lastContentRow = rowNumber;
    if (rows.length >= MAX_CONTENT_ROWS)
      throw new Refused({ code: "too_many_rows", severity: "error", sheet: ref.name, value: String(MAX_CONTENT_ROWS) });
    rows.push({ row: rowNumber, cells: values });
  };

  const splitter = rowStream(ref, onRow);
  await streamPart(z, ref.path, MAX_SHEET_PART_BYTES, splitter.write);
  splitter.end();
  if (ignoredAfterGap !== null) {
    warnings.push({
      code: "rows_after_gap_ignored",
      severity: "warning",
      sheet: ref.name,
      row: ignoredAfterGap,
      value: String(MAX_ADJACENT_EMPTY_ROWS),
    });
  }
  return { sheet: { name: ref.name, headers: headers ?? [], rows }, warnings };
}

export async function readTables(input: Uint8Array): Promise<TablesResult> {
  if (input.byteLength > MAX_UPLOAD_BYTES)
    return { ok: false, problems: [{ code: "file_too_large", severity: "error", value: String(input.byteLength) }] };
  if (isOldExcelFile(input)) return { ok: false, problems: [{ code: "old_excel_format", severity: "error" }] };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let z: Zip | null = null;
  try {
    z = await openZip(bytes);
    const workbookXml = await readWholePart(z, "xl/workbook.xml");
    const relsXml = await readWholePart(z, "xl/_rels/workbook.xml.rels");
    if (workbookXml === null || relsXml === null) throw new Refused({ code: "not_a_spreadsheet", severity: "error" });
    const sharedXml = await readWholePart(z, "xl/sharedStrings.xml");
    const stylesXml = await readWholePart(z, "xl/styles.xml");
    const ctx: CellContext = {
      shared: sharedXml ? parseSharedStrings(sharedXml) : [],
      dateStyles: stylesXml ? parseDateStyles(stylesXml) : [],
      date1904: /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*"(1|true)"/.test(workbookXml),
    };
    const sheets: RawSheet[] = [];
    const warnings: FormProblem[] = [];
    for (const ref of sheetRefs(workbookXml, relsXml)) {
      const scan = await readSheet(z, ref, ctx);
      sheets.push(scan.sheet);
      warnings.push(...scan.warnings);
    }
    return { ok: true, workbook: { sheets }, warnings };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: [error.problem] };
    throw error;
  } finally {
    z?.zip.close();
  }
}
