// A question's status: publish, retire and restore (and, through changeStatus, the review's
// reject and merge in review-mutations.ts). Each is one transaction claiming the revision, with
// its audit record.
import "server-only";
import { getDb } from "../db/client";
import type { Person } from "../auth/permissions";
import { CurationError } from "./errors";
import { loadQuestionForm, type QuestionFormValues } from "./question-form-data";
import {
  audit,
  claimRevision,
  requirePermission,
  snapshotInTx,
  type CurationPermission,
  type Tx,
} from "./version-mutations";

/** One status change: asks `action`'s permission, claims the revision, applies, audits before and after. */
export async function changeStatus(
  { actor, code, revision }: { actor: Person | null; code: string; revision: number },
  /** The permission asked for, and the audit record's action */
  action: Extract<CurationPermission, `question.${"publish" | "retire" | "restore" | "reject" | "merge"}`>,
  apply: (tx: Tx, q: QuestionFormValues) => Promise<void>,
): Promise<{ code: string; version: number }> {
  requirePermission(actor, action);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await loadQuestionForm(tx, { code });
    if (!before) throw new CurationError("notFound");
    await claimRevision(tx, { questionId: before.id, revision });
    await apply(tx, before);
    const after = await loadQuestionForm(tx, { id: before.id });
    await audit(tx, actor, { action, entityType: "question", entityId: before.id, before, after });
    return { code, version: after!.version };
  });
}

/** Draft → published: its content becomes the version it carries (1 for a new question). */
export async function publishQuestion(args: { actor: Person | null; code: string; revision: number }) {
  return changeStatus(args, "question.publish", async (tx, q) => {
    if (q.status !== "draft") throw new CurationError("wrongStatus");
    if (!q.label.trim()) throw new CurationError("wrongStatus");
    await tx.question.update({ where: { id: q.id }, data: { status: "published", publishedAt: new Date() } });
    await tx.questionText.updateMany({
      where: { questionId: q.id, sourceVersion: null },
      data: { sourceVersion: q.version },
    });
    const snapshot = await snapshotInTx(tx, q.id);
    await tx.questionVersion.upsert({
      where: { questionId_version: { questionId: q.id, version: q.version } },
      create: { questionId: q.id, version: q.version, snapshot, createdById: args.actor!.id },
      update: { snapshot, createdById: args.actor!.id },
    });
  });
}

/** Published → retired: it leaves search and pickers; questionnaires that use it keep it, marked. */
export async function retireQuestion(args: { actor: Person | null; code: string; revision: number }) {
  return changeStatus(args, "question.retire", async (tx, q) => {
    if (q.status !== "published") throw new CurationError("wrongStatus");
    await tx.question.update({ where: { id: q.id }, data: { status: "retired", retiredAt: new Date() } });
  });
}

/** Retired → published again (a rejected or merged draft is never "retired": it was never published). */
export async function restoreQuestion(args: { actor: Person | null; code: string; revision: number }) {
  return changeStatus(args, "question.restore", async (tx, q) => {
    if (q.status !== "retired") throw new CurationError("wrongStatus");
    const hasVersion = await tx.questionVersion.count({ where: { questionId: q.id } });
    if (!hasVersion) throw new CurationError("wrongStatus");
    await tx.question.update({ where: { id: q.id }, data: { status: "published", retiredAt: null } });
  });
}
