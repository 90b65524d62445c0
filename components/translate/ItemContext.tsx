// What a translator needs to know about the question before translating it: its type, indicators,
// the author's notes, who saved the translation last, whether its answer list is shared with other
// questions; and the language to read the source beside (a GET form keeping the queue's filters).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { directionOf, LANGUAGES, pickText, type Language } from "@/lib/i18n/languages";
import type { TranslationItem } from "@/lib/translations/item-data";
import { isolate } from "@/lib/text/bidi";
import { Button } from "@/components/ui/Button";
import styles from "./translate.module.css";

export async function ItemContext({
  item,
  lang,
  referenceLanguage,
  kept,
}: {
  item: TranslationItem;
  lang: Language;
  referenceLanguage: Language;
  /** The queue's filters, carried through the form */
  kept: Record<string, string>;
}) {
  const [t, tq, tl, format, locale] = await Promise.all([
    getTranslations("translate"),
    getTranslations("question"),
    getTranslations("languages"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <section aria-labelledby="context-title" className={styles.context}>
      <h2 id="context-title">{t("editor.context")}</h2>
      <dl className="facts">
        <dt>{t("editor.type")}</dt>
        <dd>{tq(`types.${item.type}` as "types.text")}</dd>
        <dt>{t("editor.indicators")}</dt>
        <dd>
          {item.indicators.length === 0
            ? t("editor.noIndicator")
            : item.indicators.map((i) => (
                <p key={i.code}>
                  <span className="code">{i.code}</span> {pickText(i.name, locale)?.text}:{" "}
                  <span className="muted">{pickText(i.definition, locale)?.text}</span>
                </p>
              ))}
        </dd>
        {item.source.notes && (
          <>
            <dt>{t("editor.notes")}</dt>
            <dd lang={item.sourceLanguage} dir={directionOf(item.sourceLanguage)}>
              {item.source.notes}
            </dd>
          </>
        )}
        {item.target?.updatedBy && (
          <>
            <dt>{t("editor.lastSaved")}</dt>
            <dd>
              {t("editor.lastSavedBy", {
                name: isolate(item.target.updatedBy),
                date: format.dateTime(item.target.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </dd>
          </>
        )}
      </dl>
      {item.choiceList?.shared && item.choiceList.otherQuestions > 0 && (
        <p role="note" className={styles.warnings}>
          {t("editor.sharedList", { name: item.choiceList.name, count: item.choiceList.otherQuestions })}
        </p>
      )}
      <form method="get" className={styles.filters}>
        {Object.entries(kept).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label>
          {t("editor.readFrom")}
          <select name="source" defaultValue={referenceLanguage}>
            {LANGUAGES.filter((l) => l !== lang).map((l) => (
              <option key={l} value={l}>
                {tl("nameCapitalised", { language: l })}
              </option>
            ))}
          </select>
        </label>
        <Button variant="primary" type="submit">
          {t("editor.show")}
        </Button>
      </form>
    </section>
  );
}
