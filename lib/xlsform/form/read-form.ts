// XLSForm tables → the form model, reading as pyxform reads (xls2json.py workbook_to_json): the
// sheets it knows by their lower-cased name (a lone sheet of another name is the survey), headers
// de-aliased, the settings from the first row under the header, choices grouped by list in order,
// survey rows nested by begin/end. A form is refused only for what pyxform refuses; this checks
// the refusals that decide the form's shape (headers, types, names, nesting, lists) and leaves
// expression checking to pyxform's own rules (validate.ts on export).
import { classifyHeader, processHeader, type SheetKind } from "./headers";
import {
  bareLanguage,
  languageCode,
  type Choice,
  type ChoiceList,
  type ColumnRef,
  type FormLanguage,
  type FormModel,
  type OtherSheet,
  type RowCells,
  type SurveyContainer,
  type SurveyNode,
} from "./model";
import type { FormProblem } from "./problems";
import { parseType } from "./question-types";
import { readTables, type RawRow, type RawSheet, type RawWorkbook } from "./read-tables";
import { checkReferences } from "./references";

export type ReadFormResult =
  | { ok: true; form: FormModel; warnings: FormProblem[] }
  | { ok: false; problems: FormProblem[]; warnings: FormProblem[] };

const SUPPORTED_SHEETS = new Set(["survey", "choices", "settings", "external_choices", "osm", "entities"]);
const YES = new Set(["yes", "Yes", "YES", "true", "True", "TRUE", "true()"]);
const EXTERNAL_EXTENSIONS = new Set([".xml", ".csv", ".geojson"]);

// pyxform's XML name rule (parsing/expression.py RE_NCNAME_NAMESPACED).
const NAME_START =
  "A-Z_a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u037d\\u037f-\\u1fff\\u200c-\\u200d\\u2070-\\u218f\\u2c00-\\u2fef\\u3001-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\ufffd\\u{10000}-\\u{effff}";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00b7\\u0300-\\u036f\\u203f-\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
export const XML_NAME = new RegExp(`^${NCNAME}(?::${NCNAME})?$`, "u");

export async function readFormFile(bytes: Uint8Array): Promise<ReadFormResult> {
  const tables = await readTables(bytes);
  if (!tables.ok) return { ok: false, problems: tables.problems, warnings: [] };
  const result = readForm(tables.workbook);
  result.warnings.unshift(...tables.warnings);
  return result;
}

type SheetColumns = { refs: ColumnRef[]; byHeader: Map<string, ColumnRef> };

/** De-aliases a sheet's headers; two headers that mean the same column are refused, as pyxform does. */
function readColumns(sheet: RawSheet, kind: SheetKind, problems: FormProblem[]): SheetColumns {
  const headers = sheet.headers.filter((h): h is string => h !== null);
  const useDoubleColon = headers.some((h) => h.includes("::"));
  const byTokens = new Map<string, string>();
  const refs: ColumnRef[] = [];
  for (const header of headers) {
    const { renamed, tokens } = processHeader(header, useDoubleColon, kind);
    const key = tokens.join("\u0000");
    const other = byTokens.get(key);
    if (other !== undefined && renamed) {
      problems.push({
        code: "duplicate_column_meaning",
        severity: "error",
        sheet: sheet.name,
        row: 1,
        column: header,
        value: `${other}', '${header}`,
      });
    }
    byTokens.set(key, header);
    refs.push(classifyHeader(header, tokens, kind));
  }
  return { refs, byHeader: new Map(refs.map((r) => [r.header, r])) };
}

function rowCells(raw: RawRow, columns: SheetColumns, defaultLanguage: string): RowCells {
  const cells: RowCells = { row: raw.row, texts: {}, values: {}, verbatim: {} };
  for (const [header, value] of Object.entries(raw.cells)) {
    const ref = columns.byHeader.get(header);
    if (!ref) continue;
    if (ref.kind === "text") {
      const texts = (cells.texts[ref.key] ??= {});
      const language = ref.language ?? defaultLanguage;
      // pyxform merges a bare column into its language; a translated column wins over it.
      if (ref.language !== null || !(language in texts)) texts[language] = value;
    } else if (ref.kind === "value") cells.values[ref.key] = value;
    else cells.verbatim[header] = value;
  }
  return cells;
}

function languagesOf(sheets: SheetColumns[], defaultLanguage: string): FormLanguage[] {
  const out: FormLanguage[] = [];
  for (const { refs } of sheets) {
    for (const ref of refs) {
      if (ref.kind !== "text") continue;
      const name = ref.language ?? defaultLanguage;
      let language = out.find((l) => l.name === name);
      if (!language) {
        language = { name, isDefault: name === defaultLanguage, bare: false, code: languageCode(name) };
        out.push(language);
      }
      if (ref.language === null) language.bare = true;
    }
  }
  return out;
}

export function readForm(workbook: RawWorkbook): ReadFormResult {
  const problems: FormProblem[] = [];
  const warnings: FormProblem[] = [];
  const role = (sheet: RawSheet) => {
    const lower = sheet.name.toLowerCase();
    if (SUPPORTED_SHEETS.has(lower)) return lower;
    return workbook.sheets.length === 1 ? "survey" : null;
  };
  const find = (name: string) => workbook.sheets.find((s) => role(s) === name);
  const surveySheet = find("survey");
  if (!surveySheet || (surveySheet.rows.length === 0 && surveySheet.headers.length === 0)) {
    return { ok: false, problems: [{ code: "missing_survey_sheet", severity: "error", sheet: "survey" }], warnings };
  }
  const choicesSheet = find("choices");
  const settingsSheet = find("settings");

  // ---- settings: the first row under the header, as pyxform reads it
  const settingsColumns = settingsSheet
    ? readColumns(settingsSheet, "settings", problems)
    : { refs: [], byHeader: new Map() };
  const settingsRow = settingsSheet?.rows.find((r) => r.row === 2);
  const settingsCells = settingsRow ? rowCells(settingsRow, settingsColumns, "default") : null;
  const settings: FormModel["settings"] = {
    values: settingsCells?.values ?? {},
    verbatim: settingsCells?.verbatim ?? {},
  };
  if (
    settingsSheet &&
    settingsColumns.byHeader.has("id_string") &&
    settingsColumns.refs.some((r) => r.key === "form_id")
  ) {
    warnings.push({ code: "both_form_id_and_id_string", severity: "warning", sheet: settingsSheet.name, row: 1 });
  }
  const defaultLanguage = bareLanguage(settings);

  // ---- choices, grouped by list in order of first appearance
  const choicesColumns = choicesSheet
    ? readColumns(choicesSheet, "choices", problems)
    : { refs: [], byHeader: new Map() };
  const lists = new Map<string, ChoiceList>();
  if (choicesSheet) {
    if (choicesSheet.rows.length > 0 && !choicesColumns.refs.some((r) => r.key === "name" && r.kind === "value")) {
      problems.push({
        code: "missing_required_column",
        severity: "error",
        sheet: choicesSheet.name,
        row: 1,
        value: "name",
      });
    }
    for (const raw of choicesSheet.rows) {
      const cells = rowCells(raw, choicesColumns, defaultLanguage);
      const { list_name: listName = "", name = "", ...values } = cells.values;
      if (!listName)
        warnings.push({ code: "choice_without_list", severity: "warning", sheet: choicesSheet.name, row: raw.row });
      let list = lists.get(listName);
      if (!list) lists.set(listName, (list = { name: listName, choices: [] }));
      const choice: Choice = { ...cells, values, name };
      list.choices.push(choice);
    }
    // pyxform's validate_choice_list: every choice named, names unique in their list unless allowed.
    const allowDuplicates = YES.has(settings.values.allow_choice_duplicates ?? "");
    for (const list of lists.values()) {
      if (!list.name) continue;
      const seen = new Set<string>();
      for (const choice of list.choices) {
        const at = { sheet: choicesSheet.name, row: choice.row, column: "name" };
        if (!choice.name) problems.push({ code: "missing_choice_name", severity: "error", ...at });
        else if (!allowDuplicates && seen.has(choice.name))
          problems.push({ code: "duplicate_choice", severity: "error", ...at, value: choice.name });
        seen.add(choice.name);
      }
    }
  }

  // ---- survey, nested by begin/end
  const surveyColumns = readColumns(surveySheet, "survey", problems);
  if (!surveyColumns.refs.some((r) => r.key === "type" && r.kind === "value")) {
    problems.push({
      code: "missing_required_column",
      severity: "error",
      sheet: surveySheet.name,
      row: 1,
      value: "type",
    });
  }
  if (problems.length) return { ok: false, problems, warnings };

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
      const needsList =
        parsed.select !== "select_one_external" &&
        !EXTERNAL_EXTENSIONS.has(extension) &&
        !parsed.listName.includes("${");
      if (needsList && !lists.has(parsed.listName))
        problems.push({ code: "unknown_list", severity: "error", ...at(raw.row, "type"), value: parsed.listName });
      // Answers of a select_multiple are separated by spaces, so its choice names cannot hold one.
      const spaced =
        parsed.select === "select_multiple"
          ? lists.get(parsed.listName)?.choices.find((c) => c.name.includes(" "))
          : undefined;
      if (spaced)
        problems.push({
          code: "choice_name_with_space",
          severity: "error",
          sheet: choicesSheet?.name,
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
  if (problems.length) return { ok: false, problems, warnings };

  const knownRoles = new Set([surveySheet, choicesSheet, settingsSheet].filter(Boolean));
  const otherSheets: OtherSheet[] = workbook.sheets
    .filter((s) => !knownRoles.has(s))
    .map((s) => ({ name: s.name, headers: s.headers, rows: s.rows.map((r) => ({ row: r.row, cells: r.cells })) }));
  const form: FormModel = {
    settings,
    languages: languagesOf([surveyColumns, choicesColumns], defaultLanguage),
    survey: root,
    choiceLists: [...lists.values()],
    columns: { survey: surveyColumns.refs, choices: choicesColumns.refs, settings: settingsColumns.refs },
    sheets: {
      order: workbook.sheets.map((s) => s.name),
      survey: surveySheet.name,
      choices: choicesSheet?.name ?? null,
      settings: settingsSheet?.name ?? null,
    },
    otherSheets,
  };
  const referenceProblems = checkReferences(form);
  if (referenceProblems.length) return { ok: false, problems: referenceProblems, warnings };
  return { ok: true, form, warnings };
}
