// Which of the bank's four languages a form's language is, if any: from the code in
// `Français (fr)`, or from a language name (`French`, `Français`, `EN`). A form may hold any number
// of other languages (Swahili, Hausa): they are the questionnaire's own, kept as written.
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from "../i18n/languages";
import type { FormModel } from "./form";
import { languageCodeOf } from "./workbook";

const NAMES: Record<string, Language> = {
  english: "en",
  anglais: "en",
  inglés: "en",
  ingles: "en",
  الإنجليزية: "en",
  spanish: "es",
  español: "es",
  espanol: "es",
  espagnol: "es",
  castellano: "es",
  الإسبانية: "es",
  french: "fr",
  français: "fr",
  francais: "fr",
  francés: "fr",
  frances: "fr",
  الفرنسية: "fr",
  arabic: "ar",
  arabe: "ar",
  árabe: "ar",
  العربية: "ar",
  عربي: "ar",
};
for (const lang of LANGUAGES) NAMES[LANGUAGE_NAMES[lang].toLowerCase()] = lang;

/** `Français (fr)`, `fr`, `French`, `fr-CA (French)` → "fr"; null for a language the bank does not hold. */
export function bankLanguageOf(languageString: string): Language | null {
  const code = languageCodeOf(languageString)?.toLowerCase().split("-")[0];
  if (code) return isLanguage(code) ? code : null;
  const plain = languageString.trim().toLowerCase();
  if (isLanguage(plain)) return plain;
  return NAMES[plain] ?? NAMES[plain.replace(/\s*\(.*\)\s*$/, "")] ?? null;
}

/** The bank languages a form holds, in the bank's order. */
export function bankLanguagesOfForm(form: Pick<FormModel, "languages">): Language[] {
  const found = new Set(form.languages.map((l) => bankLanguageOf(l.name)).filter((l): l is Language => l !== null));
  return LANGUAGES.filter((l) => found.has(l));
}

/** The form's default language as a bank language, when it is one. */
export function defaultBankLanguageOfForm(form: Pick<FormModel, "languages">): Language | null {
  const named = form.languages.find((l) => l.isDefault);
  return named ? bankLanguageOf(named.name) : null;
}

/**
 * The name under which the form holds a bank language (`English (en)`, `EN`, `default`), or null
 * when it holds none. The form's unnamed default language stands for `unnamedAs` (the
 * questionnaire's default language), so a one-language form without language columns gets the
 * bank's questions in that language, in its own bare column.
 */
export function formLanguageFor(
  form: Pick<FormModel, "languages">,
  lang: Language,
  unnamedAs: Language,
): string | null {
  const named = form.languages.find((l) => bankLanguageOf(l.name) === lang);
  if (named) return named.name;
  const unnamed = form.languages.find((l) => l.isDefault && bankLanguageOf(l.name) === null);
  return unnamed && lang === unnamedAs ? unnamed.name : null;
}

/**
 * The form's languages the bank's questions will have no text in once composed into it (see
 * compose-form.ts): languages the bank does not hold (Kiswahili, Hausa), and bank languages the
 * questionnaire does not export. pyxform writes "-" there, which respondents would see.
 */
export function formLanguagesWithoutBankText(
  form: Pick<FormModel, "languages">,
  languages: readonly Language[],
  defaultLanguage: Language,
): string[] {
  const covered = new Set(languages.map((lang) => formLanguageFor(form, lang, defaultLanguage)));
  return form.languages.map((l) => l.name).filter((name) => !covered.has(name));
}
