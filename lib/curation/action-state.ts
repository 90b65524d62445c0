// What a curation server action answers, for the forms to show: never an exception, always a
// state with a translatable key (curate.failures.* / curate.errors.*) and nothing of the input lost.
import type { ChangeImpact, DuplicateCandidate } from "./data";
import type { CurationFailure } from "./errors";
import type { QuestionFormValues } from "./question-form-data";
import type { FrameworkVersion } from "./framework-data";
import type { ErrorKey } from "./schema";

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string; values?: Record<string, string | number> }
  | { status: "confirm"; impact: ChangeImpact; nextVersion: number }
  | { status: "error"; failure: CurationFailure | "invalidInput" | "unauthenticated" | "unavailable"; fields?: Record<string, ErrorKey>; current?: QuestionFormValues; saved?: FrameworkVersion | null; values?: Record<string, string | number> };

export const IDLE: ActionState = { status: "idle" };

export type { ChangeImpact, DuplicateCandidate };
