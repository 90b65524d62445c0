// Builds the SQL of a search as plain text with $n parameters, so that it can be unit-tested and
// read. Every value a person typed travels as a parameter, never inside the SQL text.
import type { Language } from "../i18n/languages";
import { LANGUAGES } from "../i18n/languages";
import { normalizeText } from "./normalize";
import { PUBLIC_STATUSES } from "../bank/visibility";
import { QUESTION_STATUSES, type QuestionStatus } from "../vocabulary/enums";
import { facetFilters, type SearchParams } from "./schema";
import { Params, postingsPageQuery, rankExpression, type QueryLexemes } from "./ranking";

export type SqlQuery = { text: string; values: unknown[] };

export type SearchPlan = {
  query: string;
  langs: Language[];
  statuses: QuestionStatus[];
  filters: string[];
};

/**
 * Which statuses a search may see. The public: published, and retired when asked for (the database
 * holds no retired question that was never published). Curators (`includeDrafts`) may also ask for
 * drafts, rejected and merged drafts; without a status they see drafts and published questions.
 */
export function visibleStatuses(status: QuestionStatus | undefined, includeDrafts: boolean): QuestionStatus[] {
  const allowed: readonly QuestionStatus[] = includeDrafts ? QUESTION_STATUSES : PUBLIC_STATUSES;
  if (status) return allowed.includes(status) ? [status] : [];
  return allowed.filter((s) => s === "published" || s === "draft");
}

export function planSearch(params: SearchParams, { includeDrafts = false } = {}): SearchPlan {
  return {
    query: params.q,
    langs: params.lang ? [params.lang] : [...LANGUAGES],
    statuses: visibleStatuses(params.status, includeDrafts),
    filters: facetFilters(params),
  };
}

function whereClause(plan: SearchPlan, p: Params): string {
  const parts = [`s.status = ANY(${p.add(plan.statuses)}::"QuestionStatus"[])`];
  if (plan.filters.length) parts.push(`s.facets @> ${p.add(plan.filters)}::text[]`);
  if (plan.query) {
    const q = p.add(plan.query);
    // One GIN index per language: an OR of per-language matches becomes a BitmapOr of index scans.
    parts.push(`(${plan.langs.map((l) => `s.${l} @@ qb_search_query('${l}', ${q})`).join(" OR ")})`);
  }
  return parts.join(" AND ");
}

const ORDER_COLUMNS = {
  code: `q.code`,
  type: `q.type::text`,
  status: `q.status::text`,
  updated: `q."updatedAt"`,
} as const;

/** Whether a page is ordered by relevance (the default when there are words). */
export function ranksByRelevance(plan: SearchPlan, params: Pick<SearchParams, "sort">): boolean {
  return Boolean(plan.query) && (params.sort ?? "relevance") === "relevance";
}

/**
 * The ids of one page of results, in order. By relevance, every match is ranked (lib/search/ranking.ts):
 * when `lexemes` is given (best first only), per language, from the postings where the query is one
 * lexeme and by scoring that language's matches elsewhere; else by scoring every match at once.
 */
export function pageQuery(
  plan: SearchPlan,
  params: Pick<SearchParams, "page" | "pageSize" | "sort" | "dir">,
  lexemes: QueryLexemes | null = null,
): SqlQuery {
  const offset = (params.page - 1) * params.pageSize;
  const relevance = ranksByRelevance(plan, params);
  if (relevance && lexemes && params.dir !== "asc")
    return postingsPageQuery(plan, lexemes, { offset, pageSize: params.pageSize });
  const p = new Params();
  const where = whereClause(plan, p);
  const sort = params.sort ?? (plan.query ? "relevance" : "code");
  const limit = p.add(params.pageSize);
  const off = p.add(offset);
  if (relevance) {
    const q = p.add(plan.query);
    const dir = params.dir === "asc" ? "ASC" : "DESC";
    const columns = plan.langs.map((l) => `s.${l}`).join(", ");
    return {
      text:
        `WITH c AS (SELECT s."questionId", ${columns} FROM question_search s WHERE ${where}), ` +
        // Codes (the tie-break) are read by primary key for the best-ranked matches only, with their
        // ties: joining every match would read the whole question table.
        `r AS (SELECT c."questionId", ${rankExpression(plan, q)} AS score FROM c ORDER BY score ${dir} FETCH FIRST ${p.add(offset + params.pageSize)} ROWS WITH TIES) ` +
        `SELECT r."questionId" AS id, r.score FROM r JOIN question q ON q.id = r."questionId" ` +
        `ORDER BY r.score ${dir}, q.code ASC LIMIT ${limit} OFFSET ${off}`,
      values: p.values,
    };
  }
  const column = ORDER_COLUMNS[sort === "relevance" ? "code" : sort];
  const dir = params.dir === "desc" ? "DESC" : "ASC";
  return {
    text:
      `SELECT q.id, NULL::float4 AS score FROM question_search s JOIN question q ON q.id = s."questionId" ` +
      `WHERE ${where} ORDER BY ${column} ${dir}, q.code ASC LIMIT ${limit} OFFSET ${off}`,
    values: p.values,
  };
}

/** The unfiltered bank: its total and facet counts are kept in search_facet_count by triggers. */
export function storedCountsQuery(plan: SearchPlan): SqlQuery {
  const p = new Params();
  const statuses = p.add(plan.statuses);
  return {
    text:
      `SELECT NULL::text AS value, coalesce(sum(count), 0)::int AS count FROM search_facet_count WHERE value = 'status:' || status::text AND status = ANY(${statuses}::"QuestionStatus"[]) ` +
      `UNION ALL SELECT value, sum(count)::int FROM search_facet_count WHERE status = ANY(${statuses}::"QuestionStatus"[]) AND count > 0 GROUP BY value`,
    values: p.values,
  };
}

/** How many rows question_search holds (every status): the population a sample is drawn from. */
export function bankSizeQuery(): SqlQuery {
  return {
    text: `SELECT coalesce(sum(count), 0)::int AS total FROM search_facet_count WHERE value = 'status:' || status::text`,
    values: [],
  };
}

/**
 * Exact total (the row whose value is NULL) and facet counts of a search, in one pass over its
 * matches. Its cost grows with the number of matches: used when they are few enough.
 */
export function exactCountsQuery(plan: SearchPlan): SqlQuery {
  const p = new Params();
  return {
    text:
      `WITH m AS MATERIALIZED (SELECT s.facets FROM question_search s WHERE ${whereClause(plan, p)}) ` +
      `SELECT NULL::text AS value, count(*)::int AS count FROM m ` +
      `UNION ALL SELECT v, count(*)::int FROM m, unnest(m.facets) v GROUP BY v`,
    values: p.values,
  };
}

/**
 * The same counts over a block sample of the bank (TABLESAMPLE SYSTEM, repeatable so that a page
 * reloads with the same figures): the NULL row holds the matches in the sample (`count`) and the
 * rows sampled (`seen`), to be scaled up by the caller. Its cost is that of the sample, whatever
 * the number of matches.
 */
export function sampledCountsQuery(plan: SearchPlan, percent: number): SqlQuery {
  const p = new Params();
  const where = whereClause(plan, p);
  const pct = p.add(percent);
  return {
    text:
      `WITH m AS MATERIALIZED (SELECT s.facets, (${where}) AS hit FROM question_search s TABLESAMPLE SYSTEM (${pct}::float4) REPEATABLE (0)) ` +
      `SELECT NULL::text AS value, (count(*) FILTER (WHERE m.hit))::int AS count, count(*)::int AS seen FROM m ` +
      `UNION ALL SELECT v, count(*)::int, NULL FROM m, unnest(m.facets) v WHERE m.hit GROUP BY v`,
    values: p.values,
  };
}

/** For each query word: is it in the bank's vocabulary, and if not, its nearest word there. */
export function vocabularyQuery(words: string[], langs: Language[]): SqlQuery {
  const p = new Params();
  const ws = p.add(words);
  const ls = p.add(langs);
  return {
    text:
      `SELECT w AS word, EXISTS (SELECT 1 FROM search_word x WHERE x.lang = ANY(${ls}::text[]) AND x.word = w) AS known, ` +
      `(SELECT x.word FROM search_word x WHERE x.lang = ANY(${ls}::text[]) AND x.word % w ORDER BY x.word <-> w, x.word LIMIT 1) AS nearest ` +
      `FROM unnest(${ws}::text[]) AS w`,
    values: p.values,
  };
}

/** Replaces each misspelt word of the query by its correction (keeps everything else as typed). */
export function correctQuery(query: string, corrections: Map<string, string>): string {
  if (!corrections.size) return query;
  return query.replace(/[\p{L}\p{N}\p{M}]+/gu, (word) => {
    for (const [wrong, right] of corrections) if (normalizeText(word) === wrong) return right;
    return word;
  });
}
