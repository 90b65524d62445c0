// Who last edited what an approval would approve: each part of a question's translation in one
// language that is in review (its label and hint share one row; each answer choice label has its
// own, a shared list's for every question using it). Read inside a write's transaction or by the pages, through the same query.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Language } from "../i18n/languages";
import { PENDING_SELECT, workingText } from "./state";

type Reader = Prisma.TransactionClient;

export async function findLastEditors(
  questionIds: string[],
  lang: Language,
  tx?: Reader,
  /** "any": every part with a text, for confirming an outdated text still valid (not only what is in review) */
  which: "in_review" | "any" = "in_review",
): Promise<Map<string, string[]>> {
  if (questionIds.length === 0) return new Map();
  const db = tx ?? (await getDb());
  const part = { updatedById: true, status: true, label: true, sourceVersion: true, ...PENDING_SELECT } as const;
  const rows = await db.question.findMany({
    where: { id: { in: questionIds } },
    select: {
      id: true,
      texts: { where: { lang }, select: part },
      choiceList: { select: { choices: { select: { texts: { where: { lang }, select: part } } } } },
    },
  });
  // The last editor of each part that an approval would approve: what is in review now.
  const editorsInReview = (rows: Parameters<typeof workingText>[0][]) =>
    rows
      .map(workingText)
      .flatMap((w) => ((which === "any" ? w.status !== "missing" : w.status === "in_review") ? [w.updatedById] : []));
  return new Map(
    rows.map((q) => {
      const ids = [
        ...editorsInReview(q.texts),
        ...(q.choiceList?.choices ?? []).flatMap((c) => editorsInReview(c.texts)),
      ];
      return [q.id, [...new Set(ids.filter((id): id is string => !!id))]];
    }),
  );
}
