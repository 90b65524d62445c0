// The typed failure of a curation step, with a code the interface translates ("curate.failures.<code>").
import { Refusal } from "../http/refusal";
export type CurationFailure =
  | "forbidden"
  | "notFound"
  | "conflict"
  | "codeTaken"
  | "unknownList"
  | "unknownIndicator"
  | "unknownSource"
  | "wrongStatus"
  | "indicatorInUse"
  | "sameIndicator"
  | "mergeTarget"
  | "invalidComputation";

export class CurationError extends Refusal {
  constructor(
    readonly code: CurationFailure,
    /** For "conflict": what is saved now, so that the person can compare it with their own version. */
    readonly details?: Record<string, unknown>,
  ) {
    super(`curation: ${code}`);
    this.name = "CurationError";
  }
}

export function isCurationError(error: unknown): error is CurationError {
  return error instanceof CurationError;
}
