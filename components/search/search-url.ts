// Links within the search: every change of the search is a new URL, so links reproduce a search
// and the back button steps back through it.
import { searchQueryString } from "@/lib/search/query-string";
import type { FacetKey, SearchParams } from "@/lib/search/schema";

export type UrlState = { params: SearchParams; cols?: string };

/**
 * `more` names the one filter list shown whole (the others show their first values), `open` a list
 * shown unfolded (where "Show fewer" leads back to): each is set only by that list's own link and
 * dropped by every other change, so neither sticks to a search.
 */
export function searchHref(
  state: UrlState,
  change: Partial<SearchParams> & { cols?: string; more?: FacetKey; open?: FacetKey } = {},
): string {
  const { cols, more, open, ...rest } = change;
  // Any change but a page change starts again from the first page.
  const page = "page" in change ? change.page : 1;
  const qs = searchQueryString({ ...state.params, ...rest, page }, { cols: cols ?? state.cols, more, open });
  return qs ? `/search?${qs}` : "/search";
}
