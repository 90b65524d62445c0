// What an imported XLSForm becomes before it touches the database: a questionnaire description
// with texts per bank language, and the problems found, each pointing at a sheet, row and column.
import type { Language, PartialLocalizedText } from "../../i18n/languages";
import type { QuestionKind } from "../../questionnaires/model";
import type { Relevance } from "../../questionnaires/relevance-schema";

export type ImportedItem = {
  row: number;
  name: string;
  type: QuestionKind;
  listName: string | null;
  label: PartialLocalizedText;
  hint: PartialLocalizedText;
  required: boolean;
  requiredMessage: PartialLocalizedText;
  relevant: Relevance | null;
  constraint: string | null;
  constraintMessage: PartialLocalizedText;
};

export type ImportedSection = {
  /** The begin_group row, or null for questions that stood outside any group */
  row: number | null;
  name: string;
  title: PartialLocalizedText;
  relevant: Relevance | null;
  items: ImportedItem[];
};

export type ImportedChoiceList = {
  name: string;
  choices: { row: number; name: string; label: PartialLocalizedText }[];
};

export type ImportedQuestionnaire = {
  title: string;
  formId: string | null;
  languages: Language[];
  defaultLanguage: Language;
  sections: ImportedSection[];
  choiceLists: ImportedChoiceList[];
};

export type ImportIssue = {
  /** error: nothing is imported; notice: imported, but the person should know */
  severity: "error" | "notice";
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
};

export type ImportResult =
  | { ok: true; questionnaire: ImportedQuestionnaire; notices: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; notices: ImportIssue[] };
