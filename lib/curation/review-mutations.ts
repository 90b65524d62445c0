// The review of drafts (imported or suggested): reject with a reason, or merge into a bank question
// so that every questionnaire that used the draft now uses the bank question.
import "server-only";
import type { Person } from "../auth/permissions";
import { CurationError } from "./errors";
import { changeStatus } from "./question-status-mutations";
import { mergeSchema, rejectSchema } from "./schema";

export async function rejectDraft({
  actor,
  code,
  revision,
  reason,
}: {
  actor: Person | null;
  code: string;
  revision: number;
  reason: string;
}) {
  const data = rejectSchema.parse({ reason });
  return changeStatus({ actor, code, revision }, "question.reject", async (tx, q) => {
    if (q.status !== "draft") throw new CurationError("wrongStatus");
    const now = new Date();
    // Its own state, never "retired": a retired question is public, a rejected draft never was.
    await tx.question.update({
      where: { id: q.id },
      data: { status: "rejected", rejectedAt: now, rejectedReason: data.reason },
    });
  });
}

/**
 * Merges a draft into a published question: the questionnaires' items that used the draft point at
 * the bank question's current version (where a questionnaire already holds that question, the
 * draft's item is dropped, as the questionnaire cannot ask it twice); the draft becomes `merged`
 * (private, like every draft) with a pointer to where it went. Returns how many items moved and how many were dropped.
 */
export async function mergeDraft({
  actor,
  code,
  revision,
  targetCode,
}: {
  actor: Person | null;
  code: string;
  revision: number;
  targetCode: string;
}) {
  const data = mergeSchema.parse({ targetCode });
  const counts = { moved: 0, dropped: 0 };
  const result = await changeStatus({ actor, code, revision }, "question.merge", async (tx, q) => {
    if (q.status !== "draft") throw new CurationError("wrongStatus");
    const target = await tx.question.findUnique({
      where: { code: data.targetCode },
      select: { id: true, status: true, version: true },
    });
    if (!target || target.id === q.id || target.status !== "published") throw new CurationError("mergeTarget");
    const items = await tx.questionnaireItem.findMany({
      where: { questionId: q.id },
      select: { id: true, questionnaireId: true },
    });
    for (const item of items) {
      const clash = await tx.questionnaireItem.findUnique({
        where: { questionnaireId_questionId: { questionnaireId: item.questionnaireId, questionId: target.id } },
        select: { id: true },
      });
      if (clash) {
        await tx.questionnaireItem.delete({ where: { id: item.id } });
        counts.dropped++;
      } else {
        await tx.questionnaireItem.update({
          where: { id: item.id },
          data: { questionId: target.id, questionVersion: target.version },
        });
        counts.moved++;
      }
    }
    await tx.question.update({ where: { id: q.id }, data: { status: "merged", mergedIntoId: target.id } });
  });
  return { ...result, ...counts, targetCode: data.targetCode };
}
