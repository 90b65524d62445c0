// The OpenAPI description of the submissions upload (lib/results), in openapi.ts's document; the
// helpers are that file's, passed in so that the error answers stay the one Error schema.
import { RESULTS_MAX_MEGABYTES } from "../results/limits";

type Helpers = {
  query: (name: string, schema: Record<string, unknown>, description: string) => Record<string, unknown>;
  refusal: (description: string) => unknown;
  json: (schema: unknown) => unknown;
  ref: (name: string) => unknown;
  binary: unknown;
  common: Record<string, unknown>;
};

export function datasetPaths({ query, refusal, json, ref, binary, common }: Helpers) {
  return {
    "/api/v1/questionnaires/{id}/datasets": {
      post: {
        operationId: "uploadDataset",
        summary: `Upload submissions collected with a questionnaire (KoboToolbox CSV or XLSX, ODK Central CSV; under ${RESULTS_MAX_MEGABYTES} MB, CSV or XLSX), the file as the body, read as it arrives (an XLSX spooled to a temporary file, then its first sheet read row by row); private to the uploader; signed-in researchers, same origin only`,
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Questionnaire id" },
          { ...query("name", { type: "string", minLength: 1, maxLength: 100 }, "The dataset's name"), required: true },
          query("fileName", { type: "string", maxLength: 200 }, "The file's name, as shown in the list"),
        ],
        requestBody: {
          required: true,
          content: { "text/csv": { schema: binary }, "application/octet-stream": { schema: binary } },
        },
        responses: {
          "201": { description: "Stored", content: json(ref("DatasetUploaded")) },
          "401": refusal("Not signed in"),
          "403": refusal("Not a researcher, or a request from another site"),
          "404": refusal("No questionnaire here, or one the caller may not see"),
          "409": refusal("The questionnaire's form cannot be described yet (notReady)"),
          "413": refusal("The file is over the limit (details.limit, in MB); the rest of the body is not read"),
          "422": refusal(
            "Refused (details.failure: empty, encoding, unreadable, duplicateColumn, notThisQuestionnaire, notAChoice; details.row, column, value); nothing is stored",
          ),
          ...common,
        },
      },
    },
  };
}
