// Translation memory: approved translations into the same language whose English is like the
// English of the text being translated (pg_trgm similarity, loaded on PostgreSQL and PGlite alike;
// see the add_search migration). Only what a reviewer approved is offered, and only while its
// English is the one it was approved for (an outdated text is no match). Suggestions only: the
// editor fills the field when the person asks, and saving stays theirs.
import "server-only";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";

export const MEMORY_MIN_SCORE = 0.5;
export const MEMORY_LIMIT = 5;

export type MemoryMatch = { code: string; source: string; target: string; score: number };
export type MemoryField = "label" | "hint";

/** The best matches for one English text (a question's label or hint), best first. */
export async function findMemoryMatches({
  lang,
  text,
  field = "label",
  excludeCode = "",
}: {
  lang: Language;
  text: string;
  field?: MemoryField;
  excludeCode?: string;
}): Promise<MemoryMatch[]> {
  const english = text.trim().slice(0, 2000);
  if (!english || lang === SOURCE_LANGUAGE) return [];
  const db = await getDb();
  // The column is chosen here, never from input: label or hint of both texts.
  const rows =
    field === "hint"
      ? await db.$queryRaw<{ code: string; source: string; target: string; score: number }[]>`
          SELECT q.code, src.hint AS source, tgt.hint AS target, similarity(src.hint, ${english})::float8 AS score
          FROM question q
          JOIN question_text src ON src."questionId" = q.id AND src.lang = ${SOURCE_LANGUAGE}
          JOIN question_text tgt ON tgt."questionId" = q.id AND tgt.lang = ${lang}
          WHERE q.code <> ${excludeCode} AND q.status::text IN ('draft', 'published')
            AND q."sourceLanguage" = ${SOURCE_LANGUAGE}
            AND tgt.status::text = 'approved' AND (tgt."sourceVersion" IS NULL OR tgt."sourceVersion" >= q.version)
            AND src.hint IS NOT NULL AND tgt.hint IS NOT NULL
            AND similarity(src.hint, ${english}) >= ${MEMORY_MIN_SCORE}
          ORDER BY score DESC, q.code
          LIMIT ${MEMORY_LIMIT}`
      : await db.$queryRaw<{ code: string; source: string; target: string; score: number }[]>`
          SELECT q.code, src.label AS source, tgt.label AS target, similarity(src.label, ${english})::float8 AS score
          FROM question q
          JOIN question_text src ON src."questionId" = q.id AND src.lang = ${SOURCE_LANGUAGE}
          JOIN question_text tgt ON tgt."questionId" = q.id AND tgt.lang = ${lang}
          WHERE q.code <> ${excludeCode} AND q.status::text IN ('draft', 'published')
            AND q."sourceLanguage" = ${SOURCE_LANGUAGE}
            AND tgt.status::text = 'approved' AND (tgt."sourceVersion" IS NULL OR tgt."sourceVersion" >= q.version)
            AND similarity(src.label, ${english}) >= ${MEMORY_MIN_SCORE}
          ORDER BY score DESC, q.code
          LIMIT ${MEMORY_LIMIT}`;
  return rows.map((r) => ({ code: r.code, source: r.source, target: r.target, score: Number(r.score) }));
}
