// The choices sheet: each answer choice in a named list, with a name and a label, once per list.
import { XLSFORM_NAME } from "../../vocabulary/names";
import { cell, isEmptyRow, type Sheet, type SheetRow } from "../workbook";
import { columnsOf, requireColumns, translatedColumnsOf } from "./columns";
import type { AddIssue } from "./issues";
import { checkTranslatedCells } from "./languages";

/** Checks the choices sheet and returns the list names it defines. */
export function checkChoices(
  choices: Sheet | undefined,
  languages: string[],
  settingsRow: SheetRow | undefined,
  add: AddIssue,
): Set<string> {
  const lists = new Set<string>();
  if (!choices) return lists;
  requireColumns(choices, "choices", ["list_name", "name"], add);
  const allowDuplicates = settingsRow && /^(yes|true)$/i.test(cell(settingsRow, "allow_choice_duplicates"));
  const labelColumns = columnsOf(choices, "label");
  const translated = translatedColumnsOf(choices);
  const seen = new Map<string, Set<string>>();
  for (const row of choices.rows) {
    if (isEmptyRow(row)) continue;
    const at = { sheet: "choices", row: row.row };
    const list = cell(row, "list_name");
    const name = cell(row, "name");
    if (!list) {
      add({ severity: "error", code: "missing_list_name", ...at, column: "list_name", value: name });
      continue;
    }
    if (!XLSFORM_NAME.test(list))
      add({ severity: "error", code: "invalid_list_name", ...at, column: "list_name", value: list });
    lists.add(list);
    if (!name) add({ severity: "error", code: "missing_choice_name", ...at, column: "name", value: list });
    if (!labelColumns.some((c) => cell(row, c)))
      add({ severity: "error", code: "missing_choice_label", ...at, column: labelColumns[0] ?? "label", value: name });
    else if (languages.length > 0) checkTranslatedCells(row, "choices", translated, add);
    if (name) {
      const names = seen.get(list) ?? new Set<string>();
      if (names.has(name) && !allowDuplicates)
        add({ severity: "error", code: "duplicate_choice", ...at, column: "name", value: name });
      names.add(name);
      seen.set(list, names);
    }
  }
  return lists;
}

/** A select_multiple answer is stored as its choice names joined by spaces: a name may hold none. */
export function checkChoiceNamesForMultiple(choices: Sheet | undefined, multipleLists: Set<string>, add: AddIssue) {
  if (!choices) return;
  for (const row of choices.rows) {
    const name = cell(row, "name");
    if (multipleLists.has(cell(row, "list_name")) && /\s/.test(name)) {
      add({
        severity: "error",
        code: "choice_name_with_space",
        sheet: "choices",
        row: row.row,
        column: "name",
        value: name,
      });
    }
  }
}
