// The typed refusal of a translation step, with a code the interface translates
// ("translate.failures.<code>") and, for a conflict, what is saved now so that nothing is lost.
import type { CheckWarning } from "./checks";
import { Refusal } from "../http/refusal";

export type TranslationFailure =
  | "unauthenticated"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "wrongStatus"
  /** Four eyes: the person approving a text edited it last; another reviewer approves it. */
  | "ownEdit"
  | "warnings"
  /** A check the policy makes blocking (check-policy.ts): no "save anyway"; `warnings` says which. */
  | "blocked"
  | "invalidInput"
  | "sourceLanguage"
  | "fileTooLarge"
  | "badFile"
  | "previewChanged"
  /** Machine translation: not configured (off), no answer in time, the provider failed or is busy, too many requests */
  | "machineOff"
  | "machineTimeout"
  | "machineUnavailable"
  | "machineBusy"
  | "machineRateLimited";

export type SavedVersion = {
  label: string;
  hint: string | null;
  constraintMessage: string | null;
  choices: Record<string, string>;
  status: string;
  revision: number;
  updatedBy: string | null;
};

export class TranslationError extends Refusal {
  constructor(
    readonly code: TranslationFailure,
    readonly details?: {
      current?: SavedVersion;
      warnings?: CheckWarning[];
      fieldErrors?: Record<string, string[]>;
      reason?: string;
    },
  ) {
    super(`translation: ${code}`);
    this.name = "TranslationError";
  }
}

export function isTranslationError(error: unknown): error is TranslationError {
  return error instanceof TranslationError;
}
