// Reading the questionnaire settings form (new questionnaire, settings) into plain data for zod.
import { isLanguage, LANGUAGES } from "../i18n/languages";

/** The settings form (new questionnaire, and settings of an existing one) as plain data. */
export function settingsFromForm(form: FormData) {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : undefined;
  };
  const perLanguage = (field: string) => Object.fromEntries(LANGUAGES.map((l) => [l, text(`${field}.${l}`) ?? ""]));
  const fallback = text("fallbackLanguage");
  return {
    title: perLanguage("title"),
    description: perLanguage("description"),
    languages: form.getAll("languages").filter((v): v is string => typeof v === "string"),
    defaultLanguage: text("defaultLanguage") ?? "",
    fallbackLanguage: fallback && isLanguage(fallback) ? fallback : null,
    formId: text("formId") ?? null,
    hazard: text("hazard") ?? undefined,
  };
}
