// Words the export itself writes into a form, shown to enumerators and respondents in the field
// (not interface strings: they travel inside the file, in the form's languages).
import { LANGUAGE_NAMES, type Language } from "../i18n/languages";

/** Written as required_message where a required question has no message of its own. */
export const DEFAULT_REQUIRED_MESSAGE: Record<Language, string> = {
  en: "This question needs an answer.",
  es: "Esta pregunta necesita una respuesta.",
  fr: "Cette question demande une réponse.",
  ar: "يجب الإجابة عن هذا السؤال.",
};

/** Appended to the form title when missing or unapproved translations were filled from another language. */
export function fallbackNote(formLanguage: Language, fallback: Language): string {
  const name = LANGUAGE_NAMES[fallback];
  switch (formLanguage) {
    case "es":
      return `(traducciones faltantes en ${name})`;
    case "fr":
      return `(traductions manquantes en ${name})`;
    case "ar":
      return `(الترجمات الناقصة معروضة بلغة ${name})`;
    default:
      return `(missing translations shown in ${name})`;
  }
}
