// The bank's closed vocabularies, declared once. The database owns them (Prisma enums in
// prisma/schema.prisma); these lists give them an order for menus, filters and zod, and are tied to
// the generated enums twice: `satisfies` refuses a value the database does not know, `Exhaustive`
// refuses a list that misses one (and tests/unit/vocabulary-enums.test.ts compares them at run time).
// Import-safe everywhere (the generated enums file is plain constants; here only its types are used).
import type {
  QuestionStatus as DbQuestionStatus,
  QuestionType as DbQuestionType,
  TranslationStatus as DbTranslationStatus,
  Visibility as DbVisibility,
} from "../db/generated/enums";

/** `true` only when the list names every member of the enum; a missing one makes this `never`. */
type Exhaustive<List extends readonly string[], Enum extends string> = [Enum] extends [List[number]] ? true : never;

export type QuestionType = DbQuestionType;
export const QUESTION_TYPES = [
  "select_one",
  "select_multiple",
  "text",
  "integer",
  "decimal",
  "date",
  "note",
] as const satisfies readonly QuestionType[];
export const SELECT_TYPES: ReadonlySet<QuestionType> = new Set(["select_one", "select_multiple"]);

/** Lifecycle of a bank question; which of them the public may read is lib/bank/visibility.ts. */
export type QuestionStatus = DbQuestionStatus;
export const QUESTION_STATUSES = [
  "draft",
  "published",
  "retired",
  "rejected",
  "merged",
] as const satisfies readonly QuestionStatus[];

/** A translation's state; the transitions between them are lib/translations/rules.ts. */
export type TranslationState = DbTranslationStatus;
export const TRANSLATION_STATES = [
  "missing",
  "draft",
  "in_review",
  "approved",
  "outdated",
] as const satisfies readonly TranslationState[];

/** Who may open a questionnaire; the rule itself is lib/questionnaires/access.ts. */
export type Visibility = DbVisibility;
export const VISIBILITIES = ["private", "shared", "public_template"] as const satisfies readonly Visibility[];

// Compile-time drift check: each line fails to type-check if its list misses an enum member.
export const VOCABULARY_IS_EXHAUSTIVE: [
  Exhaustive<typeof QUESTION_TYPES, QuestionType>,
  Exhaustive<typeof QUESTION_STATUSES, QuestionStatus>,
  Exhaustive<typeof TRANSLATION_STATES, TranslationState>,
  Exhaustive<typeof VISIBILITIES, Visibility>,
] = [true, true, true, true];
