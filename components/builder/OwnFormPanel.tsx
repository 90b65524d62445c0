import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { ownFormView } from "@/lib/builder/own-form-view";
import { formLanguageFor } from "@/lib/xlsform/bank-languages";
import type { FormModel } from "@/lib/xlsform/form";
import { summarizeForm } from "@/lib/xlsform/import/summary";
import { OwnFormEditor } from "./OwnFormEditor";

/**
 * What the questionnaire's own (imported) form holds, counted, and the form itself to read and
 * edit (OwnFormEditor). The form is exported as held, with the bank questions of the sections
 * below added after it.
 */
export async function OwnFormPanel({
  form,
  locale,
  defaultLanguage,
}: {
  form: FormModel;
  locale: Language;
  defaultLanguage: Language;
}) {
  const t = await getTranslations("builder.ownForm");
  const summary = summarizeForm(form);
  const view = ownFormView(form, [
    formLanguageFor(form, locale, defaultLanguage),
    form.languages.find((l) => l.isDefault)?.name ?? null,
  ]);
  return (
    <section aria-labelledby="own-form-heading" className="builder-panel">
      <h2 id="own-form-heading">{t("heading")}</h2>
      <p>
        {t("summary", {
          questions: summary.questions,
          groups: summary.groups,
          repeats: summary.repeats,
          lists: summary.choiceLists,
        })}{" "}
        {t("languages", { languages: summary.languages.join(", ") })}
      </p>
      <p className="muted">{t("howExported")}</p>
      <OwnFormEditor view={view} />
    </section>
  );
}
