// Which state a translation is in, as the translator should see it. Pure.
import type { TranslationState } from "../vocabulary/enums";

export type StoredText = { status: TranslationState; sourceVersion: number | null } | null | undefined;

/**
 * The stored status, except that a text made from an older version of the source is outdated
 * whatever it says: the curation step marks it so when it publishes a new source text, and this
 * keeps the rule true for any other writer (the seed, a script) that bumps a question's version.
 */
export function effectiveState(text: StoredText, questionVersion: number): TranslationState {
  if (!text || text.status === "missing") return "missing";
  if (text.status !== "outdated" && text.sourceVersion !== null && text.sourceVersion < questionVersion)
    return "outdated";
  return text.status;
}

export type StateCounts = Record<TranslationState, number> & { total: number };

export function emptyCounts(): StateCounts {
  return { missing: 0, draft: 0, in_review: 0, approved: 0, outdated: 0, total: 0 };
}

export function addState(counts: StateCounts, state: TranslationState) {
  counts[state]++;
  counts.total++;
}

/** A stored row with what may wait beside it for review (see QuestionText.pendingLabel). */
export type StoredWithPending = {
  label: string;
  hint?: string | null;
  constraintMessage?: string | null;
  status: TranslationState;
  sourceVersion: number | null;
  updatedById: string | null;
  pendingLabel: string | null;
  pendingHint?: string | null;
  pendingConstraintMessage?: string | null;
  pendingStatus: TranslationState | null;
  pendingSourceVersion: number | null;
  pendingUpdatedById: string | null;
};

export type WorkingText = {
  label: string;
  hint: string | null;
  constraintMessage: string | null;
  status: TranslationState;
  sourceVersion: number | null;
  updatedById: string | null;
  /** The text waits beside an approved one that the public still reads */
  pending: boolean;
};

/** What translators and reviewers work on: the change waiting for review when there is one, else the row. */
export function workingText(row: StoredWithPending): WorkingText {
  if (row.pendingStatus && row.pendingLabel !== null)
    return {
      label: row.pendingLabel,
      hint: row.pendingHint ?? null,
      constraintMessage: row.pendingConstraintMessage ?? null,
      status: row.pendingStatus,
      sourceVersion: row.pendingSourceVersion,
      updatedById: row.pendingUpdatedById,
      pending: true,
    };
  return {
    label: row.label,
    hint: row.hint ?? null,
    constraintMessage: row.constraintMessage ?? null,
    status: row.status,
    sourceVersion: row.sourceVersion,
    updatedById: row.updatedById,
    pending: false,
  };
}

/** The columns workingText reads, for Prisma selects. */
export const PENDING_SELECT = {
  pendingLabel: true,
  pendingStatus: true,
  pendingSourceVersion: true,
  pendingUpdatedById: true,
} as const;

/**
 * A question text's fields beside its label, each with the column its change waits in: they share
 * the label's row, its state and its review (a choice label has none of them).
 */
export const QUESTION_EXTRAS = { hint: "pendingHint", constraintMessage: "pendingConstraintMessage" } as const;
export type QuestionExtra = keyof typeof QUESTION_EXTRAS;

/** The columns of QUESTION_EXTRAS, published and pending, for Prisma selects. */
export const QUESTION_EXTRA_SELECT = {
  hint: true,
  pendingHint: true,
  constraintMessage: true,
  pendingConstraintMessage: true,
} as const;

/**
 * The constraint message a translation answers: the source's, and only while the question has a
 * constraint (a message without one is never shown, so it asks for no translation).
 */
export function sourceConstraintMessage(
  question: { constraint: string | null },
  source: { constraintMessage?: string | null } | null | undefined,
): string | null {
  return (question.constraint && source?.constraintMessage) || null;
}

/** The source of each of QUESTION_EXTRAS (null: the field asks for no translation). */
export function sourceExtras(
  question: { constraint: string | null },
  source: { hint?: string | null; constraintMessage?: string | null } | null | undefined,
): Record<QuestionExtra, string | null> {
  return { hint: source?.hint || null, constraintMessage: sourceConstraintMessage(question, source) };
}

/**
 * A row the public already reads as reviewed: a change to it waits beside it (pending) until a
 * reviewer approves, rather than replacing it. An outdated text counts, so that a retranslation
 * is reviewed before it replaces the text people read.
 */
export function holdsReviewedText(status: TranslationState): boolean {
  return status === "approved" || status === "outdated";
}

/**
 * One translation item's state: its question text with the answer choice labels reviewed with it
 * (a shared list's labels are reviewed once, and their state shows in every question using it).
 * The least finished part wins, so that a draft choice label makes the item a draft to submit.
 */
export function itemState(text: TranslationState, choices: readonly TranslationState[]): TranslationState {
  if (text === "missing") return "missing";
  const parts = [text, ...choices.filter((s) => s !== "missing")];
  for (const s of ["outdated", "draft", "in_review"] as const) if (parts.includes(s)) return s;
  return "approved";
}
