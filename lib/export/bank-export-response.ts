// The answer of GET /api/v1/questions/export.csv: the bank's published questions as CSV, streamed (any size); with
// the search's parameters (q, domain, indicator, type, tag, translation, sort…), the whole search
// result rather than one page of it, up to MAX_SEARCH_EXPORT questions: a larger search is refused
// with a message that says so, never cut short.
import { badRequest } from "../search/api";
import { searchQuestions } from "../search/data";
import { MAX_PAGE_SIZE, parseSearchParams, SEARCH_PARAM_NAMES, type SearchParams } from "../search/schema";
import { AppError, errorResponse, localeFromHeaders, translatorFor } from "../auth/errors";
import { bankCsvStream } from "./bank-csv";
import { CSV_CONTENT_TYPE } from "./csv";
import { questionsForExport } from "./bank-export-data";
import { attachmentHeader } from "./filename";
import { problemResponse, streamResponse } from "./responses";

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

export async function bankExportResponse(request: Request, { maxSearchExport = MAX_SEARCH_EXPORT } = {}): Promise<Response> {
  const url = new URL(request.url);
  const locale = localeFromHeaders(request.headers);
  const filtered = [...url.searchParams.keys()].some((k) => (SEARCH_PARAM_NAMES as string[]).includes(k) && !PAGING.has(k) && url.searchParams.get(k));
  try {
    let codes: string[] | undefined;
    if (filtered) {
      const parsed = parseSearchParams(url.searchParams);
      if (!parsed.ok) return badRequest(parsed.problems, request);
      const { total, estimated } = await searchQuestions({ ...parsed.params, page: 1, pageSize: 1 });
      if (total > maxSearchExport) {
        const t = translatorFor(locale, "errors");
        return problemResponse(422, "exportTooLarge", t("exportTooLarge", { count: total, max: maxSearchExport, estimated: String(estimated) }), { total, estimated, max: maxSearchExport });
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
  } catch (error) {
    console.error("bank export failed", error instanceof Error ? error.message : error);
    return errorResponse(new AppError("unavailable"), locale);
  }
}
