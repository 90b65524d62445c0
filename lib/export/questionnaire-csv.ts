// A questionnaire as CSV for people who read it in a spreadsheet: one row per section, per question
// and per answer choice (under its question), a label and hint column per language. Texts follow
// the export rule (approved, or the chosen fallback, which a last column then names).
import type { Language } from "../i18n/languages";
import type { QuestionnaireDoc, TranslatedText } from "../questionnaires/model";
import { chooseCellText, isInUse } from "../questionnaires/text-choice";
import { relevanceToXpath } from "../xlsform/relevant";
import { translatedHeader } from "../xlsform/workbook";
import { toCsv } from "./csv";

export type CsvOptions = { languages: Language[]; fallback: Language | null };

export function questionnaireToCsv(doc: QuestionnaireDoc, { languages, fallback }: CsvOptions): Uint8Array {
  const withHints = doc.sections.some((s) => s.items.some((i) => isInUse(i.hint)));
  const columns = [
    "row_type",
    "section",
    "name",
    "type",
    "list_name",
    "choice",
    "required",
    "relevant",
    "constraint",
    ...languages.map((l) => translatedHeader("label", l)),
    ...(withHints ? languages.map((l) => translatedHeader("hint", l)) : []),
    ...(fallback ? ["filled_from_fallback"] : []),
  ];
  const records: Record<string, string>[] = [];
  const listByName = new Map(doc.choiceLists.map((l) => [l.name, l]));

  const texts = (record: Record<string, string>, base: string, field: TranslatedText) => {
    const filled = new Set((record.filled_from_fallback || "").split(" ").filter(Boolean));
    for (const lang of languages) {
      const chosen = chooseCellText(field, lang, fallback);
      record[translatedHeader(base, lang)] = chosen?.text ?? "";
      if (chosen?.fromFallback) filled.add(lang);
    }
    if (fallback) record.filled_from_fallback = [...filled].join(" ");
  };

  for (const section of doc.sections) {
    const sectionRow: Record<string, string> = {
      row_type: "section",
      section: section.name,
      name: section.name,
      relevant: relevanceToXpath(section.relevant),
    };
    texts(sectionRow, "label", section.title);
    records.push(sectionRow);
    for (const item of section.items) {
      const row: Record<string, string> = {
        row_type: "question",
        section: section.name,
        name: item.name,
        type: item.type,
        list_name: item.listName ?? "",
        required: item.required ? "yes" : "",
        relevant: relevanceToXpath(item.relevant),
        constraint: item.constraint ?? "",
      };
      texts(row, "label", item.label);
      if (withHints && isInUse(item.hint)) texts(row, "hint", item.hint);
      records.push(row);
      for (const choice of (item.listName && listByName.get(item.listName)?.choices) || []) {
        const choiceRow: Record<string, string> = {
          row_type: "choice",
          section: section.name,
          name: item.name,
          list_name: item.listName!,
          choice: choice.name,
        };
        texts(choiceRow, "label", choice.label);
        records.push(choiceRow);
      }
    }
  }
  return toCsv(columns, records);
}
