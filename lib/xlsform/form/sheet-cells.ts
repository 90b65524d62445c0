// The cells of one worksheet row as pyxform's reader sees them: values as the spreadsheet program
// saved them (numbers and booleans written as Python prints them, dates as openpyxl's datetimes
// print, formulas never evaluated), trimmed; and the header row, with pyxform's header rules.
import {
  attribute,
  columnIndexOf,
  columnLetter,
  decodeXmlText,
  excelSerialToText,
  numberText,
  richText,
  type DateStyle,
} from "./ooxml";
import { Refused } from "./xlsx-parts";

const MAX_HEADER_COLUMNS = 1_000;
// pyxform's own reading limit (xls2json_backends.get_excel_column_headers).
const MAX_ADJACENT_EMPTY_COLUMNS = 20;

/** What a cell's value needs from the rest of the workbook: shared strings, date formats, its epoch. */
export type CellContext = { shared: string[]; dateStyles: (DateStyle | null)[]; date1904: boolean };
export type ParsedCell = { column: number; value: string; formula: boolean };

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const FORMULA = /<(?:\w+:)?f\b/;

export function parseCells(inner: string, ctx: CellContext): ParsedCell[] {
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
export function cleanValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes("\u00a0") ? trimmed.replaceAll("\u00a0", " ") : trimmed;
}

/** pyxform's header reading: trimmed, spaces collapsed, duplicates refused, 20 empty cells end the row. */
export function readHeaders(cells: ParsedCell[], sheet: string): (string | null)[] {
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
