// Facet counts as stored ("indicator:PER-03", "tr:fr:missing") → grouped per facet for the page and API.
import { FACET_KEYS, type FacetKey } from "./schema";
import type { FacetCount, Facets } from "./types";

const FACET_PREFIX: Record<string, FacetKey> = {
  domain: "domain",
  topic: "topic",
  indicator: "indicator",
  type: "type",
  source: "source",
  status: "status",
  tag: "tag",
  tr: "translation",
};

/** "indicator:PER-03" → facets.indicator [{ value: "PER-03" }]; "tr:fr:missing" → facets.translation "fr:missing". */
export function groupFacets(rows: { value: string; count: number }[]): Facets {
  const facets = Object.fromEntries(FACET_KEYS.map((k) => [k, [] as FacetCount[]])) as Facets;
  for (const row of rows) {
    const at = row.value.indexOf(":");
    const key = FACET_PREFIX[row.value.slice(0, at)];
    if (key && row.count > 0) facets[key].push({ value: row.value.slice(at + 1), count: Number(row.count) });
  }
  for (const key of FACET_KEYS) facets[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}
