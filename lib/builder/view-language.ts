// The language a preview or print view shows: the one asked for when the questionnaire has it,
// else its default language.
import { isLanguage, type Language } from "../i18n/languages";

export function viewLanguage(
  asked: string | string[] | undefined,
  doc: { languages: Language[]; defaultLanguage: Language },
): Language {
  return typeof asked === "string" && isLanguage(asked) && doc.languages.includes(asked) ? asked : doc.defaultLanguage;
}
