// Links within the search: every change of the search is a new URL, so links reproduce a search
// and the back button steps back through it.
import { searchQueryString } from "@/lib/search/query-string";
import type { SearchParams } from "@/lib/search/schema";

export type UrlState = { params: SearchParams; cols?: string };

export function searchHref(state: UrlState, change: Partial<SearchParams> & { cols?: string } = {}): string {
  const { cols, ...rest } = change;
  // Any change but a page change starts again from the first page.
  const page = "page" in change ? change.page : 1;
  const qs = searchQueryString({ ...state.params, ...rest, page }, { cols: cols ?? state.cols });
  return qs ? `/search?${qs}` : "/search";
}
