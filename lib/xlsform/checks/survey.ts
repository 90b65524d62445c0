// The survey sheet, row by row: a known type, a valid name unique among its siblings, a label
// where the form shows one, balanced groups and repeats. It returns what the later checks need:
// the named elements (for references) and the lists that select_multiple questions use.
import { RESERVED_NAMES, XLSFORM_NAME } from "../../vocabulary/names";
import { cell, isEmptyRow, type Sheet } from "../workbook";
import { columnsOf, translatedColumnsOf } from "./columns";
import type { AddIssue } from "./issues";
import { checkTranslatedCells } from "./languages";
import { parseType, UNLABELLED_TYPES } from "./type-column";
import type { Element, RowWithReferences } from "./references";

type SurveyContext = {
  /** The list names the choices sheet defines */
  lists: Set<string>;
  languages: string[];
  /** The form's root name (settings `name`), which no question may take */
  formName: string;
};
export type SurveyScan = { elements: Element[]; rowsWithRefs: RowWithReferences[]; multipleLists: Set<string> };
type Open = { kind: "group" | "repeat"; row: number; names: Map<string, string> };

export function checkSurveyRows(
  survey: Sheet,
  { lists, languages, formName }: SurveyContext,
  add: AddIssue,
): SurveyScan {
  const elements: Element[] = [];
  const stack: Open[] = [];
  const rootNames = new Map<string, string>();
  const multipleLists = new Set<string>();
  const rowsWithRefs: RowWithReferences[] = [];
  const labelColumns = columnsOf(survey, "label");
  const hintColumns = columnsOf(survey, "hint");
  const translatedColumns = translatedColumnsOf(survey);

  survey.rows.forEach((row, index) => {
    if (isEmptyRow(row)) return;
    const typeText = cell(row, "type");
    const name = cell(row, "name");
    const at = { sheet: "survey", row: row.row };
    if (!typeText) {
      add({ severity: "error", code: "missing_type", ...at, column: "type", value: name });
      return;
    }
    const type = parseType(typeText);
    if (type.kind === "unknown" || type.kind === "bad_select") {
      const code = type.kind === "unknown" ? "unknown_type" : "bad_select_type";
      add({ severity: "error", code, ...at, column: "type", value: typeText });
      return;
    }
    if (type.kind === "structure" && type.closes) {
      const open = stack.pop();
      if (!open || open.kind !== type.closes) {
        add({ severity: "error", code: "unmatched_end", ...at, column: "type", value: typeText });
        if (open) stack.push(open);
      }
      return;
    }
    if (type.kind === "select") {
      if (!lists.has(type.list))
        add({ severity: "error", code: "unknown_list", ...at, column: "type", value: type.list });
      if (type.select === "select_multiple") multipleLists.add(type.list);
      if (type.orOther && languages.length > 0)
        add({ severity: "warning", code: "or_other_translated", ...at, column: "type", value: typeText });
    }

    const siblings = stack.at(-1)?.names ?? rootNames;
    if (checkName(name, { ...at, siblings, formName }, add)) elements.push({ name, row: row.row, index });

    const hasLabel = labelColumns.some((c) => cell(row, c));
    const hasHint = hintColumns.some((c) => cell(row, c));
    const labelColumn = labelColumns[0] ?? "label";
    if (type.kind === "structure") {
      if (!hasLabel) add({ severity: "warning", code: "group_without_label", ...at, column: labelColumn, value: name });
      stack.push({ kind: type.opens!, row: row.row, names: new Map() });
    } else if (!(type.kind === "plain" && UNLABELLED_TYPES.has(type.type)) && !hasLabel && !hasHint) {
      add({ severity: "error", code: "missing_label", ...at, column: labelColumn, value: name });
    }
    checkTranslatedCells(row, "survey", translatedColumns, add);
    rowsWithRefs.push({ row, index, ownName: name });
  });
  for (const open of stack)
    add({ severity: "error", code: "unclosed_group", sheet: "survey", row: open.row, column: "type" });
  return { elements, rowsWithRefs, multipleLists };
}

/**
 * A question's name: present, a valid XML name, not reserved, and unique among its siblings (a
 * clash in case only is a warning). True when the name is recorded for references.
 */
function checkName(
  name: string,
  at: { sheet: string; row: number; siblings: Map<string, string>; formName: string },
  add: AddIssue,
): boolean {
  const where = { sheet: at.sheet, row: at.row, column: "name" };
  if (!name) add({ severity: "error", code: "missing_name", ...where });
  else if (!XLSFORM_NAME.test(name)) add({ severity: "error", code: "invalid_name", ...where, value: name });
  else if (RESERVED_NAMES.has(name) || name === at.formName)
    add({ severity: "error", code: "reserved_name", ...where, value: name });
  else {
    const clash = at.siblings.get(name.toLowerCase());
    if (clash === name) add({ severity: "error", code: "duplicate_name", ...where, value: name });
    else if (clash !== undefined) add({ severity: "warning", code: "duplicate_name_case", ...where, value: name });
    at.siblings.set(name.toLowerCase(), name);
    return true;
  }
  return false;
}
