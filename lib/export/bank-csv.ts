// The bank (or a search result) as CSV: one row per question, then one per answer choice, with
// the label, hint and translation status in each language. Every text is exported with its
// status, so that a reader sees which translations are not yet approved.
import { LANGUAGES, type Language } from "../i18n/languages";
import { translatedHeader } from "../xlsform/workbook";
import { toCsv } from "./csv";

export type BankExportQuestion = {
  code: string;
  type: string;
  status: string;
  version: number;
  listName: string | null;
  constraint: string | null;
  indicators: string[];
  tags: string[];
  source: string | null;
  texts: Partial<Record<Language, { label: string; hint: string | null; status: string }>>;
  choices: { name: string; labels: Partial<Record<Language, string>> }[];
};

export function bankToCsv(questions: BankExportQuestion[], languages: readonly Language[] = LANGUAGES): Uint8Array {
  const columns = [
    "row_type",
    "code",
    "type",
    "status",
    "version",
    "list_name",
    "choice",
    "indicators",
    "tags",
    "source",
    "constraint",
    ...languages.map((l) => translatedHeader("label", l)),
    ...languages.map((l) => translatedHeader("hint", l)),
    ...languages.map((l) => `translation_status::${l}`),
  ];
  const records: Record<string, string | number>[] = [];
  for (const q of questions) {
    const row: Record<string, string | number> = {
      row_type: "question",
      code: q.code,
      type: q.type,
      status: q.status,
      version: q.version,
      list_name: q.listName ?? "",
      indicators: q.indicators.join(" "),
      tags: q.tags.join(" "),
      source: q.source ?? "",
      constraint: q.constraint ?? "",
    };
    for (const lang of languages) {
      row[translatedHeader("label", lang)] = q.texts[lang]?.label ?? "";
      row[translatedHeader("hint", lang)] = q.texts[lang]?.hint ?? "";
      row[`translation_status::${lang}`] = q.texts[lang]?.status ?? "missing";
    }
    records.push(row);
    for (const choice of q.choices) {
      const choiceRow: Record<string, string> = { row_type: "choice", code: q.code, list_name: q.listName ?? "", choice: choice.name };
      for (const lang of languages) choiceRow[translatedHeader("label", lang)] = choice.labels[lang] ?? "";
      records.push(choiceRow);
    }
  }
  return toCsv(columns, records);
}
