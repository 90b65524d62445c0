// Counting a search's matches is its most expensive part, and the same searches come back again and
// again (the same facet clicked, the next page, the back button). Counts are kept in memory per search
// and trusted only while the bank's search generation (search_state, bumped by a trigger on every
// change to the search rows) is the one they were counted at: one primary-key read per request, and
// several app processes stay correct without talking to each other. Pages and questions are always read fresh.
import type { SearchPlan } from "./query";
import { countMatches, type Counts, type Exec } from "./counts";
import { readEnv } from "../env";

const MAX_ENTRIES = 1_000;
const cache = new Map<string, { generation: string; counts: Counts }>();

/** QB_SEARCH_COUNTS_CACHE=off turns the cache off (the benchmark measures both ways). */
export function countsCacheEnabled(): boolean {
  return readEnv().QB_SEARCH_COUNTS_CACHE === "on";
}

const keyOf = (plan: SearchPlan) => JSON.stringify([plan.query, plan.langs, plan.statuses, [...plan.filters].sort()]);

export async function cachedCountMatches(exec: Exec, plan: SearchPlan): Promise<Counts> {
  if (!countsCacheEnabled()) return countMatches(exec, plan);
  const [state] = await exec<{ generation: string }>({
    text: `SELECT generation::text AS generation FROM search_state WHERE id = 1`,
    values: [],
  });
  const generation = state?.generation;
  if (generation === undefined) return countMatches(exec, plan);
  const key = keyOf(plan);
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    // Most recently used last: Map keeps insertion order, the oldest entry goes first.
    cache.delete(key);
    cache.set(key, hit);
    return { ...hit.counts, cached: true };
  }
  const counts = await countMatches(exec, plan);
  cache.set(key, { generation, counts });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return counts;
}
