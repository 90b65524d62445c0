// A questionnaire text in one language for the preview and print views: the text written in that
// language whatever its translation status (the readiness check reports the status), else the
// default language's text, marked as missing.
import type { Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc, TranslatedText } from "@/lib/questionnaires/model";
import type { Relevance } from "@/lib/questionnaires/relevance-schema";
import type { RespondentTexts } from "./respondent-texts";

export type ShownText = { text: string; lang: Language; missing: boolean };

export function textIn(field: TranslatedText, lang: Language, fallback: Language): ShownText | null {
  const own = field[lang]?.text?.trim();
  if (own) return { text: field[lang]!.text, lang, missing: false };
  const other = field[fallback]?.text?.trim()
    ? fallback
    : (Object.keys(field) as Language[]).find((l) => field[l]?.text?.trim());
  return other ? { text: field[other]!.text, lang: other, missing: true } : null;
}

/** Skip logic in words, in the questionnaire's language: “Age” is at least “18”. */
export function relevanceInWords(
  relevance: Relevance,
  doc: QuestionnaireDoc,
  lang: Language,
  texts: RespondentTexts,
): string {
  const items = new Map(doc.sections.flatMap((s) => s.items).map((i) => [i.name, i]));
  const lists = new Map(doc.choiceLists.map((l) => [l.name, l]));
  return relevance.rules
    .map((rule) => {
      const item = items.get(rule.question);
      const question = (item && textIn(item.label, lang, doc.defaultLanguage)?.text) || rule.question;
      const choice = item?.listName
        ? lists.get(item.listName)?.choices.find((c) => c.name === String(rule.value))
        : undefined;
      const value = (choice && textIn(choice.label, lang, doc.defaultLanguage)?.text) || String(rule.value);
      return `“${question}” ${texts.ops[rule.operator]} “${value}”`;
    })
    .join(` ${relevance.combinator === "and" ? texts.and : texts.or} `);
}
