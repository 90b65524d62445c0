// Choosing which wording of an item the builder shows: the questionnaire's own, else the bank's.
import { pickText, type Language, type PartialLocalizedText } from "@/lib/i18n/languages";
import type { BuilderItem, BuilderQuestionnaire } from "@/lib/builder/data";
import type { OutlineSection } from "@/lib/builder/skip-logic";

export function bankText(field: BuilderItem["label"]): PartialLocalizedText {
  return Object.fromEntries(Object.entries(field).map(([lang, entry]) => [lang, entry?.text ?? ""]));
}

export function itemLabel(item: BuilderItem, locale: Language): { text: string; lang: Language } | null {
  return pickText(item.customText?.label ?? bankText(item.label), locale) ?? pickText(bankText(item.label), locale);
}

export function outlineOf(q: BuilderQuestionnaire): OutlineSection[] {
  return q.sections.map((s) => ({
    name: s.name,
    relevant: s.relevant,
    items: s.items.map((i) => ({
      name: i.name,
      type: i.type,
      choices: i.choices.length ? i.choices.map((c) => c.name) : null,
      relevant: i.relevant,
    })),
  }));
}
