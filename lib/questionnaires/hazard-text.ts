// The questionnaire's hazard written into its texts, once, where the plain QuestionnaireDoc is
// made (data.ts): the preview, the print view, the codebook and every export read the same words.
// Which texts still hold a placeholder is what the readiness check asks. Pure.
import type { Language, PartialLocalizedText } from "../i18n/languages";
import { findHazardTokens, malformedHazardTokens, renderHazard } from "../hazards/placeholder";
import type { Hazard } from "../hazards/schema";
import { allItems, type QuestionnaireDoc, type TranslatedText } from "./model";

function renderTranslated(text: TranslatedText, hazard: Hazard): TranslatedText {
  const out: TranslatedText = {};
  for (const [lang, entry] of Object.entries(text) as [Language, TranslatedText[Language]][])
    if (entry) out[lang] = { ...entry, text: renderHazard(entry.text, hazard.names, lang) };
  return out;
}

function renderPlain(text: PartialLocalizedText, hazard: Hazard): PartialLocalizedText {
  const out: PartialLocalizedText = {};
  for (const [lang, value] of Object.entries(text) as [Language, string | undefined][])
    if (value !== undefined) out[lang] = renderHazard(value, hazard.names, lang);
  return out;
}

/** The questionnaire with `hazard` written into every text, in each text's own language. */
export function writeHazardIn(doc: QuestionnaireDoc, hazard: Hazard | null): QuestionnaireDoc {
  if (!hazard) return { ...doc, hazard: null };
  const t = (text: TranslatedText) => renderTranslated(text, hazard);
  return {
    ...doc,
    hazard,
    title: renderPlain(doc.title, hazard),
    description: renderPlain(doc.description, hazard),
    sections: doc.sections.map((section) => ({
      ...section,
      title: t(section.title),
      items: section.items.map((item) => ({
        ...item,
        label: t(item.label),
        hint: t(item.hint),
        requiredMessage: t(item.requiredMessage),
        constraintMessage: t(item.constraintMessage),
      })),
    })),
    choiceLists: doc.choiceLists.map((list) => ({
      ...list,
      choices: list.choices.map((choice) => ({ ...choice, label: t(choice.label) })),
    })),
  };
}

export type HazardPlaceholders = {
  /** Items (XLSForm names) whose texts in the exported languages still hold a placeholder */
  items: string[];
  /** Placeholders no hazard can fill ([[hazard.off]]), by item */
  malformed: { item: string; token: string }[];
};

/** What is left of the placeholders in the texts of `languages` (after writeHazardIn, if a hazard was chosen). */
export function hazardPlaceholders(doc: QuestionnaireDoc, languages: Language[]): HazardPlaceholders {
  const lists = new Map(doc.choiceLists.map((l) => [l.name, l]));
  const items: string[] = [];
  const malformed: HazardPlaceholders["malformed"] = [];
  for (const item of allItems(doc)) {
    const texts = [item.label, item.hint, item.requiredMessage, item.constraintMessage];
    const list = item.listName ? lists.get(item.listName) : undefined;
    for (const choice of list?.choices ?? []) texts.push(choice.label);
    const words = texts.flatMap((text) => languages.map((lang) => text[lang]?.text ?? ""));
    if (words.some((w) => findHazardTokens(w).length > 0)) items.push(item.name);
    for (const token of new Set(words.flatMap(malformedHazardTokens))) malformed.push({ item: item.name, token });
  }
  return { items, malformed };
}
