// GET /api/v1/questionnaires/{id or slug}/export?format=xlsform|csv|codebook|codebook-json[&fallback=en][&languages=en,ar]
// 200 with the file (a codebook describes the XLSForm the same query gives: lib/codebook); 400 for
// a bad query; 404 for a questionnaire that does not exist or that the caller may not see (the two
// are not told apart); 409 when it is not ready to export.
import { getUserFromHeaders } from "@/lib/auth/session";
import { HttpError } from "@/lib/http/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { invalidParameters } from "@/lib/http/parameters";
import { findQuestionnaireAccess, findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { canExportQuestionnaire } from "@/lib/questionnaires/access";
import { exportQueryProblem, exportQuerySchema, isCodebookFormat } from "@/lib/export/schema";
import { exportQuestionnaire } from "@/lib/export/questionnaire-export";
import { findOwnForm } from "@/lib/export/own-form-data";
import { attachmentHeader } from "@/lib/export/filename";
import { describeReadinessIssue, describeSheetProblem } from "@/lib/export/describe";
import { fileResponse } from "@/lib/export/responses";
import { exportCodebook } from "@/lib/codebook/export";
import { findCodebookLinks } from "@/lib/codebook/data";

export const dynamic = "force-dynamic";

const PARAM_OF_PROBLEM = { badFormat: "format", badFallback: "fallback", badLanguages: "languages" } as const;
const notFound = () => new HttpError("notFound", { messageKey: "export.notFound" });

export const GET = handleRoute<{ id: string }>("questionnaire export", async ({ request, url, t, locale, params }) => {
  const query = exportQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    const problem = exportQueryProblem(query.error);
    throw invalidParameters([{ param: PARAM_OF_PROBLEM[problem], message: t(`export.${problem}`) }]);
  }
  const access = await findQuestionnaireAccess(params.id);
  const user = access && access.visibility !== "public_template" ? await getUserFromHeaders(request.headers) : null;
  if (!access || !canExportQuestionnaire(user, access)) throw notFound();
  const [doc, own] = await Promise.all([findQuestionnaireDoc(access.id), findOwnForm(access.id)]);
  if (!doc) throw notFound();

  const { format, languages } = query.data;
  const fallback = query.data.fallback ?? doc.fallbackLanguage;
  const outcome = isCodebookFormat(format)
    ? await exportCodebook(
        { doc, own, links: await findCodebookLinks(doc.id) },
        { format, languages, fallback, t, locale },
      )
    : await exportQuestionnaire(doc, { format, languages, fallback, own });
  if (!outcome.ok && outcome.reason === "not_ready") {
    throw new HttpError("notReady", {
      messageKey: "export.notReady",
      params: { count: outcome.issues.length },
      details: { issues: outcome.issues.map((issue) => ({ ...issue, message: describeReadinessIssue(issue, t) })) },
    });
  }
  if (!outcome.ok) {
    throw new HttpError("invalidXlsform", {
      messageKey: "export.invalidXlsform",
      details: { issues: outcome.issues.map((issue) => ({ ...issue, ...describeSheetProblem(issue, t) })) },
    });
  }
  const headers = {
    contentType: outcome.contentType,
    disposition: attachmentHeader({
      name: outcome.fileName,
      asciiFallback: outcome.asciiFileName,
      extension: outcome.extension,
    }),
    cacheable: doc.visibility === "public_template",
  };
  const response = fileResponse(outcome.bytes, headers);
  if (outcome.fallbackUsed) response.headers.set("X-Export-Fallback-Language", outcome.fallbackUsed);
  return response;
});
