// The inputs of results from collected data: an upload's fields, a deletion, and the results
// page's query (which dataset, weight and grouping columns, datasets compared).
import { z } from "zod";

const id = z.string().trim().min(1).max(100);

export const uploadDatasetSchema = z.object({
  questionnaireId: id,
  name: z.string().trim().min(1).max(100),
  fileName: z.string().trim().max(200).default(""),
});
export type UploadDatasetInput = z.input<typeof uploadDatasetSchema>;

export const deleteDatasetSchema = z.object({ questionnaireId: id, datasetId: id });
export type DeleteDatasetInput = z.input<typeof deleteDatasetSchema>;

const column = z
  .string()
  .max(300)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .catch(undefined)
  .transform((v) =>
    [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x && x.length <= 100))].slice(0, 6),
  );

/** The page's query string; anything malformed is dropped rather than failing the page. */
export const resultsQuerySchema = z.object({
  dataset: z.string().max(100).optional().catch(undefined),
  weight: column,
  group: column,
  compare: many,
});
export type ResultsQuery = z.output<typeof resultsQuerySchema>;
