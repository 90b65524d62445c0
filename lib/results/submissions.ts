// From submissions (a file's table, or a dataset's stored columns) to every indicator the
// questionnaire can compute; what cannot be matched is reported, never silently dropped. One path
// for both: a table is encoded into columns first (column-store.ts), as an upload is.
import type { IndicatorComputation } from "../framework/schema";
import { decodeColumn, numbersOf, type ColumnData, type StoredColumn } from "./column-store";
import { matchColumns, type Variable } from "./columns";
import { computeIndicator, type IndicatorResult } from "./compute";
import { ResultsError } from "./errors";
import { encodeTable } from "./ingest";
import { parseSubmissionsCsv, type SubmissionsTable } from "./read-file";

export type QuestionnaireVariable = Variable & { /** bank question code */ code: string };

/** Submissions column by column: `column(i)` is the i-th header's data, null when it was not kept. */
export type ColumnSource = {
  headers: readonly string[];
  columns: readonly StoredColumn[];
  rowCount: number;
  column(index: number): ColumnData | null;
};

export type ResultsInput = {
  /** The file as CSV text, or already read as a table, or its stored columns */
  csv?: string;
  table?: SubmissionsTable;
  source?: ColumnSource;
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

/** A table (or CSV text) as columns held in memory. */
export function sourceOfTable(table: SubmissionsTable): ColumnSource {
  const encoded = encodeTable(table.headers, table.rows);
  const decoded = new Map<number, ColumnData | null>();
  return {
    headers: encoded.headers,
    columns: encoded.columns,
    rowCount: encoded.rowCount,
    column(index) {
      if (!decoded.has(index)) {
        const c = encoded.columns[index];
        decoded.set(index, c ? decodeColumn(c, encoded.chunks[index], encoded.rowCount) : null);
      }
      return decoded.get(index)!;
    },
  };
}

function sourceOf(input: ResultsInput): ColumnSource {
  if (input.source) return input.source;
  try {
    return sourceOfTable(input.table ?? parseSubmissionsCsv(input.csv ?? ""));
  } catch (error) {
    if (error instanceof ResultsError && (error.code === "empty" || error.code === "duplicateColumn"))
      throw new ResultsInputError(error.code, error.details.column);
    throw error;
  }
}

export function computeResults(input: ResultsInput): ResultsOutput {
  const source = sourceOf(input);
  const { headers, rowCount } = source;
  const dataOf = (name: string | undefined, code: "unknownWeightColumn" | "unknownGroupColumn") => {
    if (name === undefined) return undefined;
    const i = headers.indexOf(name);
    const data = i < 0 ? null : source.column(i);
    if (!data) throw new ResultsInputError(code, name);
    return data;
  };
  const weight = dataOf(input.weightColumn, "unknownWeightColumn");
  const group = dataOf(input.groupColumn, "unknownGroupColumn");
  const weights = weight ? numbersOf(weight) : undefined;
  const extra = new Set([input.weightColumn, input.groupColumn]);
  const match = matchColumns(headers, input.variables);
  const columnOfCode = (code: string) => {
    const v = input.variables.find((x) => x.code === code);
    const index = v ? match.columns.get(v.name) : undefined;
    return index === undefined ? undefined : (source.column(index) ?? undefined);
  };
  const indicators: ResultsOutput["indicators"] = [];
  const notComputable: ResultsOutput["notComputable"] = [];
  for (const [code, definition] of Object.entries(input.definitions).sort(([a], [b]) => a.localeCompare(b))) {
    const key = columnOfCode(definition.question);
    const universe = definition.denominator.universe;
    const universeData = universe ? columnOfCode(universe.question) : undefined;
    if (key === undefined || (universe && universeData === undefined)) {
      notComputable.push({ code, question: key === undefined ? definition.question : universe!.question });
      continue;
    }
    indicators.push({
      code,
      results: computeIndicator({ definition, rowCount, key, universe: universeData, weights, group }),
    });
  }
  return {
    rows: rowCount,
    unmatchedColumns: match.unmatched.filter((h) => !extra.has(h)),
    missingVariables: match.missing,
    indicators,
    notComputable,
  };
}

/** The headers of the columns computing every indicator reads: key and universe questions. */
export function indicatorHeaders(
  headers: readonly string[],
  variables: readonly QuestionnaireVariable[],
  definitions: Readonly<Record<string, IndicatorComputation>>,
): string[] {
  const match = matchColumns(headers, variables);
  const out = new Set<string>();
  for (const d of Object.values(definitions))
    for (const code of [d.question, d.denominator.universe?.question]) {
      const v = code === undefined ? undefined : variables.find((x) => x.code === code);
      const index = v ? match.columns.get(v.name) : undefined;
      if (index !== undefined) out.add(headers[index]);
    }
  return [...out];
}
