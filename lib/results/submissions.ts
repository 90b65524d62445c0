// From a submissions export (KoboToolbox or ODK Central CSV) to every indicator the questionnaire
// can compute (the file read by read-file.ts, or CSV text parsed there); what cannot be matched is
// reported, never silently dropped.
import type { IndicatorComputation } from "../framework/schema";
import { matchColumns, type Variable } from "./columns";
import { computeIndicator, type IndicatorResult } from "./compute";
import { ResultsError } from "./errors";
import { parseSubmissionsCsv, type SubmissionsTable } from "./read-file";

export type QuestionnaireVariable = Variable & { /** bank question code */ code: string };

export type ResultsInput = {
  /** The file as CSV text, or already read as a table */
  csv?: string;
  table?: SubmissionsTable;
  variables: readonly QuestionnaireVariable[];
  /** indicator code → definition */
  definitions: Readonly<Record<string, IndicatorComputation>>;
  weightColumn?: string;
  groupColumn?: string;
};

export type ResultsOutput = {
  rows: number;
  unmatchedColumns: string[];
  missingVariables: string[];
  indicators: { code: string; results: IndicatorResult[] }[];
  /** Indicators whose key (or universe) question has no column in the file */
  notComputable: { code: string; question: string }[];
};

export class ResultsInputError extends Error {
  constructor(
    readonly code: "empty" | "duplicateColumn" | "unknownWeightColumn" | "unknownGroupColumn",
    readonly column?: string,
  ) {
    super(`results: ${code}${column ? ` (${column})` : ""}`);
  }
}

/** The file as a table: CSV text is parsed here (read-file.ts reads bytes and workbooks). */
function tableOf(input: ResultsInput): SubmissionsTable {
  if (input.table) return input.table;
  try {
    return parseSubmissionsCsv(input.csv ?? "");
  } catch (error) {
    if (error instanceof ResultsError && (error.code === "empty" || error.code === "duplicateColumn"))
      throw new ResultsInputError(error.code, error.details.column);
    throw error;
  }
}

export function computeResults(input: ResultsInput): ResultsOutput {
  const { headers, rows } = tableOf(input);
  const indexOf = (name: string | undefined, code: "unknownWeightColumn" | "unknownGroupColumn") => {
    if (name === undefined) return undefined;
    const i = headers.indexOf(name);
    if (i < 0) throw new ResultsInputError(code, name);
    return i;
  };
  const weightColumn = indexOf(input.weightColumn, "unknownWeightColumn");
  const groupColumn = indexOf(input.groupColumn, "unknownGroupColumn");
  const extra = new Set([input.weightColumn, input.groupColumn]);
  const match = matchColumns(headers, input.variables);
  const columnOfCode = (code: string) => {
    const v = input.variables.find((x) => x.code === code);
    return v ? match.columns.get(v.name) : undefined;
  };
  const indicators: ResultsOutput["indicators"] = [];
  const notComputable: ResultsOutput["notComputable"] = [];
  for (const [code, definition] of Object.entries(input.definitions).sort(([a], [b]) => a.localeCompare(b))) {
    const column = columnOfCode(definition.question);
    const universe = definition.denominator.universe;
    const universeColumn = universe ? columnOfCode(universe.question) : undefined;
    if (column === undefined || (universe && universeColumn === undefined)) {
      notComputable.push({ code, question: column === undefined ? definition.question : universe!.question });
      continue;
    }
    indicators.push({
      code,
      results: computeIndicator({ definition, rows, column, universeColumn, weightColumn, groupColumn }),
    });
  }
  return {
    rows: rows.length,
    unmatchedColumns: match.unmatched.filter((h) => !extra.has(h)),
    missingVariables: match.missing,
    indicators,
    notComputable,
  };
}
