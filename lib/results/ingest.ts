// An upload's records as they are read (read-stream.ts), turned into the column store
// (column-store.ts) with the upload's checks on the way: the header row (duplicates; at least one
// column of this questionnaire), then every answer to a select question against its choices, once
// per distinct value of its column (the first row holding it is the one named). Nothing here
// writes: the caller stores the result whole, or nothing. Pure.
import { ColumnEncoder, type StoredColumn } from "./column-store";
import { matchColumns } from "./columns";
import { ResultsError } from "./errors";
import type { ColumnMapping, ResultsPlan } from "./plan";
import { checkHeaders, headerOf, isBlankRecord } from "./read-file";

export type EncodedSubmissions = {
  headers: string[];
  rowCount: number;
  /** One per header, in its order */
  columns: StoredColumn[];
  /** Per column, its encoded chunks in row order */
  chunks: Uint8Array[][];
  /** With a plan: which column holds which variable */
  mapping: ColumnMapping | null;
};

/** The first answer of a cell that is not one of the question's choices, if any. */
export function wrongAnswer(
  allowed: { multiple: boolean; other: boolean; names: Set<string> },
  cell: string,
): string | undefined {
  if (cell === "") return undefined;
  const answers = allowed.multiple ? cell.split(/\s+/) : [cell];
  return answers.find((a) => !allowed.names.has(a) && !(allowed.other && a === "other"));
}

export class SubmissionsEncoder {
  private headers: string[] | null = null;
  private encoders: ColumnEncoder[] = [];
  private rows = 0;
  private mapping: ColumnMapping | null = null;

  /** Without a plan, nothing is matched nor checked (computeResults on a file of its own). */
  constructor(private readonly plan: ResultsPlan | null) {}

  /** A record of the file: the first one not blank is the header row. */
  readonly record = (cells: string[]): void => {
    if (isBlankRecord(cells)) return;
    if (!this.headers) return this.header(cells);
    this.rows++;
    const encoders = this.encoders;
    for (let c = 0; c < encoders.length; c++) encoders[c].push(cells[c]);
  };

  private header(cells: string[]): void {
    const headers = headerOf(cells);
    checkHeaders(headers);
    this.headers = headers;
    const checked = new Map<number, string>();
    if (this.plan) {
      const match = matchColumns(headers, this.plan.variables);
      if (match.columns.size === 0) throw new ResultsError("notThisQuestionnaire");
      this.mapping = {
        columns: Object.fromEntries([...match.columns].map(([name, index]) => [name, headers[index]])),
        unmatched: match.unmatched,
        missing: match.missing,
      };
      for (const [variable, index] of match.columns) if (this.plan.choices.has(variable)) checked.set(index, variable);
    }
    this.encoders = headers.map((header, index) => {
      const variable = checked.get(index);
      if (variable === undefined) {
        const encoder = new ColumnEncoder(header);
        // A column without a header is no column: nothing of it is kept.
        if (header === "") encoder.kind = "dropped";
        return encoder;
      }
      const allowed = this.plan!.choices.get(variable)!;
      return new ColumnEncoder(header, true, (value) => {
        const wrong = wrongAnswer(allowed, value);
        if (wrong !== undefined)
          throw new ResultsError("notAChoice", { row: this.rows + 1, column: header, value: wrong.slice(0, 100) });
      });
    });
  }

  finish(): EncodedSubmissions {
    if (!this.headers || this.rows === 0) throw new ResultsError("empty");
    const columns = this.encoders.map((e) => e.finish());
    return {
      headers: this.headers,
      rowCount: this.rows,
      columns,
      chunks: this.encoders.map((e, i) => (columns[i].kind === "dropped" ? [] : e.chunks)),
      mapping: this.mapping,
    };
  }
}

/** A table already read (a test's, or a dataset stored before the column store) encoded the same way. */
export function encodeTable(headers: readonly string[], rows: readonly (readonly string[])[]): EncodedSubmissions {
  const encoder = new SubmissionsEncoder(null);
  encoder.record([...headers]);
  for (const row of rows) encoder.record(row as string[]);
  return encoder.finish();
}
