// The one review path of every translated text (a question's label, hint and constraint message,
// each answer choice label): how a save or a workflow step lands in a row, inside the caller's
// transaction. A row the public reads as reviewed (approved, or outdated after being reviewed) is
// never overwritten by a change: the change waits beside it (pending*) as a draft, then in review,
// and only approval moves it into the row. Typed, imported and restored texts all come through here.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TranslationState } from "../vocabulary/enums";
import { holdsReviewedText, QUESTION_EXTRAS, type QuestionExtra, type StoredWithPending } from "./state";

type Tx = Prisma.TransactionClient;

export type TextRow = StoredWithPending & { id: string; revision: number };

const CLEARED = { pendingLabel: null, pendingStatus: null, pendingSourceVersion: null, pendingUpdatedById: null };

type Extras = { hint?: string | null; constraintMessage?: string | null };
type PendingExtras = { pendingHint?: string | null; pendingConstraintMessage?: string | null };
/** The fields beside the label a part has: a question text's (QUESTION_EXTRAS), none for a choice label. */
const QUESTION = Object.keys(QUESTION_EXTRAS) as QuestionExtra[];
const CHOICE: QuestionExtra[] = [];

/** `values` of each field, in the row's own columns or in its pending ones. */
function extrasData(fields: QuestionExtra[], values: Extras | null, into: "row"): Extras;
function extrasData(fields: QuestionExtra[], values: Extras | null, into: "pending"): PendingExtras;
function extrasData(fields: QuestionExtra[], values: Extras | null, into: "row" | "pending") {
  return Object.fromEntries(
    fields.map((f) => [into === "row" ? f : QUESTION_EXTRAS[f], (values && values[f]) ?? null]),
  ) as Extras & PendingExtras;
}

/** Where a new label (hint, constraint message) goes in a row: into it, or beside it when the public reads it as reviewed. */
function placeText(
  row: TextRow | null,
  next: Extras & { label: string; status: TranslationState; sourceVersion: number; actorId: string },
  fields: QuestionExtra[],
) {
  if (!row || !holdsReviewedText(row.status))
    return {
      label: next.label,
      ...extrasData(fields, next, "row"),
      status: next.status,
      sourceVersion: next.sourceVersion,
      updatedById: next.actorId,
      ...CLEARED,
      ...extrasData(fields, null, "pending"),
    };
  // Back to exactly the approved text: nothing is left to review.
  if (
    row.status === "approved" &&
    row.label === next.label &&
    fields.every((f) => (row[f] ?? null) === (next[f] ?? null))
  )
    return { ...CLEARED, ...extrasData(fields, null, "pending") };
  return {
    pendingLabel: next.label,
    ...extrasData(fields, next, "pending"),
    pendingStatus: next.status,
    pendingSourceVersion: next.sourceVersion,
    pendingUpdatedById: next.actorId,
  };
}

/** What writing a text needs, whichever part it belongs to. */
type WriteArgs = Extras & {
  row: TextRow | null;
  label: string;
  status: TranslationState;
  sourceVersion: number;
  actorId: string;
  /** The revision the writer read; -1 when there was no row yet */
  revision: number;
};
type Placed = ReturnType<typeof placeText>;

/**
 * The table a part's texts live in: `create` adds the first row of a language (its part and
 * language already set), `claim` updates a row only while it is still at the revision read.
 */
type TextTable = {
  create: (data: { label: string; revision: number }) => Promise<unknown>;
  claim: (query: {
    where: { id: string; revision: number };
    data: Placed & { revision: { increment: number } };
  }) => Promise<{ count: number }>;
};

/** The one write of a text: a new row only when none was read, else the row read, if nobody moved it. */
async function writeText(args: WriteArgs, fields: QuestionExtra[], table: TextTable): Promise<boolean> {
  const { row } = args;
  const data = placeText(row, args, fields);
  if (!row) {
    if (args.revision !== -1) return false;
    await table.create({ ...(data as { label: string }), revision: 0 });
    return true;
  }
  const claimed = await table.claim({
    where: { id: row.id, revision: args.revision },
    data: { ...data, revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Saves a question's label, hint and constraint message in one language; false when the row's revision moved meanwhile. */
export async function writeQuestionText(
  tx: Tx,
  args: {
    row: TextRow | null;
    questionId: string;
    lang: string;
    label: string;
    hint: string | null;
    constraintMessage: string | null;
    status: TranslationState;
    sourceVersion: number;
    actorId: string;
    revision: number;
  },
): Promise<boolean> {
  return writeText(args, QUESTION, {
    create: (data) => tx.questionText.create({ data: { questionId: args.questionId, lang: args.lang, ...data } }),
    claim: (query) => tx.questionText.updateMany(query),
  });
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
  return writeText(args, CHOICE, {
    create: (data) => tx.choiceText.create({ data: { choiceId: args.choiceId, lang: args.lang, ...data } }),
    claim: (query) => tx.choiceText.updateMany(query),
  });
}

/** A workflow step of one part: approval moves a waiting change into the row the public reads. */
function stepData(row: TextRow, to: TranslationState, fields: QuestionExtra[]) {
  if (!row.pendingStatus) return { status: to };
  if (to !== "approved") return { pendingStatus: to };
  const waiting = Object.fromEntries(fields.map((f) => [f, row[QUESTION_EXTRAS[f]] ?? null])) as Extras;
  return {
    label: row.pendingLabel!,
    ...extrasData(fields, waiting, "row"),
    ...extrasData(fields, null, "pending"),
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
    data: { ...(move ? stepData(row, to, QUESTION) : {}), ...redate, revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Moves one answer choice label (of a shared list too: it is reviewed once, for every question using it). */
export async function stepChoiceText(tx: Tx, { row, to }: { row: TextRow; to: TranslationState }): Promise<boolean> {
  const claimed = await tx.choiceText.updateMany({
    where: { id: row.id, revision: row.revision },
    data: { ...stepData(row, to, CHOICE), revision: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** What an emptied text becomes: missing, with nothing waiting beside it (the workflow starts again). */
function missingData(actorId: string) {
  return { label: "", status: "missing" as const, sourceVersion: null, updatedById: actorId, ...CLEARED };
}

/** Clears a question's label, hint and constraint message in one language (an emptied import cell); false when its revision moved. */
export async function clearQuestionText(
  tx: Tx,
  { row, revision, actorId }: { row: TextRow; revision: number; actorId: string },
): Promise<boolean> {
  const claimed = await tx.questionText.updateMany({
    where: { id: row.id, revision },
    data: {
      ...missingData(actorId),
      ...extrasData(QUESTION, null, "row"),
      ...extrasData(QUESTION, null, "pending"),
      revision: { increment: 1 },
    },
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
