// Likely duplicates of a question being written: one trigram-similarity query over every
// language's labels. Apart from data.ts because it is raw SQL (pg_trgm) rather than Prisma reads.
import "server-only";
import { getDb } from "../db/client";

export type DuplicateCandidate = {
  code: string;
  status: string;
  lang: string;
  label: string;
  score: number;
  sameIndicator: boolean;
};

/**
 * Questions that likely ask the same thing: wording similar (trigram similarity, any language) to
 * `label`, among questions of the same indicator, or very similar anywhere in the bank.
 */
export async function findLikelyDuplicates({
  label,
  indicators = [],
  excludeCode = "",
}: {
  label: string;
  indicators?: string[];
  excludeCode?: string;
}): Promise<DuplicateCandidate[]> {
  const text = label.trim().slice(0, 500);
  if (text.length < 8) return [];
  const db = await getDb();
  const rows = await db.$queryRaw<
    { code: string; status: string; lang: string; label: string; score: number; same_indicator: boolean }[]
  >`
    WITH scored AS (
      SELECT q.code, q.status::text AS status, qt.lang, qt.label, similarity(qt.label, ${text})::float8 AS score,
             EXISTS (SELECT 1 FROM question_indicator qi JOIN indicator i ON i.id = qi."indicatorId"
                     WHERE qi."questionId" = q.id AND i.code = ANY(${indicators}::text[])) AS same_indicator
      FROM question_text qt JOIN question q ON q.id = qt."questionId"
      WHERE q.code <> ${excludeCode} AND q."mergedIntoId" IS NULL AND q."rejectedReason" IS NULL
    )
    SELECT DISTINCT ON (code) code, status, lang, label, score, same_indicator
    FROM scored
    WHERE (same_indicator AND score > 0.3) OR score > 0.55
    ORDER BY code, score DESC`;
  return rows
    .map((r) => ({
      code: r.code,
      status: r.status,
      lang: r.lang,
      label: r.label,
      score: Number(r.score),
      sameIndicator: r.same_indicator,
    }))
    .sort((a, b) => Number(b.sameIndicator) - Number(a.sameIndicator) || b.score - a.score)
    .slice(0, 5);
}
