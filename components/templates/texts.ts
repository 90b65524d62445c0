// Picking a questionnaire text in the interface language (with the fallback marked by the caller).
import { pickText, type Language } from "@/lib/i18n/languages";
import type { TranslatedText } from "@/lib/questionnaires/model";

export function plainTexts(field: TranslatedText): Partial<Record<Language, string>> {
  return Object.fromEntries(Object.entries(field).map(([lang, entry]) => [lang, entry?.text ?? ""]));
}

export function pickField(field: TranslatedText, locale: Language) {
  return pickText(plainTexts(field), locale);
}

/**
 * "English, Spanish and Arabic", "الإنجليزية والإسبانية والعربية": each language named in the
 * interface language (`name`: the languages.name message), listed in that language's own way.
 */
export function languageList(languages: Language[], locale: Language, name: (lang: Language) => string): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(languages.map(name));
}
