// Translations: every translated column written in the same languages, each language carrying a
// code, and no cell left empty in one language while another has text.
import { cell, languageCodeOf, splitHeader, type Sheet, type SheetRow } from "../workbook";
import type { AddIssue } from "./issues";

/** Languages of the translated columns; the same set must appear on every translated column. */
export function checkLanguages(sheets: Sheet[], add: AddIssue): string[] {
  const all = new Set<string>();
  const byBase = new Map<string, { sheet: string; languages: Set<string> }>();
  const bare: { sheet: string; column: string }[] = [];
  for (const sheet of sheets) {
    for (const header of sheet.headers) {
      const split = splitHeader(header);
      if (!split) continue;
      if (split.language === null) {
        bare.push({ sheet: sheet.name, column: header });
        continue;
      }
      all.add(split.language);
      const key = `${sheet.name}\u0000${split.base}`;
      if (!byBase.has(key)) byBase.set(key, { sheet: sheet.name, languages: new Set() });
      byBase.get(key)!.languages.add(split.language);
    }
  }
  if (all.size === 0) return [];
  for (const b of bare)
    add({
      severity: "warning",
      code: "bare_and_translated_columns",
      sheet: b.sheet,
      column: b.column,
      value: b.column,
    });
  for (const [key, { sheet, languages }] of byBase) {
    const base = key.split("\u0000")[1];
    for (const lang of all) {
      if (!languages.has(lang))
        add({ severity: "warning", code: "missing_language_column", sheet, column: `${base}::${lang}`, value: lang });
    }
  }
  for (const lang of all)
    if (!languageCodeOf(lang))
      add({ severity: "warning", code: "language_without_code", sheet: sheets[0].name, value: lang });
  return [...all];
}

/** A translated column that is empty in one language while another has text shows as "-" in the form. */
export function checkTranslatedCells(row: SheetRow, sheet: string, columns: string[], add: AddIssue) {
  const byBase = new Map<string, string[]>();
  for (const column of columns) {
    const base = splitHeader(column)!.base;
    byBase.set(base, [...(byBase.get(base) ?? []), column]);
  }
  for (const [, cols] of byBase) {
    if (!cols.some((c) => cell(row, c))) continue;
    for (const c of cols)
      if (!cell(row, c))
        add({
          severity: "warning",
          code: "missing_translation",
          sheet,
          row: row.row,
          column: c,
          value: splitHeader(c)!.language ?? "",
        });
  }
}
