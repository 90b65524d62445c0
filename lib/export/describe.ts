// Export and import problems in words a person understands, in their language. The translate
// function is next-intl's (getTranslations() on a page, createTranslator in a route handler),
// given loosely typed because the keys are built from problem codes.
import type { ReadinessIssue } from "../questionnaires/readiness";
import { MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES } from "../xlsform/limits";

const LIMITS = { limit: MAX_UPLOAD_BYTES / (1024 * 1024), rows: MAX_ROWS, columns: MAX_COLUMNS };

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describeReadinessIssue(issue: ReadinessIssue, t: Translate): string {
  switch (issue.kind) {
    case "missing_translation":
    case "unapproved_translation": {
      const place = issue.place;
      const field = t(`export.fields.${place.field}`, {
        section: place.section ?? "",
        item: place.item ?? "",
        list: place.list ?? "",
        choice: place.choice ?? "",
      });
      // The code: the message names the language in its own words (a select over the bank's codes)
      const values = { field, language: issue.lang };
      return issue.kind === "missing_translation"
        ? t("export.issues.missing_translation", values)
        : t("export.issues.unapproved_translation", { ...values, status: t(`question.translation.${issue.status}`) });
    }
    case "broken_skip_logic":
      return t("export.issues.broken_skip_logic", {
        where: issue.item
          ? t("export.where.item", { item: issue.item })
          : t("export.where.section", { section: issue.section }),
        question: issue.question,
        problem: t(`export.skipProblems.${issue.problem}`),
      });
    case "duplicate_name":
    case "invalid_name":
      return t(`export.issues.${issue.kind}`, { name: issue.name });
    case "empty_section":
      return t("export.issues.empty_section", { section: issue.section });
    case "unknown_language":
      return t("export.issues.unknown_language", { language: issue.lang });
    case "no_questions":
      return t("export.issues.no_questions");
    case "hazard_needed":
      return t("export.issues.hazard_needed", { items: issue.items.join(", "), count: issue.items.length });
    case "unknown_placeholder":
      return t("export.issues.unknown_placeholder", { item: issue.item, token: issue.token });
  }
}

/** A problem found in a spreadsheet: where it is and what is wrong. */
export type SheetProblem = {
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  severity?: "error" | "warning" | "notice";
};

export function describeLocation(problem: SheetProblem, t: Translate): string | null {
  if (!problem.sheet) return null;
  if (problem.row && problem.column)
    return t("import.location.cell", { sheet: problem.sheet, row: problem.row, column: problem.column });
  if (problem.row) return t("import.location.row", { sheet: problem.sheet, row: problem.row });
  if (problem.column) return t("import.location.column", { sheet: problem.sheet, column: problem.column });
  return t("import.location.sheet", { sheet: problem.sheet });
}

export function describeSheetProblem(
  problem: SheetProblem,
  t: Translate,
): { location: string | null; message: string } {
  return {
    location: describeLocation(problem, t),
    message: t(`import.problems.${problem.code}`, { value: problem.value ?? "", ...LIMITS }),
  };
}
