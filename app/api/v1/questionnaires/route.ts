// GET /api/v1/questionnaires: the questionnaires the caller may see (a visitor: the public
// templates), each with the addresses of its exports.
import { getUserFromHeaders } from "@/lib/auth/session";
import { AppError, errorResponse, localeFromHeaders } from "@/lib/auth/errors";
import { findQuestionnaires } from "@/lib/questionnaires/data";
import { visibleScope } from "@/lib/questionnaires/access";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const locale = localeFromHeaders(request.headers);
  try {
    const user = await getUserFromHeaders(request.headers);
    const questionnaires = await findQuestionnaires(visibleScope(user));
    return Response.json(
      {
        questionnaires: questionnaires.map((q) => {
          const base = `/api/v1/questionnaires/${q.id}`;
          return { ...q, updatedAt: q.updatedAt.toISOString(), links: { xlsform: `${base}/export?format=xlsform`, csv: `${base}/export?format=csv` } };
        }),
      },
      { headers: { "Cache-Control": user ? "private, no-store" : "no-store" } },
    );
  } catch (error) {
    if (!(error instanceof AppError)) console.error("questionnaire list failed", error instanceof Error ? error.message : error);
    return errorResponse(error instanceof AppError ? error : new AppError("unavailable"), locale);
  }
}
