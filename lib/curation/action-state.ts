// What a curation server action answers (the one action result, lib/actions/result.ts): a step
// done (a message key of curate.done.* with its values), a published question's change waiting for
// the curator to confirm its impact, or a refusal with its message; null before anything is sent.
import type { ActionFailure, ActionResult } from "../actions/result";
import type { ChangeImpact } from "./version-data";
import type { DuplicateCandidate } from "./duplicate-data";
import type { QuestionFormValues } from "./question-form-data";
import type { FrameworkVersion } from "./framework-data";

export type CurationDone = { message: string; values?: Record<string, string | number> };
export type CurationConfirm = { confirm: ChangeImpact; nextVersion: number };
/** For "conflict": what is saved now (a question's form values, or a framework entry, null when
 * it was deleted meanwhile), so that the curator can compare it with their own version. */
export type CurationDetails = { current?: QuestionFormValues; saved?: FrameworkVersion | null };

export type CurationData = CurationDone | CurationConfirm;
export type ActionState = ActionResult<CurationData, CurationDetails> | null;

export const IDLE: ActionState = null;

export function doneOf(state: ActionState): CurationDone | null {
  return state?.ok && "message" in state.data ? state.data : null;
}

export function confirmOf(state: ActionState): CurationConfirm | null {
  return state?.ok && "confirm" in state.data ? state.data : null;
}

export function failureOf(state: ActionState): ActionFailure<CurationDetails> | null {
  return state && !state.ok ? state : null;
}

export type { ChangeImpact, DuplicateCandidate };
