// The four languages of the bank and of the interface. English is the source language of the bank.
import { z } from "zod";

export const LANGUAGES = ["en", "es", "fr", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = "en";

export const languageSchema = z.enum(LANGUAGES);

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

export const localizedTextSchema = z.object({
  en: z.string().trim().min(1).max(2000),
  es: z.string().trim().min(1).max(2000),
  fr: z.string().trim().min(1).max(2000),
  ar: z.string().trim().min(1).max(2000),
});

export const partialLocalizedTextSchema = z.object({
  en: z.string().trim().max(2000).optional(),
  es: z.string().trim().max(2000).optional(),
  fr: z.string().trim().max(2000).optional(),
  ar: z.string().trim().max(2000).optional(),
});

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
