// A translation's revisions, newest first, each with what it changed word by word; an earlier
// revision that changed something can be restored by who may edit (the server checks again).
import { getFormatter, getTranslations } from "next-intl/server";
import { directionOf, type Language } from "@/lib/i18n/languages";
import type { TranslationItem } from "@/lib/translations/item-data";
import { FieldDiffList } from "./FieldDiffList";
import { RestoreButton } from "./RestoreButton";
import styles from "./translate.module.css";

export async function RevisionHistory({
  item,
  lang,
  canEdit,
}: {
  item: TranslationItem;
  lang: Language;
  canEdit: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("translate"), getFormatter()]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("history.title")}</h2>
      {item.history.length === 0 ? (
        <p className="muted">{t("history.none")}</p>
      ) : (
        <ol className={styles.history}>
          {item.history.map((h, i) => (
            <li key={h.id}>
              <p>
                <strong>{t(`history.actions.${h.action as "save"}`)}</strong> ·{" "}
                {h.author ? <bdi>{h.author}</bdi> : t("editor.someone")} ·{" "}
                {format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {t(`states.${h.status}`)}
              </p>
              {h.changes.length === 0 ? (
                <p className="muted">{t("history.noChange")}</p>
              ) : (
                <FieldDiffList fields={h.changes} lang={lang} dir={directionOf(lang)} />
              )}
              {i > 0 && canEdit && item.target && h.changes.length > 0 && (
                <RestoreButton
                  code={item.code}
                  lang={lang}
                  revision={item.target.revision}
                  revisionId={h.id}
                  version={h.revision}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
