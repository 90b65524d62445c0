// The query string of a search, apart from the zod schema (./schema.ts) so that the search page's
// links (client code) do not download zod. schema.ts checks that the names here are its own.
import type { SearchParams } from "./schema";

export const DEFAULT_PAGE_SIZE = 20;

export const SEARCH_PARAM_NAMES = [
  "q",
  "lang",
  "domain",
  "topic",
  "indicator",
  "type",
  "status",
  "tag",
  "source",
  "translation",
  "page",
  "pageSize",
  "sort",
  "dir",
] as const;

/** The query string of a search (defaults left out), for links that reproduce it. */
export function searchQueryString(
  params: Partial<SearchParams>,
  extra: Record<string, string | undefined> = {},
): string {
  const out = new URLSearchParams();
  for (const name of SEARCH_PARAM_NAMES) {
    const value = params[name];
    if (value === undefined || value === "") continue;
    if (name === "page" && value === 1) continue;
    if (name === "pageSize" && value === DEFAULT_PAGE_SIZE) continue;
    out.set(name, String(value));
  }
  for (const [k, v] of Object.entries(extra)) if (v) out.set(k, v);
  return out.toString();
}
