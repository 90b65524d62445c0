"use server";
// Thin server actions of the results page: who is asking, the write (mutations.ts: permission,
// checks, one transaction with its audit record), and an answer the page shows. (An upload is not
// an action: it streams to POST /api/v1/questionnaires/{id}/datasets, outside the actions' body limit.) Refusals come back
// as codes worded by results.failures.*, with the row, column and value concerned.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { AppError } from "../auth/errors";
import { actionRunner } from "../actions/run-action";
import type { ActionResult } from "../actions/result";
import { isResultsError, type ResultsErrorDetails } from "./errors";
import { RESULTS_MAX_MEGABYTES } from "./limits";
import { deleteDataset } from "./mutations";
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
