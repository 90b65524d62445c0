// GET /api/v1/questions/export.csv: the bank's published questions as CSV; with the search's
// parameters (q, domain, indicator, type, tag, translation, sort…), the whole search result
// rather than one page of it.
import { badRequest } from "@/lib/search/api";
import { searchQuestions } from "@/lib/search/data";
import { MAX_PAGE_SIZE, parseSearchParams, SEARCH_PARAM_NAMES } from "@/lib/search/schema";
import { AppError, errorResponse, localeFromHeaders } from "@/lib/auth/errors";
import { bankToCsv } from "@/lib/export/bank-csv";
import { CSV_CONTENT_TYPE } from "@/lib/export/csv";
import { findQuestionsForExport, MAX_EXPORT_QUESTIONS } from "@/lib/export/bank-export-data";
import { attachmentHeader } from "@/lib/export/filename";
import { fileResponse } from "@/lib/export/responses";

export const dynamic = "force-dynamic";

const PAGING = new Set(["page", "pageSize"]);

export async function GET(request: Request) {
  const url = new URL(request.url);
  const filtered = [...url.searchParams.keys()].some((k) => (SEARCH_PARAM_NAMES as string[]).includes(k) && !PAGING.has(k) && url.searchParams.get(k));
  try {
    let codes: string[] | undefined;
    if (filtered) {
      const parsed = parseSearchParams(url.searchParams);
      if (!parsed.ok) return badRequest(parsed.problems, request);
      codes = [];
      for (let page = 1; codes.length < MAX_EXPORT_QUESTIONS; page++) {
        // Pages only: the total and facets are not needed to walk to the last page.
        const result = await searchQuestions({ ...parsed.params, page, pageSize: MAX_PAGE_SIZE }, { counts: false });
        codes.push(...result.items.map((q) => q.code));
        if (result.items.length < MAX_PAGE_SIZE) break;
      }
    }
    const questions = await findQuestionsForExport({ codes });
    const date = new Date().toISOString().slice(0, 10);
    const name = filtered ? `question-bank-search-${date}` : `question-bank-${date}`;
    return fileResponse(bankToCsv(questions), {
      contentType: CSV_CONTENT_TYPE,
      disposition: attachmentHeader({ name, asciiFallback: name, extension: "csv" }),
      cacheable: true,
    });
  } catch (error) {
    console.error("bank export failed", error instanceof Error ? error.message : error);
    return errorResponse(new AppError("unavailable"), localeFromHeaders(request.headers));
  }
}
