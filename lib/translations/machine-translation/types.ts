// What the editor receives from a machine translation request. Importable by client components.
import type { CheckCode, CheckWarning } from "../checks";

export type MachineSuggestion = {
  /** "label", "hint", "constraintMessage" or "choice:<name>" (the checks' field names) */
  field: string;
  /** The source text that was translated */
  source: string;
  /** The provider's translation, its protected parts put back */
  text: string;
  /** What the checks find missing from it (a reference, number or placeholder the provider dropped) */
  problems: CheckWarning[];
};

export type MachineSuggestions = { provider: string; suggestions: MachineSuggestion[] };

/** The checks a suggestion is flagged by: what a provider may drop or mangle. */
export const SUGGESTION_CHECKS: readonly CheckCode[] = [
  "empty",
  "missingReference",
  "missingNumber",
  "missingPlaceholder",
];
