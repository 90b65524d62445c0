// Who last edited what an approval would approve: a question's text in one language (label and
// hint share one row) and each of its answer choice labels in that language still in review (they
// move with the text). Read inside a write's transaction or by the pages, through the same query.
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Language } from "../i18n/languages";

type Reader = Prisma.TransactionClient;

export async function findLastEditors(
  questionIds: string[],
  lang: Language,
  tx?: Reader,
): Promise<Map<string, string[]>> {
  if (questionIds.length === 0) return new Map();
  const db = tx ?? (await getDb());
  const rows = await db.question.findMany({
    where: { id: { in: questionIds } },
    select: {
      id: true,
      texts: { where: { lang }, select: { updatedById: true } },
      choiceList: {
        select: {
          choices: { select: { texts: { where: { lang, status: "in_review" }, select: { updatedById: true } } } },
        },
      },
    },
  });
  return new Map(
    rows.map((q) => {
      const ids = [
        ...q.texts.map((t) => t.updatedById),
        ...(q.choiceList?.choices ?? []).flatMap((c) => c.texts.map((t) => t.updatedById)),
      ];
      return [q.id, [...new Set(ids.filter((id): id is string => !!id))]];
    }),
  );
}
