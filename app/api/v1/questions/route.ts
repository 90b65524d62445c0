// GET /api/v1/questions: the bank's search, as JSON. Same parameters as the search page.
import { handleRoute } from "@/lib/http/handle-route";
import { jsonResponse } from "@/lib/http/respond";
import { searchParameterError } from "@/lib/search/api";
import { searchQuestions } from "@/lib/search/data";
import { parseSearchParams } from "@/lib/search/schema";

export const dynamic = "force-dynamic";

export const GET = handleRoute("question search", async ({ url, t }) => {
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) throw searchParameterError(parsed.problems, t);
  const { items, total, estimated, page, pageSize, facets, correctedQuery, stopWordsOnly, countsCached } =
    await searchQuestions(parsed.params);
  // Server-Timing says whether the counts were cached: how the benchmark reports the cache's hit rate.
  const headers = { "Server-Timing": `counts;desc="${countsCached ? "cache" : "database"}"` };
  return jsonResponse(
    {
      items,
      total,
      page,
      pageSize,
      estimated,
      facets,
      ...(correctedQuery ? { correctedQuery } : {}),
      ...(stopWordsOnly ? { stopWordsOnly } : {}),
    },
    { headers },
  );
});
