// GET /api/v1/questionnaires/{id or slug}/export?format=xlsform|csv[&fallback=en][&languages=en,ar]
// 200 with the file; 400 for a bad query; 404 for a questionnaire that does not exist or that the
// caller may not see (the two are not told apart); 409 when it is not ready to export.
import { getUserFromHeaders } from "@/lib/auth/session";
import { AppError, errorResponse, localeFromHeaders } from "@/lib/auth/errors";
import { findQuestionnaireAccess, findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { canExportQuestionnaire } from "@/lib/questionnaires/access";
import { exportQueryProblem, exportQuerySchema } from "@/lib/export/schema";
import { exportQuestionnaire } from "@/lib/export/questionnaire-export";
import { attachmentHeader } from "@/lib/export/filename";
import { describeReadinessIssue, describeSheetProblem } from "@/lib/export/describe";
import { fileResponse, problemResponse } from "@/lib/export/responses";
import { translatorFor } from "@/lib/export/translator";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = localeFromHeaders(request.headers);
  const t = translatorFor(locale);
  try {
    const { id } = await params;
    const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) {
      const problem = exportQueryProblem(query.error);
      return problemResponse(400, problem, t(`export.${problem}`));
    }
    const access = await findQuestionnaireAccess(id);
    const user = access && access.visibility !== "public_template" ? await getUserFromHeaders(request.headers) : null;
    if (!access || !canExportQuestionnaire(user, access)) return problemResponse(404, "notFound", t("export.notFound"));
    const doc = await findQuestionnaireDoc(access.id);
    if (!doc) return problemResponse(404, "notFound", t("export.notFound"));

    const outcome = await exportQuestionnaire(doc, {
      format: query.data.format,
      languages: query.data.languages,
      fallback: query.data.fallback ?? doc.fallbackLanguage,
    });
    if (!outcome.ok && outcome.reason === "not_ready") {
      return problemResponse(409, "notReady", t("export.notReady", { count: outcome.issues.length }), {
        issues: outcome.issues.map((issue) => ({ ...issue, message: describeReadinessIssue(issue, t) })),
      });
    }
    if (!outcome.ok) {
      return problemResponse(409, "invalidXlsform", t("export.invalidXlsform"), {
        issues: outcome.issues.map((issue) => ({ ...issue, ...describeSheetProblem(issue, t) })),
      });
    }
    const headers = {
      contentType: outcome.contentType,
      disposition: attachmentHeader({ name: outcome.fileName, asciiFallback: outcome.asciiFileName, extension: outcome.extension }),
      cacheable: doc.visibility === "public_template",
    };
    const response = fileResponse(outcome.bytes, headers);
    if (outcome.fallbackUsed) response.headers.set("X-Export-Fallback-Language", outcome.fallbackUsed);
    return response;
  } catch (error) {
    if (!(error instanceof AppError)) console.error("export failed", error instanceof Error ? error.message : error);
    return errorResponse(error instanceof AppError ? error : new AppError("unavailable"), locale);
  }
}
