import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc } from "@/lib/questionnaires/model";
import type { Relevance } from "@/lib/questionnaires/relevance-schema";
import { pickField } from "./texts";

/**
 * Skip logic as a sentence in the interface language: "“Have you been vaccinated?” is “No”".
 * Questions and answers are named by their wording, not their codes.
 */
export async function RelevanceInWords({
  relevance,
  doc,
  locale,
}: {
  relevance: Relevance;
  doc: QuestionnaireDoc;
  locale: Language;
}) {
  const t = await getTranslations("templates");
  const items = new Map(doc.sections.flatMap((s) => s.items).map((i) => [i.name, i]));
  const lists = new Map(doc.choiceLists.map((l) => [l.name, l]));
  const parts = relevance.rules.map((rule) => {
    const item = items.get(rule.question);
    const question = (item && pickField(item.label, locale)?.text) || rule.question;
    const choice = item?.listName
      ? lists.get(item.listName)?.choices.find((c) => c.name === String(rule.value))
      : undefined;
    const value = (choice && pickField(choice.label, locale)?.text) || String(rule.value);
    return t(`rule.${rule.operator}`, { question, value });
  });
  return <>{parts.join(` ${t(relevance.combinator)} `)}</>;
}
