// The four languages of the bank and of the interface. English is the source language of the bank.
// No zod here: the language switcher in every page's header imports this module, and zod would
// add about 26 kB (compressed) to every page's JavaScript. The schemas are in ./language-schemas.

export const LANGUAGES = ["en", "es", "fr", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = "en";

/** Names as each language writes itself; also the XLSForm column names `label::English (en)`. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  ar: "العربية",
};

export const RTL_LANGUAGES: ReadonlySet<Language> = new Set(["ar"]);

export function directionOf(lang: Language): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(lang) ? "rtl" : "ltr";
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Text in each language, as stored in JSON columns (framework names, questionnaire titles). */
export type LocalizedText = Record<Language, string>;
export type PartialLocalizedText = Partial<Record<Language, string>>;

/**
 * Picks the text for `lang`, falling back to English and then to any language,
 * and says which language was used so that the interface can mark a fallback.
 */
export function pickText(
  text: Partial<Record<Language, string | null>> | null | undefined,
  lang: Language,
): { text: string; lang: Language } | null {
  if (!text) return null;
  const order: Language[] = [lang, SOURCE_LANGUAGE, ...LANGUAGES];
  for (const l of order) {
    const value = text[l];
    if (value && value.trim()) return { text: value, lang: l };
  }
  return null;
}

/**
 * `text` in the languages of `keep`, and in the first language holding text when none of those
 * does, so that pickText (locale, English, then the others in order) chooses as from the whole.
 */
export function inLanguages<T extends { text: string } | string>(
  text: Partial<Record<Language, T>>,
  keep: ReadonlySet<Language>,
): Partial<Record<Language, T>> {
  const filled = (value: T | undefined) => !!value && !!(typeof value === "string" ? value : value.text).trim();
  const out: Partial<Record<Language, T>> = {};
  for (const lang of LANGUAGES) if (keep.has(lang) && text[lang] !== undefined) out[lang] = text[lang];
  if (!LANGUAGES.some((lang) => filled(out[lang]))) {
    const first = LANGUAGES.find((lang) => filled(text[lang]));
    if (first) out[first] = text[first];
  }
  return out;
}
