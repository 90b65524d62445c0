// The queue's comment markers: how many comments each item's thread holds in one language, and how
// many came from someone else after this person last wrote in it ("new since your last reply"; all
// of them when they never wrote). Comments have no resolved flag: the thread's last word is what
// the model holds, so an item whose last comment is someone else's is one waiting for an answer.
import "server-only";
import { getDb } from "../db/client";
import type { Language } from "../i18n/languages";

export type CommentMarker = { count: number; newSinceYourReply: number };

export async function findCommentMarkers(
  questionIds: string[],
  lang: Language,
  actorId: string | null,
): Promise<Map<string, CommentMarker>> {
  if (questionIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.translationComment.findMany({
    where: { questionId: { in: questionIds }, lang },
    orderBy: { createdAt: "asc" },
    select: { questionId: true, authorId: true },
  });
  const markers = new Map<string, CommentMarker>();
  for (const r of rows) {
    const m = markers.get(r.questionId) ?? { count: 0, newSinceYourReply: 0 };
    m.count++;
    // In order of writing: this person's own comment answers everything before it.
    m.newSinceYourReply = actorId && r.authorId === actorId ? 0 : m.newSinceYourReply + 1;
    markers.set(r.questionId, m);
  }
  return markers;
}

/** The questions whose thread in `lang` holds at least one comment (the queue's "with comments" filter). */
export async function findCommentedQuestionIds(lang: Language): Promise<string[]> {
  const db = await getDb();
  const rows = await db.translationComment.findMany({
    where: { lang },
    distinct: ["questionId"],
    select: { questionId: true },
  });
  return rows.map((r) => r.questionId);
}
