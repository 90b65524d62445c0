// XLSForm tables → the form model, reading as pyxform reads (xls2json.py workbook_to_json): the
// sheets it knows by their lower-cased name (a lone sheet of another name is the survey), headers
// de-aliased, the settings from the first row under the header, choices grouped by list in order,
// survey rows nested by begin/end. A form is refused only for what pyxform refuses; this checks
// the refusals that decide the form's shape (headers, types, names, nesting, lists) and leaves
// expression checking to pyxform's own rules (validate.ts on export).
// The column and cell reading is in read-columns.ts, the survey tree's in read-survey.ts.
import { bareLanguage, type Choice, type ChoiceList, type FormModel, type OtherSheet } from "./model";
import type { FormProblem } from "./problems";
import { readTables, type RawSheet, type RawWorkbook } from "./read-tables";
import { checkEntities } from "./entities";
import { checkReferences } from "./references";
import { languagesOf, readColumns, rowCells, YES } from "./read-columns";
import { checkExternalInstances } from "./external-instances";
import { checkLabels } from "./labels";
import { readSurvey } from "./read-survey";
import { checkReferenceGeometry } from "./reference-geometry";
import { checkTriggers } from "./triggers";

export type ReadFormResult =
  | { ok: true; form: FormModel; warnings: FormProblem[] }
  | { ok: false; problems: FormProblem[]; warnings: FormProblem[] };

const SUPPORTED_SHEETS = new Set(["survey", "choices", "settings", "external_choices", "osm", "entities"]);

export async function readFormFile(bytes: Uint8Array): Promise<ReadFormResult> {
  const tables = await readTables(bytes);
  if (!tables.ok) return { ok: false, problems: tables.problems, warnings: [] };
  const result = readForm(tables.workbook);
  result.warnings.unshift(...tables.warnings);
  return result;
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

  // ---- external_choices: only its list names, which a select_one_external must name (the sheet
  // itself is carried as it is, in otherSheets)
  const externalSheet = find("external_choices");
  const externalLists = new Set<string>();
  if (externalSheet) {
    const columns = readColumns(externalSheet, "choices", []);
    for (const raw of externalSheet.rows) {
      const listName = rowCells(raw, columns, defaultLanguage).values.list_name;
      if (listName) externalLists.add(listName);
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

  const root = readSurvey({
    sheet: surveySheet,
    columns: surveyColumns,
    defaultLanguage,
    settings,
    lists,
    externalLists,
    choicesSheet: choicesSheet?.name,
    problems,
    warnings,
  });
  problems.push(...checkEntities({ survey: root }, surveySheet.name, find("entities")));
  problems.push(...checkLabels({ survey: root }, surveySheet.name));
  problems.push(...checkTriggers({ survey: root }, surveySheet.name));
  problems.push(...checkExternalInstances({ survey: root, choiceLists: [...lists.values()] }, surveySheet.name));
  problems.push(
    ...checkReferenceGeometry({ survey: root, choiceLists: [...lists.values()] }, surveySheet.name, find("entities")),
  );
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
