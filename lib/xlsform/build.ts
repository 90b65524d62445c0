// Questionnaire → XLSForm tables (survey, choices, settings). Pure: the .xlsx bytes are written
// by write-xlsx.ts. Every translated column is written for the same languages, choice lists once
// each, sections as groups, and the skip logic as `relevant` expressions.
import type { Language } from "../i18n/languages";
import type { QuestionnaireDoc, QuestionnaireItemDoc, TranslatedText } from "../questionnaires/model";
import { chooseCellText, isInUse } from "../questionnaires/text-choice";
import { DEFAULT_REQUIRED_MESSAGE, fallbackNote } from "./field-texts";
import { relevanceToXpath } from "./relevant";
import { languageString, translatedHeader, type Sheet, type SheetRow, type XlsformWorkbook } from "./workbook";

export type BuildOptions = { languages: Language[]; fallback: Language | null };
export type BuiltXlsform = { workbook: XlsformWorkbook; filledFromFallback: number };

export function formIdOf(doc: Pick<QuestionnaireDoc, "slug" | "id" | "formId">): string {
  if (doc.formId) return doc.formId;
  return doc.slug ? doc.slug.replace(/-/g, "_") : `questionnaire_${doc.id}`;
}

function itemType(item: QuestionnaireItemDoc): string {
  return item.type === "select_one" || item.type === "select_multiple" ? `${item.type} ${item.listName}` : item.type;
}

export function buildXlsform(doc: QuestionnaireDoc, { languages, fallback }: BuildOptions): BuiltXlsform {
  let filledFromFallback = 0;
  const text = (field: TranslatedText, lang: Language): string => {
    const chosen = chooseCellText(field, lang, fallback);
    if (chosen?.fromFallback) filledFromFallback++;
    return chosen?.text ?? "";
  };
  const translated = (base: string, field: TranslatedText, cells: Record<string, string>) => {
    for (const lang of languages) cells[translatedHeader(base, lang)] = text(field, lang);
  };

  const items = doc.sections.flatMap((s) => s.items);
  const withHints = items.some((i) => isInUse(i.hint));
  const withRequired = items.some((i) => i.required);
  const withConstraint = items.some((i) => i.constraint);
  const withConstraintMessage = items.some((i) => i.constraint && isInUse(i.constraintMessage));
  const withRelevant = items.some((i) => i.relevant) || doc.sections.some((s) => s.relevant);
  const cols = (base: string) => languages.map((l) => translatedHeader(base, l));

  const surveyHeaders = [
    "type",
    "name",
    ...cols("label"),
    ...(withHints ? cols("hint") : []),
    ...(withRequired ? ["required", ...cols("required_message")] : []),
    ...(withRelevant ? ["relevant"] : []),
    ...(withConstraint ? ["constraint"] : []),
    ...(withConstraintMessage ? cols("constraint_message") : []),
  ];
  const surveyRows: Record<string, string>[] = [];
  for (const section of doc.sections) {
    const group: Record<string, string> = {
      type: "begin_group",
      name: section.name,
      relevant: relevanceToXpath(section.relevant),
    };
    translated("label", section.title, group);
    surveyRows.push(group);
    for (const item of section.items) {
      const row: Record<string, string> = { type: itemType(item), name: item.name };
      translated("label", item.label, row);
      if (isInUse(item.hint)) translated("hint", item.hint, row);
      if (item.required && item.type !== "note") {
        row.required = "yes";
        const message = isInUse(item.requiredMessage) ? item.requiredMessage : defaultRequiredMessage();
        translated("required_message", message, row);
      }
      row.relevant = relevanceToXpath(item.relevant);
      if (item.constraint) {
        row.constraint = item.constraint;
        if (isInUse(item.constraintMessage)) translated("constraint_message", item.constraintMessage, row);
      }
      surveyRows.push(row);
    }
    surveyRows.push({ type: "end_group" });
  }

  const usedLists = new Set(items.map((i) => i.listName).filter(Boolean));
  const choiceRows: Record<string, string>[] = [];
  for (const list of doc.choiceLists.filter((l) => usedLists.has(l.name))) {
    for (const choice of list.choices) {
      const row: Record<string, string> = { list_name: list.name, name: choice.name };
      translated("label", choice.label, row);
      choiceRows.push(row);
    }
  }

  const titleLanguage = languages.includes(doc.defaultLanguage) ? doc.defaultLanguage : languages[0];
  const baseTitle =
    doc.title[titleLanguage]?.trim() || Object.values(doc.title).find((t) => t?.trim()) || formIdOf(doc);
  const settingsRow = {
    form_title:
      filledFromFallback > 0 && fallback ? `${baseTitle} ${fallbackNote(titleLanguage, fallback)}` : baseTitle,
    form_id: formIdOf(doc),
    version: doc.version,
    default_language: languageString(titleLanguage),
  };

  const sheet = (name: string, headers: string[], rows: Record<string, string>[]): Sheet => ({
    name,
    headers,
    rows: rows.map((cells, i): SheetRow => ({
      row: i + 2,
      cells: Object.fromEntries(headers.map((h) => [h, cells[h] ?? ""])),
    })),
  });
  return {
    workbook: {
      sheets: [
        sheet("survey", surveyHeaders, surveyRows),
        sheet("choices", ["list_name", "name", ...cols("label")], choiceRows),
        sheet("settings", Object.keys(settingsRow), [settingsRow]),
      ],
    },
    filledFromFallback,
  };
}

function defaultRequiredMessage(): TranslatedText {
  return Object.fromEntries(
    Object.entries(DEFAULT_REQUIRED_MESSAGE).map(([lang, text]) => [lang, { text, status: "approved" }]),
  );
}
