// The search itself, written against a statement executor so that the app (through Prisma's
// connection) and the benchmark (which replays the same statements directly) share one code path.
import { queryWords } from "./normalize";
import { correctQuery, pageQuery, planSearch, vocabularyQuery, type SearchPlan } from "./query";
import type { Counts, Exec } from "./counts";
import { cachedCountMatches } from "./counts-cache";
import { groupFacets } from "./facets";
import { questionDocumentsQuery, toApiQuestion } from "./hydrate";
import type { SearchParams } from "./schema";
import type { SearchOptions, SearchResult } from "./types";

/** Below this many results, misspelt words are corrected against the bank's vocabulary. */
const FEW_RESULTS = 3;

type PageRow = { id: string; score: number | null };

async function runPlan(exec: Exec, plan: SearchPlan, params: SearchParams, withCounts: boolean) {
  const noCounts: Counts = { total: 0, facetRows: [], estimated: false };
  const [ids, counts] = await Promise.all([
    exec<PageRow>(pageQuery(plan, params)),
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
  const empty = { ids: [] as PageRow[], total: 0, facetRows: [], estimated: false };
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
    ...(correctedQuery ? { correctedQuery } : {}),
    words: queryWords(plan.query),
  };
}
