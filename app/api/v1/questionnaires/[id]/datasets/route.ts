// POST /api/v1/questionnaires/{id}/datasets?name=…&fileName=…: a signed-in researcher uploads a
// submissions export (KoboToolbox CSV or XLSX, ODK Central CSV) of a questionnaire they may read,
// the file itself as the request body. The body is read as it arrives (never buffered whole, no
// server-action body limit): counted, parsed, checked and encoded on the way, refused with 413 as
// soon as it passes the limit. 201 with the new dataset; 422 naming the row and column of the
// first problem (nothing is stored); 401/403/404 as elsewhere; 413 for a file over the limit.
// (The results page renders per request: the form's navigation to the new dataset reads it fresh.)
import { isSameOriginRequest } from "@/lib/auth/csrf";
import { AppError } from "@/lib/auth/errors";
import { getUserFromHeaders } from "@/lib/auth/session";
import { HttpError } from "@/lib/http/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { invalidParameters } from "@/lib/http/parameters";
import { jsonResponse } from "@/lib/http/respond";
import { isResultsError, ResultsError } from "@/lib/results/errors";
import { resultsHttpError } from "@/lib/results/http";
import { RESULTS_MAX_BYTES, RESULTS_MAX_MEGABYTES } from "@/lib/results/limits";
import { uploadDataset } from "@/lib/results/mutations";
import { uploadDatasetSchema } from "@/lib/results/schema";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ id: string }>("results upload", async ({ request, url, t, params }) => {
  if (!isSameOriginRequest(request)) throw new HttpError("crossSite");
  const user = await getUserFromHeaders(request.headers);
  if (!user) throw new AppError("unauthenticated");
  const input = uploadDatasetSchema.safeParse({
    questionnaireId: params.id,
    name: url.searchParams.get("name") ?? "",
    fileName: url.searchParams.get("fileName") ?? "",
  });
  if (!input.success) throw invalidParameters([{ param: "name", message: t("results.noName") }]);
  try {
    // A declared size over the limit is refused before a byte is read.
    if (Number(request.headers.get("content-length") ?? "0") > RESULTS_MAX_BYTES)
      throw new ResultsError("fileTooLarge", { limit: RESULTS_MAX_MEGABYTES });
    if (!request.body) throw new ResultsError("noFile");
    const saved = await uploadDataset(user, {
      ...input.data,
      body: request.body as unknown as AsyncIterable<Uint8Array>,
    });
    return jsonResponse(
      {
        message: t("results.uploaded", { name: input.data.name, rows: saved.rows }),
        dataset: {
          id: saved.id,
          rows: saved.rows,
          unmatched: saved.unmatched,
          missing: saved.missing,
          // Said in the person's language, as the results page says it.
          inRepeat: saved.inRepeat.map((r) => ({
            ...r,
            message: t("results.inRepeat", { repeat: r.repeat, codes: r.code }),
          })),
        },
      },
      { status: 201, personal: true },
    );
  } catch (error) {
    throw isResultsError(error) ? resultsHttpError(error) : error;
  }
});
