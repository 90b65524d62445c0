// The entities sheet's declarations and the survey's save_to column, refused where pyxform 4.5.0
// refuses them (entities/entities_parsing.py: get_entity_declaration, validate_dataset_name,
// get_entity_references_by_question, validate_saveto). Only rules that decide by the cells alone;
// the expressions and the scope of references are left to pyxform, like the rest of the
// expression checking. An entities sheet with a column this reader does not know for sure is not
// checked at all (pyxform's header de-aliasing there is its own), so nothing pyxform accepts is
// refused.
import type { FormModel, SurveyNode } from "./model";
import type { FormProblem } from "./problems";
import type { RawSheet } from "./read-tables";
import { XML_NAME } from "./read-survey";

const ENTITY_COLUMNS = new Set(["list_name", "dataset", "entity_id", "create_if", "update_if", "label", "repeat"]);

/** The rules pyxform applies to an entity list name and to a save_to property name alike. */
function nameProblem(name: string, property: boolean): FormProblem["code"] | null {
  if (property && (name.toLowerCase() === "name" || name.toLowerCase() === "label")) return "entity_name_reserved";
  if (name.startsWith("__")) return "entity_name_underscores";
  if (!property && name.includes(".")) return "entity_name_period";
  if (!XML_NAME.test(name)) return "entity_name_invalid";
  return null;
}

/** The declared list names, or null when the sheet cannot be read with certainty (then nothing is checked). */
export function declarations(sheet: RawSheet | undefined, problems: FormProblem[]): Set<string> | null {
  const declared = new Set<string>();
  if (!sheet || sheet.rows.length === 0) return declared;
  const headers = sheet.headers.filter((h): h is string => h !== null);
  if (headers.some((h) => !ENTITY_COLUMNS.has(h))) return null;
  if (headers.includes("list_name") && headers.includes("dataset")) return null;
  for (const raw of sheet.rows) {
    const cell = (key: string) => raw.cells[key]?.trim() || "";
    const list = cell("list_name") || cell("dataset");
    const at = { sheet: sheet.name, row: raw.row };
    const column = headers.includes("dataset") ? "dataset" : "list_name";
    if (!list) {
      problems.push({ code: "entity_list_missing", severity: "error", ...at, column });
      continue;
    }
    const naming = nameProblem(list, false);
    if (naming) problems.push({ code: naming, severity: "error", ...at, column, value: list });
    else if (!cell("entity_id") && cell("update_if"))
      problems.push({ code: "entity_needs_entity_id", severity: "error", ...at, column: "entity_id", value: list });
    else if (cell("entity_id") && cell("create_if") && !cell("update_if"))
      problems.push({ code: "entity_needs_update_if", severity: "error", ...at, column: "update_if", value: list });
    else if (!cell("entity_id") && !cell("label"))
      problems.push({ code: "entity_needs_label", severity: "error", ...at, column: "label", value: list });
    if (declared.has(list))
      problems.push({ code: "entity_list_duplicate", severity: "error", ...at, column, value: list });
    declared.add(list);
  }
  return declared;
}

/** Every survey row that may carry save_to, in sheet order: questions, and a group's begin and end rows. */
function* saveToRows(nodes: SurveyNode[]): Generator<{ row: number; saveTo: string; container: boolean }> {
  for (const node of nodes) {
    if (node.kind === "skipped") continue;
    const container = node.kind !== "question";
    if (node.values.save_to) yield { row: node.row, saveTo: node.values.save_to, container };
    if (node.kind === "question") continue;
    yield* saveToRows(node.children);
    if (node.end.values.save_to) yield { row: node.end.row, saveTo: node.end.values.save_to, container: true };
  }
}

export function checkEntities(
  form: Pick<FormModel, "survey">,
  surveySheet: string,
  entitiesSheet: RawSheet | undefined,
) {
  const problems: FormProblem[] = [];
  const declared = declarations(entitiesSheet, problems);
  if (declared === null) return problems;
  const properties = new Map<string, Set<string>>();
  for (const { row, saveTo, container } of saveToRows(form.survey)) {
    const at = { sheet: surveySheet, row, column: "save_to" };
    if (declared.size === 0) {
      problems.push({ code: "save_to_without_entities", severity: "error", ...at });
      continue;
    }
    const parts = saveTo.split("#");
    if (parts.length > 2) {
      problems.push({ code: "save_to_delimiters", severity: "error", ...at, value: saveTo });
      continue;
    }
    if (parts.length === 1 && declared.size > 1) {
      problems.push({ code: "save_to_needs_list", severity: "error", ...at, value: saveTo });
      continue;
    }
    const [list, property] = parts.length === 2 ? parts : [[...declared][0], parts[0]];
    if (!declared.has(list)) {
      problems.push({ code: "save_to_unknown_list", severity: "error", ...at, value: list });
      continue;
    }
    const naming = property ? nameProblem(property, true) : "entity_name_invalid";
    if (container) problems.push({ code: "save_to_on_group", severity: "error", ...at });
    else if (naming) problems.push({ code: naming, severity: "error", ...at, value: property });
    else if (properties.get(list)?.has(property))
      problems.push({ code: "save_to_duplicate", severity: "error", ...at, value: property });
    properties.set(list, (properties.get(list) ?? new Set()).add(property));
  }
  return problems;
}
