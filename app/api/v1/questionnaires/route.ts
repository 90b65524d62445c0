// GET /api/v1/questionnaires: the questionnaires the caller may see (a visitor: the public
// templates), one page at a time, each with the addresses of its exports.
import { getUserFromHeaders } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { listEnvelope, pagingSchema } from "@/lib/http/list";
import { invalidParameters } from "@/lib/http/parameters";
import { jsonResponse } from "@/lib/http/respond";
import { countQuestionnaires, findQuestionnaires } from "@/lib/questionnaires/data";
import { visibleScope } from "@/lib/questionnaires/access";

export const dynamic = "force-dynamic";

export const GET = handleRoute("questionnaire list", async ({ request, url, t }) => {
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
  const user = await getUserFromHeaders(request.headers);
  const scope = visibleScope(user);
  const [questionnaires, total] = await Promise.all([
    findQuestionnaires(scope, { skip: (page - 1) * pageSize, take: pageSize }),
    countQuestionnaires(scope),
  ]);
  const items = questionnaires.map((q) => {
    const base = `/api/v1/questionnaires/${q.id}`;
    return {
      ...q,
      updatedAt: q.updatedAt.toISOString(),
      links: { xlsform: `${base}/export?format=xlsform`, csv: `${base}/export?format=csv` },
    };
  });
  // A signed-in caller sees their own questionnaires: a personal answer.
  return jsonResponse(listEnvelope(items, { total, page, pageSize }), { personal: Boolean(user) });
});
