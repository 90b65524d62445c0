// One questionnaire → the file a person asked for, or the reasons it cannot be made. The readiness
// check comes first (holes and broken logic are the person's to fix, or to cover with a fallback);
// the pyxform rules then check the built form, as a last guard that no invalid file leaves.
// A questionnaire with its own (imported) form exports that form as held, with its bank questions
// added after it (compose-form.ts), its stable form_id and a new version.
import type { Language } from "../i18n/languages";
import type { QuestionnaireDoc } from "../questionnaires/model";
import { checkReadiness, type ReadinessIssue } from "../questionnaires/readiness";
import { buildXlsform } from "../xlsform/build";
import { namesInForm } from "../xlsform/compose-form";
import { readFormFile, writeFormFile, type FormProblem } from "../xlsform/form";
import { validateXlsform, type XlsformIssue } from "../xlsform/validate";
import { writeXlsx } from "../xlsform/write-xlsx";
import { CSV_CONTENT_TYPE } from "./csv";
import { composedExportForm } from "./export-form";
import { asciiSlug } from "./filename";
import { formToCsv } from "./form-csv";
import type { OwnForm } from "./own-form-data";
import { questionnaireToCsv } from "./questionnaire-csv";
import type { CodebookFormat, ExportFormat } from "./schema";

type FormFormat = Exclude<ExportFormat, CodebookFormat>;

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
  | { ok: false; reason: "invalid_xlsform"; issues: (XlsformIssue | FormProblem)[] };

export async function exportQuestionnaire(
  doc: QuestionnaireDoc,
  {
    format,
    languages,
    fallback,
    own = null,
  }: { format: FormFormat; languages?: Language[]; fallback?: Language | null; own?: OwnForm | null },
): Promise<ExportOutcome> {
  const ownNames = own ? namesInForm(own.form) : undefined;
  const readiness = checkReadiness(doc, { languages, fallback: fallback ?? null, ownNames });
  if (!readiness.ready) return { ok: false, reason: "not_ready", issues: readiness.issues };
  const options = { languages: readiness.languages, fallback: readiness.fallback };
  const fallbackUsed = readiness.filledFromFallback > 0 ? readiness.fallback : null;

  const titleLanguage = options.languages.includes(doc.defaultLanguage) ? doc.defaultLanguage : options.languages[0];
  const title = doc.title[titleLanguage]?.trim() || doc.slug || `questionnaire-${doc.id}`;
  const asciiFileName = asciiSlug(doc.slug ?? doc.title.en ?? "", `questionnaire-${doc.id}`);
  const names = { fileName: title, asciiFileName };

  if (own) return exportOwnForm(doc, own, format, options, { fallbackUsed, ...names });

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

async function exportOwnForm(
  doc: QuestionnaireDoc,
  own: OwnForm,
  format: FormFormat,
  options: { languages: Language[]; fallback: Language | null },
  common: { fallbackUsed: Language | null; fileName: string; asciiFileName: string },
): Promise<ExportOutcome> {
  const form = composedExportForm(doc, own, options, common.fileName);
  if (format === "csv")
    return { ok: true, bytes: formToCsv(form), contentType: CSV_CONTENT_TYPE, extension: "csv", ...common };
  const bytes = await writeFormFile(form);
  // The last guard: what leaves must read back as a form (the reader refuses what pyxform refuses
  // on names, nesting and lists; a clash the composition missed shows here, never in the field).
  const back = await readFormFile(bytes);
  if (!back.ok) return { ok: false, reason: "invalid_xlsform", issues: back.problems };
  return { ok: true, bytes, contentType: XLSX_CONTENT_TYPE, extension: "xlsx", ...common };
}
