// The typed refusals of the builder, each with a code the interface translates
// ("builder.failures.<code>") and, where it helps, the details a person needs to act on it.
import { Refusal } from "../http/refusal";
export type BuilderFailure =
  | "forbidden"
  | "notFound"
  | "conflict"
  | "alreadyInQuestionnaire"
  | "unknownQuestions"
  | "emptyIndicator"
  | "unknownSection"
  | "skipLogicBroken"
  | "invalidRule"
  | "constraintNotNumeric"
  | "titleRequired"
  | "ownFormInvalid"
  | "constraintMessageStale"
  | "typeNeedsList"
  | "choiceInUse"
  | "listExists"
  | "cannotMove"
  | "alreadyProposed"
  | "notProposable"
  | "noBankLanguage"
  | "hazardUnknown"
  | "nameInvalid"
  | "nameTaken"
  | "choiceValueInvalid"
  | "choiceValueTaken"
  | "listInUse"
  | "nothingToUndo"
  | "undoUnavailable";

export type BuilderErrorDetails = {
  /** Bank codes concerned (already in the questionnaire, unknown) */
  codes?: string[];
  /** Rules a change would leave pointing forward or at nothing: "<owner> → <question>" */
  problems?: { owner: string; question: string; problem: string }[];
  /** What the form reader found wrong with the questionnaire's own form after a change (import.problems.<code>) */
  formProblems?: { code: string; row?: number; column?: string; value?: string }[];
  /** The field a refusal concerns (form field → builder.fieldErrors.<key>), to show it beside that field */
  fields?: Record<string, string>;
  /** The questionnaire's revision now, for a conflict */
  revision?: number;
};

export class BuilderError extends Refusal {
  constructor(
    readonly code: BuilderFailure,
    readonly details: BuilderErrorDetails = {},
  ) {
    super(`builder: ${code}`);
    this.name = "BuilderError";
  }
}

export function isBuilderError(error: unknown): error is BuilderError {
  return error instanceof BuilderError;
}
