"use server";
// Thin server actions of the results page: who is asking, the write (mutations.ts: permission,
// checks, one transaction with its audit record), and an answer the page shows. Refusals come back
// as codes worded by results.failures.*, with the row, column and value concerned.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { AppError } from "../auth/errors";
import { actionRunner } from "../actions/run-action";
import type { ActionResult } from "../actions/result";
import { isResultsError, ResultsError, type ResultsErrorDetails } from "./errors";
import { RESULTS_MAX_BYTES, RESULTS_MAX_MEGABYTES } from "./limits";
import { deleteDataset, uploadDataset } from "./mutations";
import type { DeleteDatasetInput } from "./schema";

const runResults = actionRunner<ResultsErrorDetails>({
  namespace: "results",
  known(error) {
    if (!isResultsError(error)) return null;
    const d = error.details;
    return {
      code: error.code,
      details: d,
      values: {
        row: d.row ?? 0,
        column: d.column ?? "",
        value: d.value ?? "",
        limit: d.limit ?? RESULTS_MAX_MEGABYTES,
      },
    };
  },
});

async function signedIn() {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated");
  return user;
}

/** The upload form's action: its FormData holds questionnaireId, name, locale and the file. */
export async function uploadDatasetAction(
  form: FormData,
): Promise<ActionResult<{ id: string; rows: number }, ResultsErrorDetails>> {
  const result = await runResults(
    null,
    form,
    async () => {
      const actor = await signedIn();
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) throw new ResultsError("noFile");
      // Checked before the bytes are read into memory, and again by the reader.
      if (file.size > RESULTS_MAX_BYTES) throw new ResultsError("fileTooLarge", { limit: RESULTS_MAX_MEGABYTES });
      const saved = await uploadDataset(actor, {
        questionnaireId: String(form.get("questionnaireId") ?? ""),
        name: String(form.get("name") ?? ""),
        fileName: file.name.slice(0, 200),
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return { id: saved.id, rows: saved.rows };
    },
    { form: true },
  );
  if (result.ok) revalidatePath("/[locale]/questionnaires/[id]/results", "page");
  return result;
}

export async function deleteDatasetAction(
  input: DeleteDatasetInput & { locale?: string },
): Promise<ActionResult<undefined, ResultsErrorDetails>> {
  const result = await runResults(null, input, async () => {
    await deleteDataset(await signedIn(), input);
    return undefined;
  });
  if (result.ok) revalidatePath("/[locale]/questionnaires/[id]/results", "page");
  return result;
}
