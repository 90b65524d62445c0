// The search itself, written against a statement executor so that the app (through Prisma's
// connection) and the benchmark (which replays the same statements directly) share one code path.
import { queryWords } from "./normalize";
import { correctQuery, pageQuery, planSearch, ranksByRelevance, vocabularyQuery, type SearchPlan } from "./query";
import {
  cachedLexemes,
  filterSizesQuery,
  postingsWalkPaysOff,
  queryTreeQuery,
  rememberLexemes,
  singleLexemes,
  type QueryLexemes,
} from "./ranking";
import type { Counts, Exec } from "./counts";
import { cachedCountMatches } from "./counts-cache";
import { groupFacets } from "./facets";
import { questionDocumentsQuery, toApiQuestion } from "./hydrate";
import type { SearchParams } from "./schema";
import type { SearchOptions, SearchResult } from "./types";

/** Below this many results, misspelt words are corrected against the bank's vocabulary. */
const FEW_RESULTS = 3;

type PageRow = { id: string; score: number | null };

/** The query's single lexeme per language, when it is one there (lib/search/ranking.ts). */
async function lexemesOf(exec: Exec, plan: SearchPlan): Promise<QueryLexemes> {
  const key = `${plan.langs.join(",")}\n${plan.query}`;
  const known = cachedLexemes(key);
  if (known !== undefined) return known;
  const lexemes = singleLexemes(await exec<{ lang: string; tsquery: string }>(queryTreeQuery(plan.query, plan.langs)));
  rememberLexemes(key, lexemes);
  return lexemes;
}

/** With a filter, the postings are read only when they are the cheaper road (lib/search/ranking.ts). */
async function walkPaysOff(exec: Exec, plan: SearchPlan, params: SearchParams, walks: number): Promise<boolean> {
  if (!plan.filters.length) return true;
  const [sizes] = await exec<{ bank: number; rarest: number }>(filterSizesQuery(plan));
  const depth = params.page * params.pageSize;
  return postingsWalkPaysOff({ depth, bank: Number(sizes?.bank ?? 0), rarest: Number(sizes?.rarest ?? 0), walks });
}

async function pageIds(exec: Exec, plan: SearchPlan, params: SearchParams): Promise<PageRow[]> {
  let lexemes = ranksByRelevance(plan, params) ? await lexemesOf(exec, plan) : null;
  const walks = lexemes ? Object.values(lexemes).filter((l) => typeof l === "string").length : 0;
  if (walks && !(await walkPaysOff(exec, plan, params, walks))) lexemes = null;
  return exec<PageRow>(pageQuery(plan, params, lexemes));
}

async function runPlan(exec: Exec, plan: SearchPlan, params: SearchParams, withCounts: boolean) {
  const noCounts: Counts = { total: 0, facetRows: [], estimated: false };
  const [ids, counts] = await Promise.all([
    pageIds(exec, plan, params),
    withCounts ? cachedCountMatches(exec, plan) : noCounts,
  ]);
  return { ids, ...counts };
}

/** Corrections for the query words that are not in the bank's vocabulary (misspelt word → nearest word). */
async function findCorrections(exec: Exec, plan: SearchPlan): Promise<Map<string, string>> {
  const words = [...new Set(queryWords(plan.query))].filter((w) => w.length >= 3 && !/\d/.test(w)).slice(0, 8);
  if (!words.length) return new Map();
  const rows = await exec<{ word: string; known: boolean; nearest: string | null }>(vocabularyQuery(words, plan.langs));
  return new Map(rows.filter((r) => !r.known && r.nearest && r.nearest !== r.word).map((r) => [r.word, r.nearest!]));
}

/**
 * Searches the bank. Anonymous callers see published questions (and retired ones when they filter
 * by status); `includeDrafts` is for curators.
 */
export async function runSearch(
  exec: Exec,
  params: SearchParams,
  { includeDrafts = false, counts = true }: SearchOptions = {},
): Promise<SearchResult> {
  let plan = planSearch(params, { includeDrafts });
  const empty = { ids: [] as PageRow[], total: 0, facetRows: [], estimated: false, cached: false };
  let result = plan.statuses.length ? await runPlan(exec, plan, params, counts) : empty;
  let correctedQuery: string | undefined;
  // Without counts, "few results" is judged by the page itself.
  const found = counts ? result.total : result.ids.length;
  if (plan.query && found < FEW_RESULTS && plan.statuses.length) {
    const corrections = await findCorrections(exec, plan);
    if (corrections.size) {
      const corrected = correctQuery(plan.query, corrections);
      const correctedPlan = { ...plan, query: corrected };
      const second = await runPlan(exec, correctedPlan, params, counts);
      if ((counts ? second.total : second.ids.length) > found) {
        plan = correctedPlan;
        result = second;
        correctedQuery = corrected;
      }
    }
  }
  // Nothing found for words that every searched language drops as stop words: say so, not just "no match".
  // (It is enough that one searched language drops them all: "what" is a stop word in English only.)
  let stopWordsOnly = false;
  if (plan.query && !result.ids.length && !result.total) {
    const lexemes = await lexemesOf(exec, plan);
    stopWordsOnly = Object.values(lexemes).some((l) => l === null);
  }
  const docs = result.ids.length
    ? await exec<{ doc: string }>(questionDocumentsQuery({ ids: result.ids.map((r) => r.id) }))
    : [];
  const byId = new Map(docs.map((d) => toApiQuestion(d.doc)).map((d) => [d.id, d.question]));
  return {
    items: result.ids.flatMap((r) => {
      const question = byId.get(r.id);
      return question ? [{ ...question, score: r.score === null ? null : Number(r.score) }] : [];
    }),
    total: result.total,
    estimated: result.estimated,
    page: params.page,
    pageSize: params.pageSize,
    facets: groupFacets(result.facetRows),
    countsCached: result.cached === true,
    ...(correctedQuery ? { correctedQuery } : {}),
    ...(stopWordsOnly ? { stopWordsOnly: true as const } : {}),
    words: queryWords(plan.query),
  };
}
