// Relevance ranking over EVERY match, fast at 100,000 questions (issue #17).
//
// The score is unchanged: a question's score is the greatest, over the searched languages, of
// ts_rank(its document in that language, the query in that language), ties broken by code. What
// changed is how the best of all matches are found:
//
// - One-lexeme queries (one word, or a quoted one: most of what people type) read the postings
//   (search_posting, migration search_posting): one row per (language, lexeme, question) holding
//   ts_rank(document, that lexeme), which is exactly the score the one-lexeme query gives, in a
//   B-tree ordered by (score DESC, code ASC). Per language, the first `offset + pageSize` postings
//   that pass the status and facet filters are read in that order; their union, each question at
//   its greatest score, ordered and cut, is exactly the page of the full ranking: a question left
//   out in its best language has `offset + pageSize` questions ahead of it there, each of which is
//   ahead of it overall. The cost is that of the page (plus the postings skipped by filters), not
//   of the number of matches.
// - Any other query (several words, a phrase, "or", "-word") scores every match with ts_rank and
//   keeps the best: exact, with a cost that grows with the number of matches. Several words must
//   all match, so these sets are much smaller than those of their commonest word.
//
// bench/README.md ("Relevance") describes how recall@20 against exact ranking is measured.
import type { Language } from "../i18n/languages";
import type { SearchPlan, SqlQuery } from "./query";

/** The query's lexeme in each searched language: a string, or null when that language's query is empty (stop words only). */
export type QueryLexemes = Partial<Record<Language, string | null>>;

export class Params {
  values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The statement that shows each searched language's tsquery of a query, as text. */
export function queryTreeQuery(query: string, langs: Language[]): SqlQuery {
  return {
    text: `SELECT l AS lang, qb_search_query(l, $1)::text AS tsquery FROM unnest($2::text[]) AS l`,
    values: [query, langs],
  };
}

/**
 * The lexeme of each language's tsquery when every one of them is a single lexeme (or empty), else
 * null (the query needs the full ranking). tsquery text quotes a lexeme and doubles ' and \ in it.
 */
export function singleLexemes(rows: { lang: string; tsquery: string }[]): QueryLexemes | null {
  const out: QueryLexemes = {};
  for (const { lang, tsquery } of rows) {
    if (tsquery === "") {
      out[lang as Language] = null;
      continue;
    }
    const m = /^'((?:[^'\\]|''|\\\\)*)'$/.exec(tsquery);
    if (!m) return null;
    out[lang as Language] = m[1].replace(/''/g, "'").replace(/\\\\/g, "\\");
  }
  return out;
}

const cache = new Map<string, QueryLexemes | null>();
const CACHE_SIZE = 2_000;

/** Lexemes by query and languages; immutable (stemmers and stop words do not change at run time). */
export function cachedLexemes(key: string): QueryLexemes | null | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

export function rememberLexemes(key: string, lexemes: QueryLexemes | null) {
  cache.set(key, lexemes);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** One page of a one-lexeme query, read from the postings in score order (exact; see above). */
export function postingsPageQuery(
  plan: SearchPlan,
  lexemes: QueryLexemes,
  { offset, pageSize }: { offset: number; pageSize: number },
): SqlQuery {
  const p = new Params();
  const statuses = p.add(plan.statuses);
  const filters = plan.filters.length ? p.add(plan.filters) : null;
  const depth = p.add(offset + pageSize);
  const parts = plan.langs
    .filter((l) => lexemes[l])
    .map((l) => {
      const join = filters ? ` JOIN question_search s ON s."questionId" = p."questionId"` : "";
      const facet = filters ? ` AND s.facets @> ${filters}::text[]` : "";
      return (
        `(SELECT p."questionId", p.score, p.code FROM search_posting p${join} ` +
        `WHERE p.lang = '${l}' AND p.lexeme = ${p.add(lexemes[l])} AND p.status = ANY(${statuses}::"QuestionStatus"[])${facet} ` +
        `ORDER BY p.score DESC, p.code ASC LIMIT ${depth})`
      );
    });
  if (!parts.length) return { text: `SELECT NULL::text AS id, NULL::float4 AS score WHERE false`, values: [] };
  return {
    text:
      `SELECT c."questionId" AS id, max(c.score) AS score FROM (${parts.join(" UNION ALL ")}) c ` +
      `GROUP BY c."questionId", c.code ORDER BY score DESC, c.code ASC LIMIT ${p.add(pageSize)} OFFSET ${p.add(offset)}`,
    values: p.values,
  };
}

/** ts_rank of the query in the best of the searched languages, for the rows of `c`. */
export function rankExpression(plan: SearchPlan, q: string, table = "c"): string {
  const ranks = plan.langs.map((l) => `coalesce(ts_rank(${table}.${l}, qb_search_query('${l}', ${q})), 0)`);
  return ranks.length === 1 ? ranks[0] : `greatest(${ranks.join(", ")})`;
}
