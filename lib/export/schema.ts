// The export request's query string: ?format=xlsform|csv|codebook|codebook-json[&fallback=en][&languages=en,ar]
import { z } from "zod";
import { languageSchema } from "../i18n/language-schemas";

export const EXPORT_FORMATS = ["xlsform", "csv", "codebook", "codebook-json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that describe the XLSForm export (lib/codebook) rather than being it. */
export type CodebookFormat = Extract<ExportFormat, "codebook" | "codebook-json">;
export const isCodebookFormat = (format: ExportFormat): format is CodebookFormat =>
  format === "codebook" || format === "codebook-json";

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  fallback: languageSchema.optional(),
  languages: z
    .string()
    .max(40)
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(languageSchema).min(1).max(4))
    .optional(),
});

export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Which part of the query was wrong, for the message. */
export function exportQueryProblem(error: z.ZodError): "badFormat" | "badFallback" | "badLanguages" {
  const field = error.issues[0]?.path[0];
  return field === "fallback" ? "badFallback" : field === "languages" ? "badLanguages" : "badFormat";
}
