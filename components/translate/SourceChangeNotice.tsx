// An outdated translation's warning: how the source changed since the version it was made from
// (word by word, when that version's snapshot is kept), and "Still valid" for who may confirm it.
import { getTranslations } from "next-intl/server";
import { directionOf, type Language } from "@/lib/i18n/languages";
import type { TranslationItem } from "@/lib/translations/item-data";
import { FieldDiffList } from "./FieldDiffList";
import { StillValidButton } from "./StillValidButton";
import styles from "./translate.module.css";

export async function SourceChangeNotice({
  item,
  lang,
  canConfirm,
}: {
  item: TranslationItem;
  lang: Language;
  canConfirm: boolean;
}) {
  if (!item.sourceChange) return null;
  const t = await getTranslations("translate");
  return (
    <section aria-labelledby="outdated-title" className={styles.warnings}>
      <h2 id="outdated-title">{t("editor.outdatedTitle")}</h2>
      <p>{t("editor.outdatedBody", { from: item.sourceChange.fromVersion, to: item.sourceChange.toVersion })}</p>
      {item.sourceChange.fields.length === 0 ? (
        <p>{t("editor.outdatedNoSnapshot")}</p>
      ) : (
        <FieldDiffList
          fields={item.sourceChange.fields}
          lang={item.sourceLanguage}
          dir={directionOf(item.sourceLanguage)}
        />
      )}
      {canConfirm && <StillValidButton code={item.code} lang={lang} revision={item.target!.revision} />}
    </section>
  );
}
