// The typed refusal of a glossary write, worded by "translate.failures.<code>"; a conflict carries
// the term as saved now (or null when someone deleted it), so the screen shows both versions.
import { Refusal } from "../http/refusal";
import type { GlossaryRow } from "./glossary-data";

export type GlossaryFailure =
  | "unauthenticated"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "duplicateTerm"
  | "invalidInput"
  | "fileTooLarge"
  | "badFile"
  | "previewChanged";

export class GlossaryError extends Refusal {
  constructor(
    readonly code: GlossaryFailure,
    readonly details?: { current?: GlossaryRow | null; fieldErrors?: Record<string, string[]>; reason?: string },
  ) {
    super(`glossary: ${code}`);
    this.name = "GlossaryError";
  }
}

export function isGlossaryError(error: unknown): error is GlossaryError {
  return error instanceof GlossaryError;
}
