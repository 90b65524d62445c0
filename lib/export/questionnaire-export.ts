// One questionnaire → the file a person asked for, or the reasons it cannot be made. The readiness
// check comes first (holes and broken logic are the person's to fix, or to cover with a fallback);
// the pyxform rules then check the built form, as a last guard that no invalid file leaves.
import type { Language } from "../i18n/languages";
import type { QuestionnaireDoc } from "../questionnaires/model";
import { checkReadiness, type ReadinessIssue } from "../questionnaires/readiness";
import { buildXlsform } from "../xlsform/build";
import { validateXlsform, type XlsformIssue } from "../xlsform/validate";
import { writeXlsx } from "../xlsform/write-xlsx";
import { CSV_CONTENT_TYPE } from "./csv";
import { asciiSlug } from "./filename";
import { questionnaireToCsv } from "./questionnaire-csv";
import type { ExportFormat } from "./schema";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type ExportOutcome =
  | {
      ok: true;
      bytes: Uint8Array;
      contentType: string;
      extension: string;
      fileName: string;
      asciiFileName: string;
      fallbackUsed: Language | null;
    }
  | { ok: false; reason: "not_ready"; issues: ReadinessIssue[] }
  | { ok: false; reason: "invalid_xlsform"; issues: XlsformIssue[] };

export async function exportQuestionnaire(
  doc: QuestionnaireDoc,
  { format, languages, fallback }: { format: ExportFormat; languages?: Language[]; fallback?: Language | null },
): Promise<ExportOutcome> {
  const readiness = checkReadiness(doc, { languages, fallback: fallback ?? null });
  if (!readiness.ready) return { ok: false, reason: "not_ready", issues: readiness.issues };
  const options = { languages: readiness.languages, fallback: readiness.fallback };
  const fallbackUsed = readiness.filledFromFallback > 0 ? readiness.fallback : null;

  const titleLanguage = options.languages.includes(doc.defaultLanguage) ? doc.defaultLanguage : options.languages[0];
  const title = doc.title[titleLanguage]?.trim() || doc.slug || `questionnaire-${doc.id}`;
  const asciiFileName = asciiSlug(doc.slug ?? doc.title.en ?? "", `questionnaire-${doc.id}`);
  const names = { fileName: title, asciiFileName };

  if (format === "csv") {
    return {
      ok: true,
      bytes: questionnaireToCsv(doc, options),
      contentType: CSV_CONTENT_TYPE,
      extension: "csv",
      fallbackUsed,
      ...names,
    };
  }
  const built = buildXlsform(doc, options);
  const issues = validateXlsform(built.workbook);
  if (issues.length > 0) return { ok: false, reason: "invalid_xlsform", issues };
  return {
    ok: true,
    bytes: await writeXlsx(built.workbook),
    contentType: XLSX_CONTENT_TYPE,
    extension: "xlsx",
    fallbackUsed,
    ...names,
  };
}
