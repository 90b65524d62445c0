// The one review path of every translated text (a question's label and hint, each answer choice
// label): how a save or a workflow step lands in a row, inside the caller's transaction. A row the
// public reads as reviewed (approved, or outdated after being reviewed) is never overwritten by a
// change: the change waits beside it (pending*) as a draft, then in review, and only approval moves
// it into the row. Typed, imported and restored texts all come through here.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TranslationState } from "../vocabulary/enums";
import { holdsReviewedText, type StoredWithPending } from "./state";

type Tx = Prisma.TransactionClient;

export type TextRow = StoredWithPending & { id: string; revision: number };

const CLEARED = { pendingLabel: null, pendingStatus: null, pendingSourceVersion: null, pendingUpdatedById: null };

/** Where a new label (and hint) goes in a row: into it, or beside it when the public reads it as reviewed. */
function placeText(
  row: TextRow | null,
  next: { label: string; hint?: string | null; status: TranslationState; sourceVersion: number; actorId: string },
  withHint: boolean,
) {
  const hint = withHint ? { hint: next.hint ?? null } : {};
  if (!row || !holdsReviewedText(row.status))
    return {
      label: next.label,
      ...hint,
      status: next.status,
      sourceVersion: next.sourceVersion,
      updatedById: next.actorId,
      ...CLEARED,
      ...(withHint ? { pendingHint: null } : {}),
    };
  // Back to exactly the approved text: nothing is left to review.
  if (
    row.status === "approved" &&
    row.label === next.label &&
    (!withHint || (row.hint ?? null) === (next.hint ?? null))
  )
    return { ...CLEARED, ...(withHint ? { pendingHint: null } : {}) };
  return {
    pendingLabel: next.label,
    ...(withHint ? { pendingHint: next.hint ?? null } : {}),
    pendingStatus: next.status,
    pendingSourceVersion: next.sourceVersion,
    pendingUpdatedById: next.actorId,
  };
}

/** Saves a question's label and hint in one language; false when the row's revision moved meanwhile. */
export async function writeQuestionText(
  tx: Tx,
  args: {
    row: TextRow | null;
    questionId: string;
    lang: string;
    label: string;
    hint: string | null;
    status: TranslationState;
    sourceVersion: number;
    actorId: string;
    revision: number;
  },
): Promise<boolean> {
  const { row } = args;
  const data = placeText(row, args, true);
  if (!row) {
    if (args.revision !== -1) return false;
    await tx.questionText.create({
      data: { questionId: args.questionId, lang: args.lang, ...(data as { label: string }), revision: 0 },
    });
    return true;
  }
  const claimed = await tx.questionText.updateMany({
    where: { id: row.id, revision: args.revision },
    data: { ...data, revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Saves one answer choice label in one language; false when its revision moved meanwhile. */
export async function writeChoiceText(
  tx: Tx,
  args: {
    row: TextRow | null;
    choiceId: string;
    lang: string;
    label: string;
    status: TranslationState;
    sourceVersion: number;
    actorId: string;
    revision: number;
  },
): Promise<boolean> {
  const { row } = args;
  const data = placeText(row, args, false);
  if (!row) {
    if (args.revision !== -1) return false;
    await tx.choiceText.create({
      data: { choiceId: args.choiceId, lang: args.lang, ...(data as { label: string }), revision: 0 },
    });
    return true;
  }
  const claimed = await tx.choiceText.updateMany({
    where: { id: row.id, revision: args.revision },
    data: { ...data, revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** A workflow step of one part: approval moves a waiting change into the row the public reads. */
function stepData(row: TextRow, to: TranslationState, withHint: boolean) {
  if (!row.pendingStatus) return { status: to };
  if (to !== "approved") return { pendingStatus: to };
  return {
    label: row.pendingLabel!,
    ...(withHint ? { hint: row.pendingHint ?? null, pendingHint: null } : {}),
    status: to,
    sourceVersion: row.pendingSourceVersion,
    updatedById: row.pendingUpdatedById,
    ...CLEARED,
  };
}

/**
 * Moves the question text; false when its revision moved meanwhile. `move` false only claims the
 * revision; `sourceVersion` re-dates the text (an outdated text confirmed still valid).
 */
export async function stepQuestionText(
  tx: Tx,
  {
    row,
    revision,
    to,
    move,
    sourceVersion,
  }: { row: TextRow; revision: number; to: TranslationState; move: boolean; sourceVersion?: number },
): Promise<boolean> {
  const redate = move && sourceVersion !== undefined ? { sourceVersion } : {};
  const claimed = await tx.questionText.updateMany({
    where: { id: row.id, revision },
    data: { ...(move ? stepData(row, to, true) : {}), ...redate, revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Moves one answer choice label (of a shared list too: it is reviewed once, for every question using it). */
export async function stepChoiceText(tx: Tx, { row, to }: { row: TextRow; to: TranslationState }): Promise<boolean> {
  const claimed = await tx.choiceText.updateMany({
    where: { id: row.id, revision: row.revision },
    data: { ...stepData(row, to, false), revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** What an emptied text becomes: missing, with nothing waiting beside it (the workflow starts again). */
function missingData(actorId: string) {
  return { label: "", status: "missing" as const, sourceVersion: null, updatedById: actorId, ...CLEARED };
}

/** Clears a question's label and hint in one language (an emptied import cell); false when its revision moved. */
export async function clearQuestionText(
  tx: Tx,
  { row, revision, actorId }: { row: TextRow; revision: number; actorId: string },
): Promise<boolean> {
  const claimed = await tx.questionText.updateMany({
    where: { id: row.id, revision },
    data: { ...missingData(actorId), hint: null, pendingHint: null, revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Clears one answer choice label in one language; false when its revision moved meanwhile. */
export async function clearChoiceText(
  tx: Tx,
  { row, revision, actorId }: { row: TextRow; revision: number; actorId: string },
): Promise<boolean> {
  const claimed = await tx.choiceText.updateMany({
    where: { id: row.id, revision },
    data: { ...missingData(actorId), revision: { increment: 1 } },
  });
  return claimed.count === 1;
}
