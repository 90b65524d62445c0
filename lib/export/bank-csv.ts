// The bank (or a search result) as CSV: one row per question, then one per answer choice, with
// the label, hint and translation status in each language. Every text is exported with its
// status, so that a reader sees which translations are not yet approved.
import { LANGUAGES, type Language } from "../i18n/languages";
import { translatedHeader } from "../xlsform/workbook";
import { csvStream, toCsv } from "./csv";

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

function bankColumns(languages: readonly Language[]): string[] {
  return [
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
}

function bankRecords(
  questions: BankExportQuestion[],
  languages: readonly Language[],
): Record<string, string | number>[] {
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
      const choiceRow: Record<string, string> = {
        row_type: "choice",
        code: q.code,
        list_name: q.listName ?? "",
        choice: choice.name,
      };
      for (const lang of languages) choiceRow[translatedHeader("label", lang)] = choice.labels[lang] ?? "";
      records.push(choiceRow);
    }
  }
  return records;
}

export function bankToCsv(questions: BankExportQuestion[], languages: readonly Language[] = LANGUAGES): Uint8Array {
  return toCsv(bankColumns(languages), bankRecords(questions, languages));
}

/** The same CSV, streamed from batches of questions as they are read. */
export function bankCsvStream(
  batches: AsyncIterable<BankExportQuestion[]>,
  languages: readonly Language[] = LANGUAGES,
): ReadableStream<Uint8Array> {
  async function* records() {
    for await (const batch of batches) yield bankRecords(batch, languages);
  }
  return csvStream(bankColumns(languages), records());
}
