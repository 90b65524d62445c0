// An XLSForm as plain tables: what the writer produces, what the .xlsx reader returns and what the
// validator and the importer check. Cells are strings; `row` is the spreadsheet row number (the
// header is row 1), so that every problem can be pointed at where a person will look for it.
import { LANGUAGE_NAMES, type Language } from "../i18n/languages";

export type SheetRow = { row: number; cells: Record<string, string> };
export type Sheet = { name: string; headers: string[]; rows: SheetRow[] };
export type XlsformWorkbook = { sheets: Sheet[] };

export function findSheet(workbook: XlsformWorkbook, name: string): Sheet | undefined {
  return workbook.sheets.find((s) => s.name.trim().toLowerCase() === name);
}

export function cell(row: SheetRow, column: string): string {
  return (row.cells[column] ?? "").trim();
}

export function isEmptyRow(row: SheetRow): boolean {
  return Object.values(row.cells).every((v) => !v || !v.trim());
}

/** Columns whose text is shown to people and therefore written once per language. */
export const TRANSLATABLE_COLUMNS = [
  "label",
  "hint",
  "guidance_hint",
  "required_message",
  "constraint_message",
  "image",
  "audio",
  "video",
  "media::image",
  "media::audio",
  "media::video",
  "media::big-image",
] as const;

export type ColumnHeader = { base: string; language: string | null };

/** `label::Español (es)` → { base: "label", language: "Español (es)" }; `label` → language null. */
export function splitHeader(header: string): ColumnHeader | null {
  const trimmed = header.trim();
  for (const base of [...TRANSLATABLE_COLUMNS].sort((a, b) => b.length - a.length)) {
    if (trimmed === base) return { base, language: null };
    if (trimmed.startsWith(`${base}::`)) return { base, language: trimmed.slice(base.length + 2).trim() };
  }
  return null;
}

// A BCP 47 tag in the shape pyxform accepts: a 2–3 letter language subtag, then optional subtags.
const LANGUAGE_CODE = /\(([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\)\s*$/;

/** `Français (fr)` → "fr"; null when the language string carries no machine-readable code. */
export function languageCodeOf(languageString: string): string | null {
  return LANGUAGE_CODE.exec(languageString)?.[1] ?? null;
}

/** The language string the bank writes in column headers and in default_language: `English (en)`. */
export function languageString(lang: Language): string {
  return `${LANGUAGE_NAMES[lang]} (${lang})`;
}

export function translatedHeader(base: string, lang: Language): string {
  return `${base}::${languageString(lang)}`;
}
