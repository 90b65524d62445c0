// What the validator reports: one problem of an XLSForm, pointed at its sheet, spreadsheet row and
// column, with a code the interface translates. Every check file adds to one list through `AddIssue`.
export type IssueCode =
  | "missing_sheet"
  | "missing_column"
  | "missing_type"
  | "unknown_type"
  | "bad_select_type"
  | "unknown_list"
  | "missing_name"
  | "invalid_name"
  | "reserved_name"
  | "duplicate_name"
  | "duplicate_name_case"
  | "missing_label"
  | "group_without_label"
  | "missing_translation"
  | "unmatched_end"
  | "unclosed_group"
  | "unknown_reference"
  | "later_reference"
  | "ambiguous_reference"
  | "malformed_reference"
  | "expression_syntax"
  | "missing_list_name"
  | "invalid_list_name"
  | "missing_choice_name"
  | "missing_choice_label"
  | "duplicate_choice"
  | "choice_name_with_space"
  | "bare_and_translated_columns"
  | "missing_language_column"
  | "language_without_code"
  | "default_language_unknown"
  | "no_default_language"
  | "missing_setting"
  | "or_other_translated";

export type XlsformIssue = {
  severity: "error" | "warning";
  code: IssueCode;
  sheet: string;
  /** Spreadsheet row (1 is the header row); absent for problems of a whole sheet */
  row?: number;
  column?: string;
  /** What the message names: a question, list, language, reference… */
  value?: string;
};

export type AddIssue = (issue: XlsformIssue) => void;

export function errorsOf(issues: XlsformIssue[]): XlsformIssue[] {
  return issues.filter((i) => i.severity === "error");
}
