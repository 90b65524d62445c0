// The rules pyxform (the XLSForm converter ODK Central and KoboToolbox run on every upload)
// enforces, checked on our own tables: a file this accepts without errors or warnings is one that
// converts cleanly. pyxform itself cannot run here, so these rules are written from its documented
// behaviour (xlsform.org, /work/shared/notes/xlsform.md); where pyxform merely warns, so does this.
// Each problem names its sheet, spreadsheet row and column, with a code the interface translates.
// The checks live in checks/, one file per sheet or concern; this runs them in order.
import { FORM_ROOT_NAME } from "../vocabulary/names";
import { checkChoiceNamesForMultiple, checkChoices } from "./checks/choices";
import { requireColumns } from "./checks/columns";
import type { XlsformIssue } from "./checks/issues";
import { checkLanguages } from "./checks/languages";
import { checkReferences } from "./checks/references";
import { checkSettings } from "./checks/settings";
import { checkSurveyRows } from "./checks/survey";
import { cell, findSheet, isEmptyRow, type Sheet, type XlsformWorkbook } from "./workbook";

export { errorsOf, type IssueCode, type XlsformIssue } from "./checks/issues";
export { parseType, type ParsedType } from "./checks/type-column";
export { isBalanced } from "./checks/references";

export function validateXlsform(workbook: XlsformWorkbook): XlsformIssue[] {
  const issues: XlsformIssue[] = [];
  const add = (issue: XlsformIssue) => issues.push(issue);
  const survey = findSheet(workbook, "survey");
  if (!survey) {
    add({ severity: "error", code: "missing_sheet", sheet: "survey", value: "survey" });
    return issues;
  }
  const choices = findSheet(workbook, "choices");
  const settings = findSheet(workbook, "settings");
  requireColumns(survey, "survey", ["type", "name"], add);

  const languages = checkLanguages(
    [survey, choices].filter((s): s is Sheet => !!s),
    add,
  );
  const settingsRow = settings?.rows.find((r) => !isEmptyRow(r));
  checkSettings(settings, settingsRow, languages, add);
  const formName = (settingsRow && cell(settingsRow, "name")) || FORM_ROOT_NAME;
  const lists = checkChoices(choices, languages, settingsRow, add);

  const { elements, rowsWithRefs, multipleLists } = checkSurveyRows(survey, { lists, languages, formName }, add);
  checkReferences(survey, rowsWithRefs, elements, add);
  checkChoiceNamesForMultiple(choices, multipleLists, add);
  return issues;
}
