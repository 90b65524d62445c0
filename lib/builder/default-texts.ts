// Texts the builder writes into a questionnaire on the person's behalf (the first section's title,
// "Copy of …"), in each of the questionnaire's languages, from the interface's own translations.
import { createTranslator } from "next-intl";
import { LANGUAGES, type Language, type PartialLocalizedText } from "../i18n/languages";
import { MESSAGES } from "../http/messages";

function builderText(
  lang: Language,
  key: "defaultSectionTitle" | "copyOf",
  values: Record<string, string | number>,
): string {
  return createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: "builder.defaults" })(key, values);
}

/** "Section 2" in each language. */
export function defaultSectionTitle(languages: readonly Language[], number: number): PartialLocalizedText {
  return Object.fromEntries(languages.map((lang) => [lang, builderText(lang, "defaultSectionTitle", { number })]));
}

/** "Copy of <title>" in each language the title has. */
export function copyTitle(title: PartialLocalizedText): PartialLocalizedText {
  const out: PartialLocalizedText = {};
  for (const lang of LANGUAGES)
    if (title[lang]) out[lang] = builderText(lang, "copyOf", { title: title[lang]! }).slice(0, 200);
  return out;
}
