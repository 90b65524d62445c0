// Picking a questionnaire text in the interface language (with the fallback marked by the caller).
import { LANGUAGE_NAMES, pickText, type Language } from "@/lib/i18n/languages";
import type { TranslatedText } from "@/lib/questionnaires/model";

export function plainTexts(field: TranslatedText): Partial<Record<Language, string>> {
  return Object.fromEntries(Object.entries(field).map(([lang, entry]) => [lang, entry?.text ?? ""]));
}

export function pickField(field: TranslatedText, locale: Language) {
  return pickText(plainTexts(field), locale);
}

/** "English, Español and العربية" in the interface language's own way of listing (Arabic: "،" and "و"). */
export function languageList(languages: Language[], locale: Language): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(
    languages.map((l) => LANGUAGE_NAMES[l]),
  );
}
