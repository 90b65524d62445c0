// The cells of one row of a submissions sheet (the XML inside <row>…</row>), as text in column
// order, read by hand with indexOf and charCodeAt.
//
// Why by hand: the same reading with regular expressions (the form importer's sheet-cells.ts
// does it that way, on forms of a few thousand cells) spent about 4.5 s of a 7 s read of a
// 50,000 rows × 150 columns export (7.5 million cells): a match array per cell, one regular
// expression per attribute per cell, a string for every attribute and value. Here a cell costs a
// few indexOf calls and, for the usual `<c r="B2" t="s"><v>17</v></c>`, no string but its value.
//
// Each step names the regular expression it stands for (CELL, VALUE and ooxml.ts's attribute()),
// and reads what it would have read. Where a cell is not in the plain shape spreadsheet programs
// write (attribute values holding spaces or characters outside printable ASCII, an attribute
// without quotes, a value that is not `<v>…</v>` first and alone), it is read with those regular
// expressions themselves (`cellValue`), so an odd file reads exactly as it did.
import { attribute, columnIndexOf, decodeXmlText, richText, type DateStyle } from "../xlsform/form/ooxml";

export type CellContext = { shared: string[]; dateStyles: (DateStyle | null)[]; date1904: boolean };

const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;
const UNDERSCORE = 95;
const LETTER_C = 99;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;
const LETTER_V = 118;

/** The regular expressions' \w: [A-Za-z0-9_] (NaN, past the end, is none). */
function isWord(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** The whitespace XML puts between attributes (a subset of \s: anything else is read by the fallback). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** exceljs's utils.excelToDate, as an ISO instant (what cellText gives a Date). */
function excelDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString();
}

/**
 * A cell's value from its attributes and its body, with the regular expressions: the fallback
 * for cells not in the plain shape, and the definition of what the scanner must give.
 */
export function cellValue(attrs: string, body: string, ctx: CellContext): string {
  const type = attribute(attrs, "t") ?? "n";
  if (type === "inlineStr") return richText(INLINE.exec(body)?.[1] ?? "");
  return typedValue(type, VALUE.exec(body)?.[1], isNumeric(type) ? attribute(attrs, "s") : null, ctx);
}

/** Whether typedValue reads a cell of this type as a number (the only kind whose style it reads). */
const isNumeric = (type: string) =>
  type !== "s" && type !== "str" && type !== "b" && type !== "e" && type !== "d" && type !== "inlineStr";

/**
 * A cell's text from its type, the raw text of its <v> (undefined: none) and, for a number, its
 * style (its `s`: whether it is shown as a date).
 */
function typedValue(type: string, v: string | undefined, style: string | null, ctx: CellContext): string {
  if (v === undefined) return "";
  switch (type) {
    case "s":
      return ctx.shared[Number(v)] ?? "";
    case "str":
      return decodeXmlText(v);
    case "b":
      return v.trim() === "1" ? "true" : "false";
    case "e":
      return "";
    case "d": {
      const date = new Date(decodeXmlText(v));
      return Number.isNaN(date.getTime()) ? decodeXmlText(v) : date.toISOString();
    }
    default: {
      const n = Number(v);
      if (Number.isNaN(n)) return decodeXmlText(v);
      return ctx.dateStyles[Number(style ?? 0)] ? excelDate(n, ctx.date1904) : String(n);
    }
  }
}

/**
 * If a cell element starts at `lt` (the `<`), where its name ends; else -1.
 * Stands for CELL's `<(?:\w+:)?c\b`: a prefix is tried first, then none.
 */
function cellNameEnd(s: string, lt: number): number {
  let i = lt + 1;
  while (isWord(s.charCodeAt(i))) i++;
  if (i > lt + 1 && s.charCodeAt(i) === COLON && s.charCodeAt(i + 1) === LETTER_C && !isWord(s.charCodeAt(i + 2)))
    return i + 2;
  if (s.charCodeAt(lt + 1) === LETTER_C && !isWord(s.charCodeAt(lt + 2))) return lt + 2;
  return -1;
}

/**
 * The first `</c>` or `</prefix:c>` from `from`: where it starts (-1: none), and its end in
 * `found.closeEnd`. CELL's `<\/(?:\w+:)?c>`.
 */
function closeOf(s: string, from: number): number {
  for (let j = s.indexOf("</", from); j >= 0; j = s.indexOf("</", j + 1)) {
    if (s.charCodeAt(j + 2) === LETTER_C && s.charCodeAt(j + 3) === GT) {
      found.closeEnd = j + 4;
      return j;
    }
    let k = j + 2;
    while (isWord(s.charCodeAt(k))) k++;
    if (k > j + 2 && s.charCodeAt(k) === COLON && s.charCodeAt(k + 1) === LETTER_C && s.charCodeAt(k + 2) === GT) {
      found.closeEnd = k + 3;
      return j;
    }
  }
  return -1;
}

/**
 * Where the attributes r, t and s of the last tag scanned sit (start, end of the value; -1:
 * absent), and where the last closing tag found ends: positions kept here rather than returned
 * in a new array for each of millions of cells.
 */
const found = { rStart: -1, rEnd: -1, tStart: -1, tEnd: -1, sStart: -1, sEnd: -1, closeEnd: -1 };

/**
 * Reads the attributes between `from` and `to` when the tag is plain: each one whitespace, a
 * name, `=` (whitespace around it allowed) and a quoted value of printable ASCII without spaces.
 * Then the first r, t and s found are what attribute() would find (it takes the first
 * `\sname\s*=\s*"…"`, which in a plain tag can only be the attribute itself). False otherwise:
 * the caller reads the tag with attribute().
 */
function plainAttributes(s: string, from: number, to: number): boolean {
  found.rStart = found.tStart = found.sStart = -1;
  let i = from;
  while (i < to) {
    if (!isSpace(s.charCodeAt(i))) return false;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i === to) return true;
    const nameStart = i;
    for (; i < to; i++) {
      const code = s.charCodeAt(i);
      if (code === EQUALS || isSpace(code)) break;
      // Other whitespace (which \s matches), quotes, non-ASCII: not a plain tag.
      if (code <= 32 || code > 126 || code === QUOTE || code === APOSTROPHE || code === LT) return false;
    }
    const nameEnd = i;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i === nameStart || s.charCodeAt(i) !== EQUALS) return false;
    i++;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOSTROPHE) return false;
    const valueStart = i + 1;
    for (i = valueStart; i < to && s.charCodeAt(i) !== quote; i++) {
      const code = s.charCodeAt(i);
      if (code <= 32 || code > 126) return false;
    }
    if (i >= to) return false;
    const valueEnd = i++;
    if (nameEnd - nameStart === 1) {
      const name = s.charCodeAt(nameStart);
      if (name === LETTER_R && found.rStart < 0) {
        found.rStart = valueStart;
        found.rEnd = valueEnd;
      } else if (name === LETTER_T && found.tStart < 0) {
        found.tStart = valueStart;
        found.tEnd = valueEnd;
      } else if (name === LETTER_S && found.sStart < 0) {
        found.sStart = valueStart;
        found.sEnd = valueEnd;
      }
    }
  }
  return true;
}

/**
 * The column of a reference between `start` and `end` ("AB12" → 27), as
 * columnIndexOf(decodeXmlText(reference)); -1 without letters.
 */
function columnAt(s: string, start: number, end: number): number {
  let index = 0;
  let i = start;
  for (; i < end; i++) {
    const code = s.charCodeAt(i);
    const upper = code >= 97 && code <= 122 ? code - 32 : code;
    if (upper < 65 || upper > 90) break;
    index = index * 26 + (upper - 64);
  }
  // An entity or an _xHHHH_ escape among the letters: decoded first, as attribute() did.
  const stop = s.charCodeAt(i);
  if (i < end && (stop === AMPERSAND || stop === UNDERSCORE)) return columnIndexOf(decodeXmlText(s.slice(start, end)));
  return i === start ? -1 : index - 1;
}

/** The shared string a `<v>` between `start` and `end` names (digits read in place; else as Number() reads it). */
function sharedAt(s: string, start: number, end: number, shared: string[]): string {
  if (end > start && end - start < 10) {
    let index = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = s.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      index = index * 10 + digit;
    }
    if (i === end) return shared[index] ?? "";
  }
  return shared[Number(s.slice(start, end))] ?? "";
}

/** A row's cells in column order, empty where the sheet has none, up to its last cell. */
export function rowCells(inner: string, ctx: CellContext): string[] {
  const cells: string[] = [];
  let next = 0;
  let pos = 0;
  for (;;) {
    const lt = inner.indexOf("<", pos);
    if (lt < 0) break;
    const nameEnd = cellNameEnd(inner, lt);
    if (nameEnd < 0) {
      pos = lt + 1;
      continue;
    }
    // CELL's `([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)`: the attributes run to the first `>`.
    const gt = inner.indexOf(">", nameEnd);
    if (gt < 0) break; // no `>` after here: no cell can follow
    const selfClosing = inner.charCodeAt(gt - 1) === SLASH;
    const attrsEnd = selfClosing ? gt - 1 : gt;
    let bodyEnd = gt + 1;
    // The usual body, `<v>…</v>` and the cell's `</c>` right after: the closing tag closeOf
    // would find (the value holds no `<`), without searching for it.
    const valueEnd = selfClosing ? -1 : loneValueEnd(inner, gt + 1);
    if (selfClosing) pos = gt + 1;
    else if (
      valueEnd >= 0 &&
      inner.charCodeAt(valueEnd + 4) === LT &&
      inner.charCodeAt(valueEnd + 5) === SLASH &&
      inner.charCodeAt(valueEnd + 6) === LETTER_C &&
      inner.charCodeAt(valueEnd + 7) === GT
    ) {
      bodyEnd = valueEnd + 4;
      pos = valueEnd + 8;
    } else {
      bodyEnd = closeOf(inner, gt + 1);
      if (bodyEnd < 0) break; // no closing tag after here: only empty cells could follow
      pos = found.closeEnd;
    }
    const plain = plainAttributes(inner, nameEnd, attrsEnd);
    let column: number;
    if (plain)
      column = found.rStart >= 0 && found.rEnd > found.rStart ? columnAt(inner, found.rStart, found.rEnd) : next;
    else {
      const ref = attribute(inner.slice(nameEnd, attrsEnd), "r");
      column = ref ? columnIndexOf(ref) : next;
    }
    next = column + 1;
    if (column < 0 || bodyEnd === gt + 1 || selfClosing) continue;
    const value = plain
      ? plainCellValue(inner, gt + 1, bodyEnd, valueEnd, ctx)
      : cellValue(inner.slice(nameEnd, attrsEnd), inner.slice(gt + 1, bodyEnd), ctx);
    if (value === "") continue;
    while (cells.length < column) cells.push("");
    cells[column] = value;
  }
  return cells;
}

/**
 * If the body starting at `start` opens with `<v>` and its value holds no `<` until a `</v>`,
 * where that `</v>` starts (the value runs from start + 3 to there); else -1. VALUE, when the
 * body is `<v>…</v>` first.
 */
function loneValueEnd(s: string, start: number): number {
  if (s.charCodeAt(start) !== LT || s.charCodeAt(start + 1) !== LETTER_V || s.charCodeAt(start + 2) !== GT) return -1;
  const end = s.indexOf("<", start + 3);
  return end >= 0 &&
    s.charCodeAt(end + 1) === SLASH &&
    s.charCodeAt(end + 2) === LETTER_V &&
    s.charCodeAt(end + 3) === GT
    ? end
    : -1;
}

/**
 * cellValue for a cell whose attributes plainAttributes read (in `found`); its body between
 * `start` and `end`, its lone value's end if loneValueEnd found one (else -1).
 */
function plainCellValue(s: string, start: number, end: number, valueEnd: number, ctx: CellContext): string {
  const { tStart, tEnd, sStart, sEnd } = found;
  const type =
    tStart < 0
      ? "n"
      : tEnd - tStart === 1 && s.charCodeAt(tStart) === LETTER_S
        ? "s"
        : decodeXmlText(s.slice(tStart, tEnd));
  const style = sStart >= 0 && isNumeric(type) ? decodeXmlText(s.slice(sStart, sEnd)) : null;
  if (type !== "inlineStr" && valueEnd >= 0 && valueEnd < end) {
    if (type === "s") return sharedAt(s, start + 3, valueEnd, ctx.shared);
    return typedValue(type, s.slice(start + 3, valueEnd), style, ctx);
  }
  const body = s.slice(start, end);
  if (type === "inlineStr") return richText(INLINE.exec(body)?.[1] ?? "");
  return typedValue(type, VALUE.exec(body)?.[1], style, ctx);
}
