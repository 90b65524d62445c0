// POST /api/v1/questionnaires/import: a signed-in researcher uploads an XLSForm (.xlsx, at most
// 5 MB; multipart field "file", or the file as the body). 201 with the new questionnaire; 422 with
// every problem by sheet, row and column when the file cannot be imported (nothing is changed);
// 401/403 for visitors and people without the researcher role; 413 for a file over the limit.
import { isSameOriginRequest } from "@/lib/auth/csrf";
import { AppError, errorResponse, localeFromHeaders } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/session";
import { canImportQuestionnaire } from "@/lib/questionnaires/access";
import { createQuestionnaireFromImport } from "@/lib/questionnaires/import-mutations";
import { importXlsformFile } from "@/lib/xlsform/import/import-file";
import { MAX_UPLOAD_BYTES } from "@/lib/xlsform/limits";
import type { ImportIssue } from "@/lib/xlsform/import/types";
import { describeSheetProblem, type Translate } from "@/lib/export/describe";
import { readUploadedFile } from "@/lib/export/read-upload";
import { problemResponse } from "@/lib/export/responses";
import { translatorFor } from "@/lib/export/translator";

export const dynamic = "force-dynamic";

const described = (issues: ImportIssue[], t: Translate) => issues.map((issue) => ({ ...issue, ...describeSheetProblem(issue, t) }));

export async function POST(request: Request) {
  const locale = localeFromHeaders(request.headers);
  const t = translatorFor(locale);
  try {
    if (!isSameOriginRequest(request)) throw new AppError("crossSite");
    const user = await requireUser(request.headers, "questionnaire.create");
    if (!canImportQuestionnaire(user)) throw new AppError("forbidden");
    const upload = await readUploadedFile(request);
    if (!upload.ok) {
      return upload.problem === "tooLarge"
        ? problemResponse(413, "tooLarge", t("import.tooLarge", { limit: MAX_UPLOAD_BYTES / (1024 * 1024) }))
        : problemResponse(400, "fileMissing", t("import.fileMissing"));
    }
    const parsed = await importXlsformFile(upload.bytes);
    if (!parsed.ok) {
      return problemResponse(422, "importRefused", t("import.refused", { count: parsed.errors.length }), { errors: described(parsed.errors, t), notices: described(parsed.notices, t) });
    }
    const outcome = await createQuestionnaireFromImport({ imported: parsed.questionnaire, ownerId: user.id });
    if (!outcome.ok) {
      return problemResponse(422, "importRefused", t("import.refused", { count: outcome.errors.length }), { errors: described(outcome.errors, t), notices: described(parsed.notices, t) });
    }
    const base = `/api/v1/questionnaires/${outcome.questionnaireId}`;
    return Response.json(
      {
        message: t("import.imported", { title: outcome.title, questions: outcome.questions, created: outcome.created.length, linked: outcome.linked.length }),
        questionnaire: { id: outcome.questionnaireId, title: outcome.title, links: { xlsform: `${base}/export?format=xlsform`, csv: `${base}/export?format=csv` } },
        created: outcome.created,
        linked: outcome.linked,
        notices: described(parsed.notices, t),
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error, locale);
    // Another import took the same new code or list name at the same moment: try again.
    if ((error as { code?: string }).code === "P2002") return errorResponse(new AppError("conflict"), locale);
    console.error("import failed", error instanceof Error ? error.message : error);
    return errorResponse(new AppError("unavailable"), locale);
  }
}
