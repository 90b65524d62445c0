// GET /api/v1/questions: the bank's search, as JSON. Same parameters as the search page.
import { badRequest, jsonResponse } from "@/lib/search/api";
import { searchQuestions } from "@/lib/search/data";
import { parseSearchParams } from "@/lib/search/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.problems, request);
  const { items, total, estimated, page, pageSize, facets, correctedQuery } = await searchQuestions(parsed.params);
  return jsonResponse({ items, total, estimated, page, pageSize, facets, ...(correctedQuery ? { correctedQuery } : {}) });
}
