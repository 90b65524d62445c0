// An imported XLSForm becomes a new private questionnaire of the importer that holds the form
// itself (Questionnaire.form: its questions, groups, repeats, calculations, lists, languages and
// settings, as read). Nothing is written to the shared bank: the form's names are the
// questionnaire's own, so a `q1` or `gender` of one form never meets another's.
import "server-only";
import { getDb } from "../../db/client";
import { recordAudit } from "../../audit/mutations";
import type { Language } from "../../i18n/languages";
import { bankLanguagesOfForm, defaultBankLanguageOfForm } from "../bank-languages";
import type { FormModel } from "../form";
import { summarizeForm } from "./summary";
import type { FormSummary } from "./types";

/** The title ODK shows for the form, as pyxform gives it: its form_title, else its form_id, else the file's name. */
export function formTitle(form: FormModel, fileName: string | null): string {
  const fromFile = fileName?.replace(/\.[^.]*$/, "").trim();
  const { form_title, form_id, id_string } = form.settings.values;
  const title = form_title?.trim() || form_id?.trim() || id_string?.trim() || fromFile;
  return (title || "Imported questionnaire").slice(0, 200);
}

/**
 * The questionnaire's bank languages (for the bank questions added to it later) and its default:
 * the form's default language when it is one of the bank's, else the first it holds, else English.
 */
function questionnaireLanguages(form: FormModel): { languages: Language[]; defaultLanguage: Language } {
  const held = bankLanguagesOfForm(form);
  const defaultLanguage = defaultBankLanguageOfForm(form) ?? held[0] ?? "en";
  return { languages: held.length ? held : [defaultLanguage], defaultLanguage };
}

export async function createQuestionnaireFromForm({
  form,
  ownerId,
  fileName,
}: {
  form: FormModel;
  ownerId: string;
  fileName: string | null;
}): Promise<{ questionnaireId: string; title: string; summary: FormSummary }> {
  const title = formTitle(form, fileName);
  const summary = summarizeForm(form);
  const { languages, defaultLanguage } = questionnaireLanguages(form);
  const formId = form.settings.values.form_id?.trim() || form.settings.values.id_string?.trim() || null;
  const db = await getDb();
  const questionnaireId = await db.$transaction(async (tx) => {
    const questionnaire = await tx.questionnaire.create({
      data: {
        ownerId,
        title: { [defaultLanguage]: title },
        description: {},
        languages,
        defaultLanguage,
        visibility: "private",
        form,
        formId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: ownerId,
      action: "questionnaire.import",
      entityType: "questionnaire",
      entityId: questionnaire.id,
      after: { title, formId, ...summary },
    });
    return questionnaire.id;
  });
  return { questionnaireId, title, summary };
}
