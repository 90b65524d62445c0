import { pickText, type Language } from "@/lib/i18n/languages";
import { HazardText } from "@/components/hazards/HazardText";

/**
 * Text in the interface language; where it is missing, the fallback text carries its own `lang`
 * (so screen readers pronounce it right) and a visible mark naming the language shown. A bank
 * text's hazard placeholders show as slots (HazardText).
 */
export function LocalizedString({
  value,
  locale,
  fallbackLabel,
}: {
  value: Partial<Record<Language, string | null>>;
  locale: Language;
  /** The mark for a text shown in another language: "shown in French" (a message that inflects the name) */
  fallbackLabel: (shownIn: Language) => string;
}) {
  const picked = pickText(value, locale);
  if (!picked) return null;
  if (picked.lang === locale) return <HazardText text={picked.text} />;
  return (
    <>
      <span lang={picked.lang} dir="auto">
        <HazardText text={picked.text} />
      </span>{" "}
      <span className="badge badge--missing">{fallbackLabel(picked.lang)}</span>
    </>
  );
}
