// Which columns of a sheet hold what: the required ones, and a text column in each of its languages.
import { splitHeader, type Sheet } from "../workbook";
import type { AddIssue } from "./issues";

/** The columns a sheet must have (survey: type and name; choices: list_name and name). */
export function requireColumns(sheet: Sheet, sheetName: string, columns: string[], add: AddIssue) {
  for (const column of columns) {
    if (!sheet.headers.includes(column))
      add({ severity: "error", code: "missing_column", sheet: sheetName, column, value: column });
  }
}

/** The headers of one text column in every language it is written in (`label`, `label::English (en)`…). */
export function columnsOf(sheet: Sheet, base: string): string[] {
  return sheet.headers.filter((h) => splitHeader(h)?.base === base);
}

/** The headers that carry a language (`label::English (en)`, `hint::Español (es)`…). */
export function translatedColumnsOf(sheet: Sheet): string[] {
  return sheet.headers.filter((h) => splitHeader(h)?.language);
}
