// A results refusal at the public edge: the status its code stands for, and the sentence the
// results page shows (results.failures.*, with the row, column and value concerned).
import { HttpError, type HttpErrorCode } from "../http/errors";
import { ResultsError, type ResultsFailure } from "./errors";
import { RESULTS_MAX_MEGABYTES } from "./limits";

const STATUS_OF: Record<ResultsFailure, HttpErrorCode> = {
  forbidden: "forbidden",
  notFound: "notFound",
  noFile: "fileMissing",
  fileTooLarge: "tooLarge",
  formNotReady: "notReady",
  empty: "invalidInput",
  encoding: "invalidInput",
  unreadable: "invalidInput",
  duplicateColumn: "invalidInput",
  notThisQuestionnaire: "invalidInput",
  notAChoice: "invalidInput",
};

export function resultsHttpError(error: ResultsError): HttpError {
  const d = error.details;
  return new HttpError(STATUS_OF[error.code], {
    messageKey: `results.failures.${error.code}`,
    params: { row: d.row ?? 0, column: d.column ?? "", value: d.value ?? "", limit: d.limit ?? RESULTS_MAX_MEGABYTES },
    details: { failure: error.code, ...d },
  });
}
