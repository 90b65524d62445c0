// From a submissions export (KoboToolbox or ODK Central CSV) to every indicator the questionnaire
// can compute. Parsing is csv-parse's (byte order mark, quoted fields, `;` or `,` as Kobo and ODK
// write them); what cannot be matched is reported, never silently dropped.
import { parse } from "csv-parse/sync";
import type { IndicatorComputation } from "../framework/schema";
import { matchColumns, type Variable } from "./columns";
import { computeIndicator, type IndicatorResult } from "./compute";

export type QuestionnaireVariable = Variable & { /** bank question code */ code: string };

export type ResultsInput = {
  csv: string;
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

/** KoboToolbox writes `;` by default, ODK Central `,`: the header line says which. */
function delimiterOf(csv: string): string {
  const first = csv.slice(0, csv.search(/\r?\n|$/));
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
}

export function computeResults(input: ResultsInput): ResultsOutput {
  const records: string[][] = parse(input.csv, {
    bom: true,
    delimiter: delimiterOf(input.csv.replace(/^\uFEFF/, "")),
    relax_column_count: true,
    skip_empty_lines: true,
  });
  if (records.length === 0) throw new ResultsInputError("empty");
  const [headers, ...rows] = records;
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h)) throw new ResultsInputError("duplicateColumn", h);
    seen.add(h);
  }
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
