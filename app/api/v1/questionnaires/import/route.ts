// POST /api/v1/questionnaires/import: a signed-in researcher uploads an XLSForm (.xlsx, at most
// 5 MB; multipart field "file", or the file as the body). 201 with the new private questionnaire
// holding the whole form (nothing is written to the bank) and what it holds; 422 with every
// problem by sheet, row and column in details (nothing is changed); 401/403 for visitors and
// people without the researcher role; 413 for a file over the limit.
import { isSameOriginRequest } from "@/lib/auth/csrf";
import { requireUser } from "@/lib/auth/session";
import { HttpError } from "@/lib/http/errors";
import { handleRoute } from "@/lib/http/handle-route";
import type { Translate } from "@/lib/http/messages";
import { jsonResponse } from "@/lib/http/respond";
import { canImportQuestionnaire } from "@/lib/questionnaires/access";
import { createQuestionnaireFromForm } from "@/lib/xlsform/import/import-mutations";
import { importXlsformFile } from "@/lib/xlsform/import/import-file";
import { MAX_UPLOAD_BYTES } from "@/lib/xlsform/limits";
import type { ImportIssue } from "@/lib/xlsform/import/types";
import { describeSheetProblem } from "@/lib/export/describe";
import { readUploadedFile } from "@/lib/export/read-upload";

export const dynamic = "force-dynamic";

const described = (issues: ImportIssue[], t: Translate) =>
  issues.map((issue) => ({ ...issue, ...describeSheetProblem(issue, t) }));

const refused = (errors: ImportIssue[], notices: ImportIssue[], t: Translate) =>
  new HttpError("importRefused", {
    messageKey: "import.refused",
    params: { count: errors.length },
    details: { errors: described(errors, t), notices: described(notices, t) },
  });

export const POST = handleRoute("questionnaire import", async ({ request, t }) => {
  if (!isSameOriginRequest(request)) throw new HttpError("crossSite");
  const user = await requireUser(request.headers, "questionnaire.create");
  if (!canImportQuestionnaire(user)) throw new HttpError("forbidden");
  const upload = await readUploadedFile(request);
  if (!upload.ok) {
    throw upload.problem === "tooLarge"
      ? new HttpError("tooLarge", {
          messageKey: "import.tooLarge",
          params: { limit: MAX_UPLOAD_BYTES / (1024 * 1024) },
        })
      : new HttpError("fileMissing", { messageKey: "import.fileMissing" });
  }
  const parsed = await importXlsformFile(upload.bytes);
  if (!parsed.ok) throw refused(parsed.errors, parsed.notices, t);
  const outcome = await createQuestionnaireFromForm({ form: parsed.form, ownerId: user.id, fileName: upload.fileName });
  const base = `/api/v1/questionnaires/${outcome.questionnaireId}`;
  return jsonResponse(
    {
      message: t("import.imported", {
        title: outcome.title,
        questions: outcome.summary.questions,
        groups: outcome.summary.groups,
        repeats: outcome.summary.repeats,
        languages: outcome.summary.languages.length,
      }),
      questionnaire: {
        id: outcome.questionnaireId,
        title: outcome.title,
        links: { xlsform: `${base}/export?format=xlsform`, csv: `${base}/export?format=csv` },
      },
      form: outcome.summary,
      notices: described(parsed.notices, t),
    },
    { status: 201, personal: true },
  );
});
