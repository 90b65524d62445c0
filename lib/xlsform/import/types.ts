// What the import reports: every problem the form reader found, each pointing at a sheet, row and
// column. An error means nothing is imported; a notice means the form is imported and the person
// should know (pyxform would warn about it too).
import type { FormProblemCode } from "../form";

export type ImportIssue = {
  severity: "error" | "notice";
  code: FormProblemCode;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
};

/** What a form holds, counted for the import report. */
export type FormSummary = {
  questions: number;
  groups: number;
  repeats: number;
  choiceLists: number;
  /** The form's languages as it names them (`English (en)`, `Kiswahili (sw)`, `default`) */
  languages: string[];
};
