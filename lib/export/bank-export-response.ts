// The handler of GET /api/v1/questions/export.csv: the bank's published questions as CSV, streamed (any size); with
// the search's parameters (q, domain, indicator, type, tag, translation, sort…), the whole search
// result rather than one page of it, up to MAX_SEARCH_EXPORT questions: a larger search is refused
// with a message that says so, never cut short.
import { HttpError } from "../http/errors";
import { handleRoute } from "../http/handle-route";
import { searchParameterError } from "../search/api";
import { searchQuestions } from "../search/data";
import { MAX_PAGE_SIZE, parseSearchParams, SEARCH_PARAM_NAMES, type SearchParams } from "../search/schema";
import { bankCsvStream } from "./bank-csv";
import { CSV_CONTENT_TYPE } from "./csv";
import { questionsForExport } from "./bank-export-data";
import { attachmentHeader } from "./filename";
import { streamResponse } from "./responses";

/** A search export walks the search page by page; beyond this, export the whole bank instead. */
export const MAX_SEARCH_EXPORT = 5_000;

const PAGING = new Set(["page", "pageSize"]);

async function searchCodes(params: SearchParams): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    // Pages only: the total was checked before, and counts are not needed to reach the last page.
    const result = await searchQuestions({ ...params, page, pageSize: MAX_PAGE_SIZE }, { counts: false });
    codes.push(...result.items.map((q) => q.code));
    if (result.items.length < MAX_PAGE_SIZE) return codes;
  }
}

/** The route handler; the limit is a parameter so that a test can reach it with the seed bank. */
export function bankExportHandler({ maxSearchExport = MAX_SEARCH_EXPORT } = {}) {
  return handleRoute("bank export", async ({ url, t }) => {
    const filtered = [...url.searchParams.keys()].some(
      (k) => (SEARCH_PARAM_NAMES as readonly string[]).includes(k) && !PAGING.has(k) && url.searchParams.get(k),
    );
    let codes: string[] | undefined;
    if (filtered) {
      const parsed = parseSearchParams(url.searchParams);
      if (!parsed.ok) throw searchParameterError(parsed.problems, t);
      const { total, estimated } = await searchQuestions({ ...parsed.params, page: 1, pageSize: 1 });
      if (total > maxSearchExport) {
        throw new HttpError("exportTooLarge", {
          params: { count: total, max: maxSearchExport, estimated: String(estimated) },
          details: { total, estimated, max: maxSearchExport },
        });
      }
      codes = await searchCodes(parsed.params);
    }
    const date = new Date().toISOString().slice(0, 10);
    const name = filtered ? `question-bank-search-${date}` : `question-bank-${date}`;
    return streamResponse(bankCsvStream(questionsForExport({ codes })), {
      contentType: CSV_CONTENT_TYPE,
      disposition: attachmentHeader({ name, asciiFallback: name, extension: "csv" }),
      cacheable: true,
    });
  });
}
