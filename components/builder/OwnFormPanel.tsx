import { getFormatter, getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { Link } from "@/lib/i18n/navigation";
import { ownFormView } from "@/lib/builder/own-form-view";
import { formLanguageFor } from "@/lib/xlsform/bank-languages";
import type { FormModel } from "@/lib/xlsform/form";
import { summarizeForm } from "@/lib/xlsform/import/summary";
import { isolate } from "@/lib/text/bidi";
import { OwnFormEditor } from "./OwnFormEditor";

/**
 * What the questionnaire's own (imported) form holds, counted, and the form itself to read and
 * edit (OwnFormEditor). The form is exported as held, with the bank questions of the sections
 * below added after it.
 */
export async function OwnFormPanel({
  questionnaireId,
  form,
  locale,
  defaultLanguage,
  query = "",
  page = 0,
}: {
  questionnaireId: string;
  form: FormModel;
  locale: Language;
  defaultLanguage: Language;
  /** The search over the form's rows and the page of them shown (from the page's `ownq`, `ownpage`) */
  query?: string;
  page?: number;
}) {
  const [t, tm, format] = await Promise.all([
    getTranslations("builder.ownForm"),
    getTranslations("builder.matches"),
    getFormatter(),
  ]);
  const summary = summarizeForm(form);
  const view = ownFormView(
    form,
    [formLanguageFor(form, locale, defaultLanguage), form.languages.find((l) => l.isDefault)?.name ?? null],
    { query, page },
  );
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
        {/* Each name isolated: "English (en)" keeps its brackets in an Arabic sentence. */}
        {t("languages", { languages: format.list(summary.languages.map(isolate)) })}
      </p>
      <p className="muted">{t("howExported")}</p>
      <p>
        <Link href={`/questionnaires/${questionnaireId}/matches`}>{tm("open")}</Link>
      </p>
      <OwnFormEditor view={view} />
    </section>
  );
}
