// The form an XLSForm export of a questionnaire holds, as one form model (lib/xlsform/form): the
// questionnaire's own imported form with its bank sections composed after it (compose-form.ts),
// or, without an own form, the bank build read back as a model. The export writes the first; the
// codebook (lib/codebook) describes either, so both read their variable names from one place.
import type { Language } from "../i18n/languages";
import type { QuestionnaireDoc } from "../questionnaires/model";
import { buildXlsform, formIdOf } from "../xlsform/build";
import { composeForm, rawTables } from "../xlsform/compose-form";
import { readForm, type FormModel, type FormProblem } from "../xlsform/form";
import type { OwnForm } from "./own-form-data";

export type ExportFormOptions = { languages: Language[]; fallback: Language | null };

/** The own form composed with the bank sections, exactly as the XLSForm export writes it. */
export function composedExportForm(
  doc: QuestionnaireDoc,
  own: OwnForm,
  options: ExportFormOptions,
  title: string,
): FormModel {
  const bank =
    doc.sections.length > 0
      ? {
          workbook: buildXlsform(doc, options).workbook,
          languages: options.languages,
          defaultLanguage: doc.defaultLanguage,
        }
      : null;
  return composeForm(own.form, bank, {
    // The questionnaire's form id (settings), else the one the import kept, else one from its address.
    formId: formIdOf({ ...doc, formId: doc.formId ?? own.formId }),
    version: doc.version,
    title,
  });
}

/**
 * The form either kind of export holds, or the reader's problems when the bank build does not read
 * back as a form (a questionnaire not ready to export: clashing names, an empty questionnaire).
 */
export function exportFormOf(
  doc: QuestionnaireDoc,
  own: OwnForm | null,
  options: ExportFormOptions,
  title: string,
): { ok: true; form: FormModel } | { ok: false; problems: FormProblem[] } {
  if (own) {
    try {
      return { ok: true, form: composedExportForm(doc, own, options, title) };
    } catch {
      // composeForm throws only when the bank part does not read back; say so as the reader would.
      const read = readForm(rawTables(buildXlsform(doc, options).workbook));
      return { ok: false, problems: read.ok ? [] : read.problems };
    }
  }
  const read = readForm(rawTables(buildXlsform(doc, options).workbook));
  return read.ok ? { ok: true, form: read.form } : { ok: false, problems: read.problems };
}
