// Which bank language each translated column is in: from the code in `label::Français (fr)`, from
// a language name (`label::French`, `label::Français`), and for bare `label` columns from the
// settings' default_language (English when it names none of ours).
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from "../../i18n/languages";
import { languageCodeOf, splitHeader, type Sheet } from "../workbook";
import type { ImportIssue } from "./types";

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

export type LanguageColumns = {
  /** header → bank language, for every translatable column that is kept */
  columnLanguage: Map<string, Language>;
  languages: Language[];
  defaultLanguage: Language;
};

export function readLanguageColumns(
  sheets: Sheet[],
  defaultLanguageSetting: string,
  notices: ImportIssue[],
): LanguageColumns | null {
  const columnLanguage = new Map<string, Language>();
  const translated = sheets.some((s) => s.headers.some((h) => splitHeader(h)?.language));
  const settingLanguage = defaultLanguageSetting ? bankLanguageOf(defaultLanguageSetting) : null;
  const bareLanguage: Language = settingLanguage ?? "en";
  const ignored = new Set<string>();
  let bareUsed = false;
  for (const sheet of sheets) {
    for (const header of sheet.headers) {
      const split = splitHeader(header);
      if (!split) continue;
      if (split.language === null) {
        if (translated) {
          notices.push({
            severity: "notice",
            code: "bare_column_ignored",
            sheet: sheet.name,
            column: header,
            value: header,
          });
          continue;
        }
        columnLanguage.set(header, bareLanguage);
        bareUsed = true;
        continue;
      }
      const lang = bankLanguageOf(split.language);
      if (!lang) {
        if (!ignored.has(split.language))
          notices.push({
            severity: "notice",
            code: "language_ignored",
            sheet: sheet.name,
            column: header,
            value: split.language,
          });
        ignored.add(split.language);
        continue;
      }
      columnLanguage.set(header, lang);
    }
  }
  if (bareUsed) notices.push({ severity: "notice", code: "bare_label_language", value: LANGUAGE_NAMES[bareLanguage] });
  const labelLanguages = new Set(
    [...columnLanguage].filter(([h]) => splitHeader(h)?.base === "label").map(([, l]) => l),
  );
  if (labelLanguages.size === 0) return null;
  const languages = LANGUAGES.filter((l) => labelLanguages.has(l));
  const defaultLanguage = settingLanguage && languages.includes(settingLanguage) ? settingLanguage : languages[0];
  return { columnLanguage, languages, defaultLanguage };
}
