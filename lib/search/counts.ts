// The total and facet counts of a search. Counting exactly costs time in proportion to the number
// of matches (about 6 ms per 1,000 on the 2-core benchmark machine), so a search that matches a large
// part of a large bank is counted on a sample instead, and says so: the interface shows "about".
// The unfiltered bank is read from search_facet_count, kept exact by triggers.
import type { SearchPlan, SqlQuery } from "./query";
import { bankSizeQuery, exactCountsQuery, sampledCountsQuery, storedCountsQuery } from "./query";

export type Exec = <T>(query: SqlQuery) => Promise<T[]>;
export type Counts = {
  total: number;
  facetRows: { value: string; count: number }[];
  estimated: boolean;
  /** True when these counts came from the counts cache (lib/search/counts-cache.ts), not the database. */
  cached?: boolean;
};

export type CountLimits = {
  /** Banks larger than this are sampled before counting. */
  sampleAbove: number;
  /** Rows a sample aims to read: enough for estimates within a few per cent of a large match set. */
  sampleRows: number;
  /** Up to this many matches (as estimated from the sample), the counts are exact. */
  exactUpTo: number;
};

export const COUNT_LIMITS: CountLimits = { sampleAbove: 10_000, sampleRows: 5_000, exactUpTo: 5_000 };

type CountRow = { value: string | null; count: number; seen?: number | null };

function split(rows: CountRow[]) {
  const head = rows.find((r) => r.value === null);
  return {
    head,
    facetRows: rows.filter((r) => r.value !== null).map((r) => ({ value: r.value!, count: Number(r.count) })),
  };
}

/** Two significant figures: an estimate should not look more precise than it is. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.max(1, Math.round(n));
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

export async function countMatches(exec: Exec, plan: SearchPlan, limits: CountLimits = COUNT_LIMITS): Promise<Counts> {
  if (!plan.query && !plan.filters.length) {
    const { head, facetRows } = split(await exec<CountRow>(storedCountsQuery(plan)));
    return { total: Number(head?.count ?? 0), facetRows, estimated: false };
  }
  const exact = async () => {
    const { head, facetRows } = split(await exec<CountRow>(exactCountsQuery(plan)));
    return { total: Number(head?.count ?? 0), facetRows, estimated: false };
  };
  const [{ total: bankRows }] = await exec<{ total: number }>(bankSizeQuery());
  if (Number(bankRows) <= limits.sampleAbove) return exact();
  const percent = Math.min(100, (100 * limits.sampleRows) / Number(bankRows));
  const { head, facetRows } = split(await exec<CountRow>(sampledCountsQuery(plan, percent)));
  const seen = Number(head?.seen ?? 0);
  const scale = seen ? Number(bankRows) / seen : 0;
  const estimate = Number(head?.count ?? 0) * scale;
  if (estimate <= limits.exactUpTo) return exact();
  return {
    total: roundEstimate(estimate),
    facetRows: facetRows.map((r) => ({ value: r.value, count: roundEstimate(r.count * scale) })),
    estimated: true,
  };
}
