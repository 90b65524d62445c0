// A questionnaire → its codebook, built from the very form its XLSForm export writes
// (lib/export/export-form.ts), and → the codebook as a file: a workbook (`format=codebook`) or the
// JSON document (`format=codebook-json`). Same readiness rule as the XLSForm export: a codebook
// leaves only with a form that can leave, so the two always describe the same variables.
import type { Language } from "../i18n/languages";
import type { QuestionnaireDoc } from "../questionnaires/model";
import { checkReadiness } from "../questionnaires/readiness";
import { namesInForm } from "../xlsform/compose-form";
import type { FormProblem } from "../xlsform/form";
import { exportFormOf } from "../export/export-form";
import { asciiSlug } from "../export/filename";
import type { OwnForm } from "../export/own-form-data";
import { XLSX_CONTENT_TYPE, type ExportOutcome } from "../export/questionnaire-export";
import type { CodebookFormat } from "../export/schema";
import { buildCodebook, type CodebookLinks } from "./build";
import type { Codebook } from "./model";
import { CodebookWords, type Translate } from "./words";
import { writeCodebookXlsx } from "./xlsx";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export type CodebookSource = {
  doc: QuestionnaireDoc;
  own: OwnForm | null;
  links: CodebookLinks;
};

/** The title the export names the file by, in the form's title language (as questionnaire-export.ts). */
function titleOf(doc: QuestionnaireDoc, languages: Language[]): string {
  const titleLanguage = languages.includes(doc.defaultLanguage) ? doc.defaultLanguage : languages[0];
  return doc.title[titleLanguage]?.trim() || doc.slug || `questionnaire-${doc.id}`;
}

/** The codebook of the form the export would write with these options, or why there is no such form. */
export function codebookOf(
  { doc, own, links }: CodebookSource,
  options: { languages: Language[]; fallback: Language | null },
): { ok: true; codebook: Codebook } | { ok: false; problems: FormProblem[] } {
  const form = exportFormOf(doc, own, options, titleOf(doc, options.languages));
  if (!form.ok) return form;
  return {
    ok: true,
    codebook: buildCodebook({
      questionnaire: { id: doc.id, slug: doc.slug, title: doc.title, defaultLanguage: doc.defaultLanguage },
      form: form.form,
      ownRows: own ? own.form.survey.length : 0,
      links,
    }),
  };
}

export async function exportCodebook(
  source: CodebookSource,
  {
    format,
    languages,
    fallback,
    t,
    locale,
  }: { format: CodebookFormat; languages?: Language[]; fallback: Language | null; t: Translate; locale: Language },
): Promise<ExportOutcome> {
  const { doc, own } = source;
  const ownNames = own ? namesInForm(own.form) : undefined;
  const readiness = checkReadiness(doc, { languages, fallback, ownNames });
  if (!readiness.ready) return { ok: false, reason: "not_ready", issues: readiness.issues };
  const built = codebookOf(source, { languages: readiness.languages, fallback: readiness.fallback });
  if (!built.ok) return { ok: false, reason: "invalid_xlsform", issues: built.problems };

  const title = titleOf(doc, readiness.languages);
  const names = {
    fileName: t("codebook.fileName", { title }),
    asciiFileName: `${asciiSlug(doc.slug ?? doc.title.en ?? "", `questionnaire-${doc.id}`)}-codebook`,
    fallbackUsed: readiness.filledFromFallback > 0 ? readiness.fallback : null,
  };
  if (format === "codebook-json") {
    const bytes = new TextEncoder().encode(JSON.stringify(built.codebook, null, 2));
    return { ok: true, bytes, contentType: JSON_CONTENT_TYPE, extension: "json", ...names };
  }
  // Texts are read in the caller's language where the form has it, else in its default language.
  const lang = built.codebook.languages.some((l) => l.language === locale) ? locale : doc.defaultLanguage;
  const words = new CodebookWords(built.codebook, { t, locale, lang });
  const bytes = await writeCodebookXlsx(built.codebook, words);
  return { ok: true, bytes, contentType: XLSX_CONTENT_TYPE, extension: "xlsx", ...names };
}
