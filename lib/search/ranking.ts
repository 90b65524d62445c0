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
// - Any other query is planned per language (2026-12-07): the query's tsquery in each searched
//   language is one lexeme, empty (stop words only), or more (several words, a phrase, "or",
//   "-word"). Each one-lexeme language reads its postings as above; each other language scores its
//   own matches with its own ts_rank (one GIN scan, one ts_rank a match) and keeps its best
//   `offset + pageSize` with their ties. The same merge is exact, by the same argument. A word
//   repeated ('health' & 'health') is that one lexeme: ts_rank scores a conjunction's distinct
//   lexemes. Most "multi-word" queries of the realistic mix are one lexeme in some languages ("sûr
//   autre": "sûr" is a French stop word, so French is the one lexeme 'autr', matched by half the
//   bank): they used to score every match in all four languages at once (330-420 ms at 100,000).
// - With a filter (facet), a walk reads postings until `offset + pageSize` pass it: long when the
//   filter is rare. postingsWalkPaysOff weighs the walk against scoring every match of the rarest
//   filter value (from search_facet_count) and chooses the cheaper road; both are exact.
// - Left slow: several common words in one language ("vaccination health": every one of their
//   thousands of shared matches is scored, 100-115 ms at 100,000).
//
// Measured at 100,000 questions (PostgreSQL 15, 2 shared cores; bench/search-profile.ts, page only,
// the realistic mix's 600 queries): p50/p95 7.8/26.1 ms (was 10.7/67.0), slowest 106 ms (was 443);
// recall@20 against exact ranking 1.0 (bench/relevance.ts --mix realistic). bench/README.md has
// the figures per kind of query.
// bench/README.md ("Relevance") describes how recall@20 against exact ranking is measured.
import type { Language } from "../i18n/languages";
import type { SearchPlan, SqlQuery } from "./query";

/**
 * Per searched language: the query's single lexeme there, null when that language's query is empty
 * (stop words only), or false when it is more than one lexeme (scored match by match).
 */
export type QueryLexemes = Partial<Record<Language, string | null | false>>;

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

// A lexeme as tsquery text writes it: quoted, with ' and \ doubled.
const LEXEME = `'((?:[^'\\\\]|''|\\\\\\\\)*)'`;
const CONJUNCTION = new RegExp(`^${LEXEME}(?: & ${LEXEME})*$`);
const unquote = (quoted: string) => quoted.slice(1, -1).replace(/''/g, "'").replace(/\\\\/g, "\\");

/**
 * Each language's single lexeme (see QueryLexemes). A conjunction of one lexeme repeated
 * ("health during health": 'health' & 'health') is that lexeme: ts_rank scores the distinct
 * lexemes of a conjunction (tsrank.c, SortAndUniqItems), so its score is the lexeme's own.
 */
export function singleLexemes(rows: { lang: string; tsquery: string }[]): QueryLexemes {
  const out: QueryLexemes = {};
  for (const { lang, tsquery } of rows) {
    if (tsquery === "") {
      out[lang as Language] = null;
      continue;
    }
    const distinct = CONJUNCTION.test(tsquery)
      ? new Set((tsquery.match(new RegExp(LEXEME, "g")) ?? []).map(unquote))
      : new Set<string>();
    out[lang as Language] = distinct.size === 1 ? [...distinct][0] : false;
  }
  return out;
}

const cache = new Map<string, QueryLexemes>();
const CACHE_SIZE = 2_000;

/** Lexemes by query and languages; immutable (stemmers and stop words do not change at run time). */
export function cachedLexemes(key: string): QueryLexemes | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

export function rememberLexemes(key: string, lexemes: QueryLexemes) {
  cache.set(key, lexemes);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/**
 * One page by relevance, best first, exact (see above): per searched language, its best
 * `offset + pageSize` matches (read from the postings when the language's query is one lexeme,
 * else every match there scored with ts_rank and the best kept, with their ties), merged at each
 * question's greatest score, ordered (score, code) and cut.
 */
export function postingsPageQuery(
  plan: SearchPlan,
  lexemes: QueryLexemes,
  { offset, pageSize }: { offset: number; pageSize: number },
): SqlQuery {
  const p = new Params();
  const statuses = p.add(plan.statuses);
  const filters = plan.filters.length ? p.add(plan.filters) : null;
  const depth = p.add(offset + pageSize);
  let q: string | null = null;
  const parts = plan.langs
    .filter((l) => lexemes[l] !== null && lexemes[l] !== undefined)
    .map((l) => {
      const lexeme = lexemes[l];
      if (lexeme === false) {
        q ??= p.add(plan.query);
        const facet = filters ? ` AND s.facets @> ${filters}::text[]` : "";
        const query = `qb_search_query('${l}', ${q})`;
        // Codes (the tie-break) are read by primary key for the best-ranked matches only.
        return (
          `(SELECT r."questionId", r.score, q.code FROM (SELECT s."questionId", ts_rank(s.${l}, ${query}) AS score ` +
          `FROM question_search s WHERE s.status = ANY(${statuses}::"QuestionStatus"[])${facet} AND s.${l} @@ ${query} ` +
          `ORDER BY score DESC FETCH FIRST ${depth} ROWS WITH TIES) r JOIN question q ON q.id = r."questionId")`
        );
      }
      const join = filters ? ` JOIN question_search s ON s."questionId" = p."questionId"` : "";
      const facet = filters ? ` AND s.facets @> ${filters}::text[]` : "";
      return (
        `(SELECT p."questionId", p.score, p.code FROM search_posting p${join} ` +
        `WHERE p.lang = '${l}' AND p.lexeme = ${p.add(lexeme)} AND p.status = ANY(${statuses}::"QuestionStatus"[])${facet} ` +
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

/**
 * The size of the visible bank and of its rarest filter (facet values among the visible statuses,
 * from search_facet_count, kept exact by triggers): what postingsWalkPaysOff weighs.
 */
export function filterSizesQuery(plan: SearchPlan): SqlQuery {
  const p = new Params();
  const statuses = p.add(plan.statuses);
  const count = (value: string) =>
    `coalesce((SELECT sum(c.count) FROM search_facet_count c WHERE c.status = ANY(${statuses}::"QuestionStatus"[]) AND c.value = ${value}), 0)`;
  return {
    text:
      `SELECT ${count(`'status:' || c.status::text`)}::int AS bank, ` +
      `(SELECT min(${count("f")}) FROM unnest(${p.add(plan.filters)}::text[]) AS f)::int AS rarest`,
    values: p.values,
  };
}

/**
 * Whether a filtered page is cheaper from the postings than by scoring every match. Each walking
 * language reads about depth × bank / rarest postings before `depth` of them pass the filter (when
 * the filter and the word are independent; they often are not, hence the margin), each a random
 * read of a posting and of its search row, about 4 times a scored match's cost; scoring reads at
 * most `rarest` rows (every match carries the rarest filter value). Both roads are exact: this only
 * chooses the cheaper ("health" with tag:vaccination, 1,520 questions in 100,000, walked 2,700
 * postings per language: 470 ms; scored: a few ms).
 */
export function postingsWalkPaysOff({
  depth,
  bank,
  rarest,
  walks,
}: {
  depth: number;
  bank: number;
  rarest: number;
  walks: number;
}): boolean {
  return rarest * rarest >= 4 * walks * depth * bank;
}

/** ts_rank of the query in the best of the searched languages, for the rows of `c`. */
export function rankExpression(plan: SearchPlan, q: string, table = "c"): string {
  const ranks = plan.langs.map((l) => `coalesce(ts_rank(${table}.${l}, qb_search_query('${l}', ${q})), 0)`);
  return ranks.length === 1 ? ranks[0] : `greatest(${ranks.join(", ")})`;
}
