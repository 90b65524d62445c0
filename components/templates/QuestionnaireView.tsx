import { getTranslations } from "next-intl/server";
import { type Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc, QuestionnaireItemDoc } from "@/lib/questionnaires/model";
import { isInUse } from "@/lib/questionnaires/text-choice";
import { LocalizedString } from "@/components/ui/LocalizedString";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { RelevanceInWords } from "./RelevanceInWords";
import { plainTexts } from "./texts";
import styles from "./templates.module.css";

/** A questionnaire as a person reads it: sections, their questions and answers, skip logic in words. */
export async function QuestionnaireView({ doc, locale }: { doc: QuestionnaireDoc; locale: Language }) {
  const [t, tq] = await Promise.all([getTranslations("templates"), getTranslations("question")]);
  const lists = new Map(doc.choiceLists.map((l) => [l.name, l]));
  const fallbackLabel = (language: Language) => t("fallback", { language });

  const item = (it: QuestionnaireItemDoc) => (
    <li key={it.name} className={styles.item}>
      <p className={styles.itemLabel} dir="auto">
        <LocalizedString value={plainTexts(it.label)} locale={locale} fallbackLabel={fallbackLabel} />
      </p>
      <p className={styles.itemMeta}>
        <span>{tq(`types.${it.type}`)}</span>
        <span>
          {t("code")}: <span className="code">{it.name}</span>
        </span>
        {it.required && <StatusBadge status="approved" label={t("required")} />}
      </p>
      {isInUse(it.hint) && (
        <p className="muted" dir="auto">
          <LocalizedString value={plainTexts(it.hint)} locale={locale} fallbackLabel={fallbackLabel} />
        </p>
      )}
      {it.relevant && (
        <p className={styles.condition}>
          <strong>{t("askedIf")}</strong> <RelevanceInWords relevance={it.relevant} doc={doc} locale={locale} />
        </p>
      )}
      {it.listName && lists.get(it.listName) && (
        <ul className={styles.choices} aria-label={t("choices")}>
          {lists.get(it.listName)!.choices.map((c) => (
            <li key={c.name} dir="auto">
              <LocalizedString value={plainTexts(c.label)} locale={locale} fallbackLabel={fallbackLabel} />
            </li>
          ))}
        </ul>
      )}
      {it.constraint && isInUse(it.constraintMessage) && (
        <p className={styles.condition}>
          <strong>{t("accepted")}:</strong>{" "}
          <LocalizedString value={plainTexts(it.constraintMessage)} locale={locale} fallbackLabel={fallbackLabel} />
        </p>
      )}
    </li>
  );

  return (
    <>
      <nav aria-labelledby="contents-heading">
        <h2 id="contents-heading">{t("contents")}</h2>
        <ol className={styles.sections}>
          {doc.sections.map((s) => (
            <li key={s.name}>
              <a href={`#section-${s.name}`}>
                <LocalizedString value={plainTexts(s.title)} locale={locale} fallbackLabel={fallbackLabel} />
              </a>{" "}
              <span className="muted">({t("questions", { count: s.items.length })})</span>
            </li>
          ))}
        </ol>
      </nav>
      {doc.sections.map((s) => (
        <section key={s.name} id={`section-${s.name}`} className={styles.section} aria-labelledby={`heading-${s.name}`}>
          <h2 id={`heading-${s.name}`}>
            <LocalizedString value={plainTexts(s.title)} locale={locale} fallbackLabel={fallbackLabel} />
          </h2>
          {s.relevant && (
            <p className={styles.condition}>
              <strong>{t("sectionAskedIf")}</strong>{" "}
              <RelevanceInWords relevance={s.relevant} doc={doc} locale={locale} />
            </p>
          )}
          <ol className={styles.items}>{s.items.map(item)}</ol>
        </section>
      ))}
    </>
  );
}
