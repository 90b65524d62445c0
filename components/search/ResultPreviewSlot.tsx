// The search results' preview (./ResultPreview.tsx) with its texts written here, on the server:
// the page has no next-intl in the browser (issue 19), so the island gets plain strings, as
// SelectedCount does. Rendered once inside the results, whatever the number of rows.
import { getTranslations } from "next-intl/server";
import { directionOf, LANGUAGES, type Language } from "@/lib/i18n/languages";
import { hazardWords, hazardWordsData } from "@/components/hazards/hazard-words";
import { asTemplate, pluralSamples } from "./result-preview-logic";
import { ResultPreview, type PreviewTexts } from "./ResultPreview";
import "./result-preview.css";

const TYPES = ["select_one", "select_multiple", "text", "integer", "decimal", "date", "note"] as const;

export async function ResultPreviewSlot({ locale }: { locale: Language }) {
  const [t, tq, tr, th] = await Promise.all([
    getTranslations("search"),
    getTranslations("question"),
    getTranslations("builder.respondent"),
    getTranslations("hazardText"),
  ]);
  const texts: PreviewTexts = {
    title: t("preview.title"),
    none: t("preview.none"),
    more: Object.fromEntries(
      pluralSamples(locale).map(([c, n]) => [c, asTemplate(t("preview.more", { count: n }), n, locale)]),
    ),
    shownIn: Object.fromEntries(LANGUAGES.map((l) => [l, t("fallback", { language: l })])),
    chooseOne: tr("chooseOne"),
    chooseAny: tr("chooseAny"),
    types: Object.fromEntries(TYPES.map((ty) => [ty, tq(`types.${ty}`)])),
  };
  const hazard = hazardWordsData(hazardWords((key, values) => th(key, values), locale));
  return <ResultPreview locale={locale} dir={directionOf(locale)} texts={texts} hazard={hazard} />;
}
