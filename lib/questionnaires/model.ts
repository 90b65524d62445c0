// A questionnaire as plain data, the way the readiness check, the export writers and the readable
// page see it: no database types, so that all of them stay pure and testable.
import type { Language, PartialLocalizedText } from "../i18n/languages";
import type { Relevance } from "./relevance-schema";
import type { QuestionType, TranslationState, Visibility } from "../vocabulary/enums";
import type { Hazard } from "../hazards/schema";

/** One text in one language, with the translation status that says whether it may go to the field. */
export type TextEntry = { text: string; status: TranslationState };
export type TranslatedText = Partial<Record<Language, TextEntry>>;

export type QuestionnaireChoice = { name: string; label: TranslatedText };
export type QuestionnaireChoiceList = { name: string; choices: QuestionnaireChoice[] };

export type QuestionnaireItemDoc = {
  /** XLSForm name of the item (the bank code unless renamed) */
  name: string;
  /** Bank code of the question behind the item */
  code: string;
  type: QuestionType;
  /** Choice list name, for select questions */
  listName: string | null;
  label: TranslatedText;
  hint: TranslatedText;
  required: boolean;
  /** Custom "answer needed" message; the export writes a standard one in each language when absent */
  requiredMessage: TranslatedText;
  relevant: Relevance | null;
  constraint: string | null;
  constraintMessage: TranslatedText;
};

export type QuestionnaireSectionDoc = {
  name: string;
  title: TranslatedText;
  relevant: Relevance | null;
  items: QuestionnaireItemDoc[];
};

export type QuestionnaireDoc = {
  id: string;
  slug: string | null;
  /** XLSForm form_id kept on every export; null: derived from the slug or id (build.ts formIdOf) */
  formId?: string | null;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  languages: Language[];
  defaultLanguage: Language;
  fallbackLanguage: Language | null;
  /**
   * The hazard written into the texts' [[hazard]] placeholders (hazard-text.ts did it); null or
   * absent: none chosen, and texts that use a placeholder still hold it (readiness refuses them)
   */
  hazard?: Hazard | null;
  visibility: Visibility;
  /** Changes whenever the questionnaire does (ODK needs a new version string for each upload) */
  version: string;
  sections: QuestionnaireSectionDoc[];
  /** Every list used by the questionnaire's select questions, once each */
  choiceLists: QuestionnaireChoiceList[];
};

/** Text written by the questionnaire's owner (titles, custom messages) counts as approved. */
export function ownerText(text: PartialLocalizedText | null | undefined): TranslatedText {
  const out: TranslatedText = {};
  for (const [lang, value] of Object.entries(text ?? {}) as [Language, string | undefined][]) {
    if (value && value.trim()) out[lang] = { text: value, status: "approved" };
  }
  return out;
}

export function allItems(doc: Pick<QuestionnaireDoc, "sections">): QuestionnaireItemDoc[] {
  return doc.sections.flatMap((s) => s.items);
}
