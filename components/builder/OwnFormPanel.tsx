import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { formLanguageFor } from "@/lib/xlsform/bank-languages";
import type { FormModel, SurveyNode } from "@/lib/xlsform/form";
import { summarizeForm } from "@/lib/xlsform/import/summary";

/** At most this many rows are listed: a 5,000-row form is summarised, not printed. */
const SHOWN = 400;

/** The form's own text for a row in the reader's language, else its default language, else any. */
function textIn(texts: Record<string, string> | undefined, languages: (string | null)[]): string | null {
  if (!texts) return null;
  for (const lang of languages) if (lang && texts[lang]?.trim()) return texts[lang];
  return Object.values(texts).find((t) => t.trim()) ?? null;
}

/**
 * What the questionnaire's own (imported) form holds, as a tree of its groups, repeats and
 * questions: name, type as written, label in the reader's language where the form has it. The
 * form is exported as held, with the bank questions of the sections below added after it.
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
  const languages = [
    formLanguageFor(form, locale, defaultLanguage),
    form.languages.find((l) => l.isDefault)?.name ?? null,
  ];
  let shown = 0;
  const list = (nodes: SurveyNode[]) => (
    <ol className="own-form-list">
      {nodes.map((node, i) => {
        if (node.kind === "skipped" || shown >= SHOWN) return null;
        shown++;
        const label = textIn(node.texts.label, languages);
        return (
          <li key={`${node.row}-${i}`}>
            <code dir="ltr">{node.name || "—"}</code>{" "}
            <bdi className="muted" dir="ltr">
              ({node.type})
            </bdi>
            {label && (
              <>
                {" "}
                <span dir="auto">{label}</span>
              </>
            )}
            {node.kind !== "question" && node.children.length > 0 && list(node.children)}
          </li>
        );
      })}
    </ol>
  );
  const tree = list(form.survey);
  const rows = summary.questions + summary.groups + summary.repeats;
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
      <details>
        <summary>{t("show")}</summary>
        {tree}
        {rows > SHOWN && <p className="muted">{t("more", { count: rows - SHOWN })}</p>}
      </details>
    </section>
  );
}
