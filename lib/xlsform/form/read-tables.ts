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
import yauzl from "yauzl";
import { MAX_UPLOAD_BYTES } from "../limits";
import {
  attribute,
  columnIndexOf,
  columnLetter,
  decodeXmlText,
  excelSerialToText,
  numberText,
  parseDateStyles,
  parseSharedStrings,
  richText,
  type DateStyle,
} from "./ooxml";
import type { FormProblem } from "./problems";

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

/** Parts other than worksheets (workbook, styles, shared strings) must stay small. */
const MAX_OTHER_PART_BYTES = 20 * 1024 * 1024;
/** Worksheets are streamed; a million empty formatted rows is about 100 MB of XML. */
const MAX_SHEET_PART_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_READ_BYTES = 400 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;
/** Rows that hold something, per sheet: far beyond any real form, small enough for one request. */
export const MAX_CONTENT_ROWS = 50_000;
const MAX_HEADER_COLUMNS = 1_000;
/** One row's XML: far beyond a real row (1,000 columns of long labels), small enough to hold. */
const MAX_ROW_XML_CHARS = 4 * 1024 * 1024;
// pyxform's own reading limits (xls2json_backends.get_excel_column_headers / get_excel_rows).
const MAX_ADJACENT_EMPTY_COLUMNS = 20;
const MAX_ADJACENT_EMPTY_ROWS = 60;

class Refused extends Error {
  constructor(readonly problem: FormProblem) {
    super(problem.code);
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isOldExcelFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

type Zip = { zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry>; read: { bytes: number } };

async function openZip(bytes: Buffer): Promise<Zip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
      autoClose: false,
    });
  } catch {
    throw new Refused({ code: "not_a_spreadsheet", severity: "error" });
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    throw new Refused({ code: "too_many_parts", severity: "error", value: String(zip.entryCount) });
  }
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) {
    if (entry.isEncrypted()) {
      zip.close();
      throw new Refused({ code: "encrypted", severity: "error" });
    }
    entries.set(entry.fileName.replace(/^\/+/, ""), entry);
  }
  return { zip, entries, read: { bytes: 0 } };
}

/** Streams one part through `onText`, refusing oversized parts and DOCTYPEs as it goes. */
async function streamPart(z: Zip, name: string, limit: number, onText: (text: string) => void): Promise<boolean> {
  const entry = z.entries.get(name);
  if (!entry) return false;
  if (entry.uncompressedSize > limit || z.read.bytes + entry.uncompressedSize > MAX_TOTAL_READ_BYTES) {
    throw new Refused({ code: "unpacked_too_large", severity: "error", value: name });
  }
  z.read.bytes += entry.uncompressedSize;
  const decoder = new TextDecoder("utf-8");
  let head = true;
  try {
    const stream = await z.zip.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      // A DOCTYPE may only come before the root element, i.e. in the first chunk.
      if (head && /<!DOCTYPE|<!ENTITY/i.test(text))
        throw new Refused({ code: "unsafe_xml", severity: "error", value: name });
      head = false;
      onText(text);
    }
    onText(decoder.decode());
  } catch (error) {
    if (error instanceof Refused) throw error;
    // A part that inflates to more (or less) than it declares, or cannot be inflated at all.
    throw new Refused({ code: "not_a_spreadsheet", severity: "error", value: name });
  }
  return true;
}

async function readWholePart(z: Zip, name: string): Promise<string | null> {
  let out = "";
  const found = await streamPart(z, name, MAX_OTHER_PART_BYTES, (t) => (out += t));
  return found ? out : null;
}

type SheetRef = { name: string; path: string };

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

function sheetRefs(workbookXml: string, relsXml: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const refs: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const id = attribute(m[0], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
    const path = id ? targets.get(id) : undefined;
    if (name !== null && path) refs.push({ name, path });
  }
  return refs;
}

type CellContext = { shared: string[]; dateStyles: (DateStyle | null)[]; date1904: boolean };
type ParsedCell = { column: number; value: string; formula: boolean };

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const FORMULA = /<(?:\w+:)?f\b/;

function parseCells(inner: string, ctx: CellContext): ParsedCell[] {
  const cells: ParsedCell[] = [];
  let next = 0;
  for (const m of inner.matchAll(CELL)) {
    const attrs = m[1];
    const body = m[2] ?? "";
    const ref = attribute(attrs, "r");
    const column = ref ? columnIndexOf(ref) : next;
    next = column + 1;
    if (!body) continue;
    const type = attribute(attrs, "t") ?? "n";
    let value: string;
    if (type === "inlineStr") value = richText(INLINE.exec(body)?.[1] ?? "");
    else {
      const v = VALUE.exec(body)?.[1];
      if (v === undefined) continue;
      if (type === "s") value = ctx.shared[Number(v)] ?? "";
      else if (type === "str" || type === "e") value = decodeXmlText(v);
      else if (type === "b") value = v.trim() === "1" ? "TRUE" : "FALSE";
      else if (type === "d") value = decodeXmlText(v).replace("T", " ").replace(/Z$/, "");
      else {
        const style = ctx.dateStyles[Number(attribute(attrs, "s") ?? 0)] ?? null;
        value = style ? excelSerialToText(Number(v), style, ctx.date1904) : numberText(v.trim());
      }
    }
    cells.push({ column, value, formula: FORMULA.test(body) });
  }
  return cells;
}

/** pyxform's cell cleaning: strings trimmed, no-break spaces made plain spaces. */
function cleanValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes("\u00a0") ? trimmed.replaceAll("\u00a0", " ") : trimmed;
}

type SheetScan = { sheet: RawSheet; warnings: FormProblem[] };

/** Reads one worksheet part as a stream of rows, keeping only rows that hold something. */
async function readSheet(z: Zip, ref: SheetRef, ctx: CellContext): Promise<SheetScan> {
  const warnings: FormProblem[] = [];
  let headers: (string | null)[] | null = null;
  const rows: RawRow[] = [];
  let lastRow = 0;
  let lastContentRow = 1;
  let ended = false;
  let ignoredAfterGap: number | null = null;
  let buffer = "";

  const onRow = (rowNumber: number, inner: string) => {
    lastRow = rowNumber;
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

  const ROW_START = /<(\w+:)?row(?=[\s>/])/g;
  // A row that arrives over many chunks waits here, and only each new chunk is searched for its
  // closing tag: searching (and joining) the whole row again at every chunk would be quadratic.
  let pending: { parts: string[]; length: number; close: string; rowNumber: number } | null = null;
  const drain = (final: boolean) => {
    let pos = 0;
    for (;;) {
      ROW_START.lastIndex = pos;
      const start = ROW_START.exec(buffer);
      if (!start) {
        pos = final ? buffer.length : Math.max(pos, buffer.length - 16);
        break;
      }
      const tagEnd = buffer.indexOf(">", start.index);
      if (tagEnd < 0) {
        pos = start.index;
        break;
      }
      const tag = buffer.slice(start.index, tagEnd + 1);
      const r = attribute(tag, "r");
      const rowNumber = r ? Number(r) : lastRow + 1;
      if (buffer[tagEnd - 1] === "/") {
        onRow(rowNumber, "");
        pos = tagEnd + 1;
        continue;
      }
      const close = `</${start[1] ?? ""}row>`;
      const closeAt = buffer.indexOf(close, tagEnd);
      if (closeAt < 0) {
        if (!final)
          pending = { parts: [buffer.slice(start.index)], length: buffer.length - start.index, close, rowNumber };
        pos = final ? buffer.length : start.index;
        break;
      }
      onRow(rowNumber, buffer.slice(tagEnd + 1, closeAt));
      pos = closeAt + close.length;
    }
    buffer = pending ? "" : buffer.slice(pos);
  };
  const onText = (text: string) => {
    if (!pending) {
      buffer += text;
      drain(false);
      return;
    }
    const { parts, close } = pending;
    const probe = parts[parts.length - 1].slice(-(close.length - 1)) + text;
    parts.push(text);
    pending.length += text.length;
    if (!probe.includes(close)) {
      if (pending.length > MAX_ROW_XML_CHARS) {
        throw new Refused({
          code: "unpacked_too_large",
          severity: "error",
          sheet: ref.name,
          row: pending.rowNumber,
          value: ref.path,
        });
      }
      return;
    }
    buffer = parts.join("");
    pending = null;
    drain(false);
  };

  await streamPart(z, ref.path, MAX_SHEET_PART_BYTES, onText);
  // (TypeScript cannot see that the stream callback set it.)
  const unfinished = pending as { parts: string[] } | null;
  if (unfinished) buffer = unfinished.parts.join("");
  pending = null;
  drain(true);
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

/** pyxform's header reading: trimmed, spaces collapsed, duplicates refused, 20 empty cells end the row. */
function readHeaders(cells: ParsedCell[], sheet: string): (string | null)[] {
  const byColumn = new Map(cells.map((c) => [c.column, c]));
  const last = cells.reduce((max, c) => Math.max(max, c.column), -1);
  if (last >= MAX_HEADER_COLUMNS)
    throw new Refused({ code: "too_many_columns", severity: "error", sheet, value: String(last + 1) });
  const headers: (string | null)[] = [];
  let emptyRun = 0;
  for (let column = 0; column <= last; column++) {
    const cell = byColumn.get(column);
    const text = cell ? cell.value.trim().replace(/ +/g, " ") : "";
    if (!text || !text.trim()) {
      headers.push(null);
      if (emptyRun === MAX_ADJACENT_EMPTY_COLUMNS) break;
      emptyRun++;
      continue;
    }
    emptyRun = 0;
    if (headers.includes(text)) {
      throw new Refused({
        code: "duplicate_header",
        severity: "error",
        sheet,
        row: 1,
        column: columnLetter(column),
        value: text,
      });
    }
    headers.push(text);
  }
  while (headers.length && headers[headers.length - 1] === null) headers.pop();
  return headers;
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
