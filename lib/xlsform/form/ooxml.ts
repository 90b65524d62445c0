// The few pieces of SpreadsheetML the form reader needs, read with plain string scanning: cell
// references, XML text, shared strings, and which number formats are dates. A full XML parser
// (exceljs) builds an object for every row a file declares, which is what made a LibreOffice file
// with a million formatted empty rows take seconds and look like "more than 5000 rows".

/** "AB12" → 27 (0-based column index); -1 when the reference has no column letters. */
export function columnIndexOf(reference: string): number {
  let index = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    const upper = code >= 97 && code <= 122 ? code - 32 : code;
    if (upper < 65 || upper > 90) break;
    index = index * 26 + (upper - 64);
  }
  return i === 0 ? -1 : index - 1;
}

/** Column index → "A", "B", … "AA" (for problem messages a person can find in their spreadsheet). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// OOXML writes characters XML cannot hold (control characters) as _xHHHH_; openpyxl reads them back.
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXmlText(raw: string): string {
  let text = raw.includes("&")
    ? raw.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
        name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
      )
    : raw;
  if (text.includes("_x"))
    text = text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;

/**
 * The text of `<t>…</t>` (or `<t attributes>…</t>`) when that is all `inner` holds, else null: the
 * usual shared string, read without the regular expressions below (a submissions workbook holds
 * hundreds of thousands of them). What TEXT_RUN would read from it; anything else is left to it.
 */
function loneTextRun(inner: string): string | null {
  const end = inner.length - 4;
  if (inner.charCodeAt(0) !== 60 || inner.charCodeAt(1) !== 116 || !inner.endsWith("</t>")) return null; // "<t"
  const after = inner.charCodeAt(2);
  // `<t>`, or `<t` and whitespace before its attributes (xml:space="preserve").
  if (after !== 62 && after !== 32 && after !== 9 && after !== 10 && after !== 13) return null;
  const gt = inner.indexOf(">", 2);
  if (gt < 0 || gt > end || inner.charCodeAt(gt - 1) === 47) return null; // a self-closing <t/>
  return inner.indexOf("<", gt) === end ? inner.slice(gt + 1, end) : null;
}

/** The text of an <si> or <is> element: its <t>, or the <t> of each rich-text run; phonetic guides left out. */
export function richText(inner: string): string {
  const lone = loneTextRun(inner);
  if (lone !== null) return decodeXmlText(lone);
  const body = inner.includes("rPh") ? inner.replace(PHONETIC, "") : inner;
  let out = "";
  for (const m of body.matchAll(TEXT_RUN)) out += m[1] ? decodeXmlText(m[1]) : "";
  return out;
}

const SHARED_ITEM = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(SHARED_ITEM)) out.push(m[1] ? richText(m[1]) : "");
  return out;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

export function attribute(tag: string, name: string): string | null {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(tag);
  return m ? decodeXmlText(m[1] ?? m[2]) : null;
}

// Built-in number formats that are dates or times (ECMA-376 18.8.30).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BUILTIN_TIME_ONLY = new Set([18, 19, 20, 21, 45, 46, 47]);

export type DateStyle = "date" | "time";

function classifyFormatCode(code: string): DateStyle | null {
  // Quoted text, escaped characters and [colour]/[$-locale] sections are not date parts.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  if (/[dy]/i.test(bare)) return "date";
  if (/[hs]/i.test(bare)) return "time";
  return null;
}

/** For each cell style index (the `s` of a cell), whether its number format shows a date or a time. */
export function parseDateStyles(xml: string): (DateStyle | null)[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attribute(m[0], "numFmtId"));
    const code = attribute(m[0], "formatCode");
    if (code !== null) custom.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  const out: (DateStyle | null)[] = [];
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attribute(m[0], "numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined) out.push(classifyFormatCode(code));
    else out.push(BUILTIN_DATE_FORMATS.has(id) ? (BUILTIN_TIME_ONLY.has(id) ? "time" : "date") : null);
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * An Excel date serial as Python's str() of the datetime openpyxl returns ("2024-03-01 00:00:00",
 * or "12:30:00" for a time), which is what pyxform puts in the form.
 */
export function excelSerialToText(serial: number, style: DateStyle, date1904: boolean): string {
  const ms = Math.round(serial * 86_400_000);
  if (style === "time" && serial < 1) {
    const seconds = Math.round(ms / 1000);
    return `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }
  // 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}`;
}

/** A number as Python prints the float (or int) openpyxl returns: 3.0 → "3", 0.1 → "0.1". */
export function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  if (Number.isInteger(n)) return BigInt(n).toString();
  // Python's repr: the same shortest digits, but in exponent form below 1e-4 and from 1e16, with
  // at least two exponent digits (1e-05 where JavaScript writes 0.00001).
  const [mantissa, exponent] = n.toExponential().split("e");
  const exp = Number(exponent);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(n);
}
