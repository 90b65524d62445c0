// The editor page's heading: "Translate into French: “Do you own a mobile phone?”", the question's
// words isolated in their own language (placeholders said in words), then the item's state.
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf, type Language } from "@/lib/i18n/languages";
import type { TranslationItem } from "@/lib/translations/item-data";
import { hazardPlainText, hazardWords } from "@/components/hazards/hazard-words";
import { StatusBadge } from "@/components/ui/StatusBadge";

export async function ItemTitle({ item, lang }: { item: TranslationItem; lang: Language }) {
  const [t, th, locale] = await Promise.all([getTranslations("translate"), getTranslations("hazardText"), getLocale()]);
  return (
    <h1>
      {t.rich("editor.title", {
        language: lang,
        label: hazardPlainText(
          item.source.label,
          hazardWords((key, values) => th(key, values), locale),
        ),
        q: (chunks) => (
          <q>
            <bdi lang={item.sourceLanguage} dir={directionOf(item.sourceLanguage)}>
              {chunks}
            </bdi>
          </q>
        ),
      })}{" "}
      <StatusBadge status={item.state} label={t(`states.${item.state}`)} />
    </h1>
  );
}
