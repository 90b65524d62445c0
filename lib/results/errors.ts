// The refusals of results from collected data, each with a code the interface translates
// ("results.failures.<code>") and where it helps the row, column and value concerned.
import { Refusal } from "../http/refusal";

export type ResultsFailure =
  | "forbidden"
  | "notFound"
  | "noFile"
  | "fileTooLarge"
  | "empty"
  | "encoding"
  | "unreadable"
  | "duplicateColumn"
  | "notThisQuestionnaire"
  | "notAChoice"
  | "formNotReady";

export type ResultsErrorDetails = {
  /** The row of the file (1 is the header row) */
  row?: number;
  column?: string;
  value?: string;
  /** The largest file accepted, in megabytes */
  limit?: number;
  /** Why a spreadsheet was refused (notSpreadsheet, unpackedTooLarge…) */
  reason?: string;
};

export class ResultsError extends Refusal {
  constructor(
    readonly code: ResultsFailure,
    readonly details: ResultsErrorDetails = {},
  ) {
    super(`results: ${code}${details.column ? ` (${details.column})` : ""}`);
    this.name = "ResultsError";
  }
}

export function isResultsError(error: unknown): error is ResultsError {
  return error instanceof ResultsError;
}
