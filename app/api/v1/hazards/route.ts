// GET /api/v1/hazards: the hazards a questionnaire can name, with the forms of each name per
// language that multi-hazard questions' [[hazard]] placeholders ask for (lib/hazards/schema.ts).
import { findHazards } from "@/lib/hazards/data";
import { handleRoute } from "@/lib/http/handle-route";
import { listEnvelope, pagingSchema } from "@/lib/http/list";
import { invalidParameters } from "@/lib/http/parameters";
import { jsonResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = handleRoute("hazard list", async ({ url, t }) => {
  const paging = pagingSchema.safeParse({
    page: url.searchParams.get("page") ?? undefined,
    pageSize: url.searchParams.get("pageSize") ?? undefined,
  });
  if (!paging.success) {
    throw invalidParameters(
      [...new Set(paging.error.issues.map((issue) => String(issue.path[0])))].map((param) => ({
        param,
        message: t(`search.errors.params.${param}`),
      })),
    );
  }
  const { page, pageSize } = paging.data;
  const hazards = await findHazards();
  const items = hazards.slice((page - 1) * pageSize, page * pageSize).map(({ code, names }) => ({ code, names }));
  return jsonResponse(listEnvelope(items, { total: hazards.length, page, pageSize }));
});
