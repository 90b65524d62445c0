// The settings sheet: the title, id and version every upload should carry, and a default language
// that is one of the form's languages.
import { cell, type Sheet, type SheetRow } from "../workbook";
import type { AddIssue } from "./issues";

export function checkSettings(
  settings: Sheet | undefined,
  row: SheetRow | undefined,
  languages: string[],
  add: AddIssue,
) {
  for (const column of ["form_title", "form_id", "version"]) {
    if (!row || !cell(row, column))
      add({ severity: "warning", code: "missing_setting", sheet: "settings", row: row?.row, column, value: column });
  }
  if (languages.length === 0) return;
  const defaultLanguage = row ? cell(row, "default_language") : "";
  if (!defaultLanguage)
    add({
      severity: "warning",
      code: "no_default_language",
      sheet: "settings",
      row: row?.row,
      column: "default_language",
    });
  else if (!languages.includes(defaultLanguage)) {
    add({
      severity: "error",
      code: "default_language_unknown",
      sheet: settings?.name ?? "settings",
      row: row?.row,
      column: "default_language",
      value: defaultLanguage,
    });
  }
}
