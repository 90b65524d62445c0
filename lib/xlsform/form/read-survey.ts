// The survey sheet's rows → the survey tree, nested by begin/end as pyxform nests them, with the
// refusals that decide the tree's shape: types, names (XML names, unique in their group or
// repeat, repeat names in the whole form), matching begin/end, select lists that exist. Apart
// from read-form.ts, which reads the sheets around it, because this walk is most of the reading.
import type { ChoiceList, FormModel, SurveyContainer, SurveyNode } from "./model";
import type { FormProblem } from "./problems";
import { acceptedParameters, parameterValueProblem, parseParameters } from "./parameters";
import { aliasedType, parseType } from "./question-types";
import type { RawSheet } from "./read-tables";
import { rowCells, YES, type SheetColumns } from "./read-columns";

const EXTERNAL_EXTENSIONS = new Set([".xml", ".csv", ".geojson"]);

/** Python's PurePath(name).suffixes, which pyxform's validate_list_name_extension counts. */
function suffixes(listName: string): string[] {
  const name = listName.split("/").pop() ?? "";
  if (name.endsWith(".")) return [];
  return name
    .replace(/^\.+/, "")
    .split(".")
    .slice(1)
    .map((s) => `.${s}`);
}

// pyxform's XML name rule (parsing/expression.py RE_NCNAME_NAMESPACED).
const NAME_START =
  "A-Z_a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u037d\\u037f-\\u1fff\\u200c-\\u200d\\u2070-\\u218f\\u2c00-\\u2fef\\u3001-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\ufffd\\u{10000}-\\u{effff}";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00b7\\u0300-\\u036f\\u203f-\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
export const XML_NAME = new RegExp(`^${NCNAME}(?::${NCNAME})?$`, "u");

/**
 * The survey tree of `sheet`; refusals go to `problems`, comment rows to `warnings`. `lists` are
 * the form's choice lists (a select names one of them), `choicesSheet` their sheet's name.
 */
export function readSurvey({
  sheet: surveySheet,
  columns: surveyColumns,
  defaultLanguage,
  settings,
  lists,
  externalLists,
  choicesSheet,
  problems,
  warnings,
}: {
  sheet: RawSheet;
  columns: SheetColumns;
  defaultLanguage: string;
  settings: FormModel["settings"];
  lists: Map<string, ChoiceList>;
  /** The list names of the external_choices sheet (empty: no such sheet, or no rows with a list name) */
  externalLists: Set<string>;
  choicesSheet: string | undefined;
  problems: FormProblem[];
  warnings: FormProblem[];
}): SurveyNode[] {
  const root: SurveyNode[] = [];
  // Names are unique in their nearest group or repeat (pyxform's unique_names), repeat names in the whole form.
  const stack: { node: SurveyContainer | null; children: SurveyNode[]; names: Set<string> }[] = [
    { node: null, children: root, names: new Set() },
  ];
  const repeatNames = new Set<string>([settings.values.name || "data"]);
  const at = (row: number, column?: string) => ({ sheet: surveySheet.name, row, ...(column ? { column } : {}) });
  for (const raw of surveySheet.rows) {
    const cells = rowCells(raw, surveyColumns, defaultLanguage);
    const { type = "", name = "", ...values } = cells.values;
    cells.values = values;
    const top = stack[stack.length - 1];
    if (YES.has(cells.verbatim.disabled ?? "")) {
      top.children.push({ ...cells, kind: "skipped", reason: "disabled", type, name });
      continue;
    }
    if (!type) {
      if (!name && !cells.texts.label) {
        warnings.push({ code: "comment_row", severity: "warning", ...at(raw.row) });
        top.children.push({ ...cells, kind: "skipped", reason: "comment", type, name });
      } else problems.push({ code: "missing_type", severity: "error", ...at(raw.row, "type") });
      continue;
    }
    const parsed = parseType(type);
    // pyxform parses every typed row's parameters, then checks the keys its type accepts.
    if (cells.values.parameters) {
      const pairs = parseParameters(cells.values.parameters);
      const accepted = acceptedParameters(aliasedType(type), parsed);
      const extra = pairs && accepted ? [...pairs.keys()].filter((k) => !accepted.includes(k)).sort() : [];
      if (!pairs) problems.push({ code: "parameters_format", severity: "error", ...at(raw.row, "parameters") });
      else if (extra.length)
        problems.push({
          code: "parameters_not_accepted",
          severity: "error",
          ...at(raw.row, "parameters"),
          value: extra.join(", "),
        });
      else {
        const bad = parameterValueProblem(
          aliasedType(type),
          pairs,
          cells.values.appearance,
          parsed.kind === "select" && parsed.select !== "rank",
        );
        if (bad) problems.push({ ...bad, severity: "error", ...at(raw.row, "parameters") });
      }
    }
    if (parsed.kind === "end") {
      if (stack.length === 1 || top.node?.kind !== parsed.control) {
        problems.push({
          code: "unmatched_end",
          severity: "error",
          ...at(raw.row, "type"),
          value: `end_${parsed.control}`,
        });
        continue;
      }
      top.node.end = { ...cells, values: { ...cells.values, ...(name ? { name } : {}) }, type };
      stack.pop();
      continue;
    }
    // pyxform names an audit itself ("audit", in the meta block, before any name check) and
    // refuses any other name for it.
    if (parsed.kind === "question" && parsed.type === "audit") {
      if (name && name !== "audit")
        problems.push({ code: "audit_name", severity: "error", ...at(raw.row, "name"), value: name });
      top.children.push({ ...cells, kind: "question", type, name });
      continue;
    }
    // pyxform names a note without a name itself (generated_note_name_ROW); anything else needs one.
    if (!name && type !== "note") {
      problems.push({ code: "missing_name", severity: "error", ...at(raw.row, "name") });
      continue;
    }
    if (name && !XML_NAME.test(name))
      problems.push({ code: "invalid_name", severity: "error", ...at(raw.row, "name"), value: name });
    if (name === "meta")
      problems.push({ code: "reserved_name", severity: "error", ...at(raw.row, "name"), value: name });
    else if (name && top.names.has(name))
      problems.push({ code: "duplicate_name", severity: "error", ...at(raw.row, "name"), value: name });
    if (name) top.names.add(name);
    if (parsed.kind === "begin") {
      if (parsed.control === "repeat") {
        if (repeatNames.has(name))
          problems.push({ code: "duplicate_repeat_name", severity: "error", ...at(raw.row, "name"), value: name });
        repeatNames.add(name);
      }
      const container: SurveyContainer = {
        ...cells,
        kind: parsed.control,
        type,
        name,
        children: [],
        end: { row: 0, texts: {}, values: {}, verbatim: {}, type: "" },
      };
      top.children.push(container);
      stack.push({ node: container, children: container.children, names: new Set() });
      continue;
    }
    if (parsed.kind === "unknown") {
      problems.push({ code: "unknown_type", severity: "error", ...at(raw.row, "type"), value: type });
      continue;
    }
    if (parsed.kind === "select") {
      const extension = /\.[^.]*$/.exec(parsed.listName)?.[0] ?? "";
      // A select_*_from_file names one file: one extension, a supported one (checked before the list).
      const fromFile = parsed.select === "select_one_from_file" || parsed.select === "select_multiple_from_file";
      const ext = suffixes(parsed.listName);
      const badFile = fromFile && (ext.length !== 1 || !EXTERNAL_EXTENSIONS.has(ext[0]));
      if (badFile)
        problems.push({
          code: "unsupported_file_extension",
          severity: "error",
          ...at(raw.row, "type"),
          value: parsed.listName,
        });
      const needsList =
        !badFile &&
        parsed.select !== "select_one_external" &&
        !EXTERNAL_EXTENSIONS.has(extension) &&
        !parsed.listName.includes("${");
      if (needsList && !lists.has(parsed.listName))
        problems.push({ code: "unknown_list", severity: "error", ...at(raw.row, "type"), value: parsed.listName });
      // pyxform's select_one_external reads its list from the external_choices sheet.
      if (parsed.select === "select_one_external" && !externalLists.has(parsed.listName))
        problems.push({
          code: externalLists.size ? "unknown_external_list" : "missing_external_choices",
          severity: "error",
          ...at(raw.row, "type"),
          value: parsed.listName,
        });
      // Answers of a select_multiple are separated by spaces, so its choice names cannot hold one.
      const spaced =
        parsed.select === "select_multiple"
          ? lists.get(parsed.listName)?.choices.find((c) => c.name.includes(" "))
          : undefined;
      if (spaced)
        problems.push({
          code: "choice_name_with_space",
          severity: "error",
          sheet: choicesSheet,
          row: spaced.row,
          column: "name",
          value: spaced.name,
        });
      if (parsed.orOther && cells.values.choice_filter)
        problems.push({ code: "or_other_with_choice_filter", severity: "error", ...at(raw.row, "choice_filter") });
    }
    if (
      parsed.kind === "question" &&
      parsed.type === "calculate" &&
      !cells.values.calculation &&
      !cells.values.default
    ) {
      problems.push({ code: "missing_calculation", severity: "error", ...at(raw.row, "calculation") });
    }
    top.children.push({ ...cells, kind: "question", type, name });
  }
  for (const open of stack.slice(1)) {
    problems.push({
      code: "unmatched_begin",
      severity: "error",
      ...at(open.node!.row, "type"),
      value: `begin_${open.node!.kind}`,
    });
  }
  return root;
}
