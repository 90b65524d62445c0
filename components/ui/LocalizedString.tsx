import { LANGUAGE_NAMES, pickText, type Language } from "@/lib/i18n/languages";

/**
 * Text in the interface language; where it is missing, the fallback text carries its own `lang`
 * (so screen readers pronounce it right) and a visible mark naming the language shown.
 */
export function LocalizedString({
  value,
  locale,
  fallbackLabel,
}: {
  value: Partial<Record<Language, string | null>>;
  locale: Language;
  fallbackLabel: string;
}) {
  const picked = pickText(value, locale);
  if (!picked) return null;
  if (picked.lang === locale) return <>{picked.text}</>;
  return (
    <>
      <span lang={picked.lang} dir="auto">
        {picked.text}
      </span>{" "}
      <span className="badge badge--missing">
        {fallbackLabel} {LANGUAGE_NAMES[picked.lang]}
      </span>
    </>
  );
}
