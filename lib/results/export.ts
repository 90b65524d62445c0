// A dataset's results as a file: CSV (the project's writer: UTF-8 with a byte order mark, every
// cell neutralised against formulas) or XLSX (exceljs, every cell text or a plain number). The
// column names are fixed, machine-readable words, the same in every interface language, so that
// scripts read the exports of every language alike.
import ExcelJS from "exceljs";
import { toCsv } from "../export/csv";
import { neutraliseCell } from "../export/spreadsheet-safety";
import type { DatasetResults } from "./view";

export const RESULTS_COLUMNS = [
  "dataset",
  "indicator",
  "indicator_name",
  "group",
  "weight",
  "estimate",
  "ci_lower",
  "ci_upper",
  "n",
  "count",
  "effective_n",
] as const;
type Record_ = Record<(typeof RESULTS_COLUMNS)[number], string | number | null>;

const round = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

export function resultsRecords(dataset: string, results: DatasetResults, nameOf: (code: string) => string): Record_[] {
  return results.indicators.flatMap(({ code, results: rows }) =>
    rows.map((r) => ({
      dataset,
      indicator: code,
      indicator_name: nameOf(code),
      group: r.group ?? "",
      weight: results.weight ?? "",
      estimate: round(r.estimate),
      ci_lower: round(r.interval?.lower),
      ci_upper: round(r.interval?.upper),
      n: r.n,
      count: r.count,
      effective_n: round(r.effectiveN),
    })),
  );
}

export function resultsCsv(records: Record_[]): Uint8Array {
  return toCsv([...RESULTS_COLUMNS], records);
}

export async function resultsXlsx(records: Record_[], { rtl }: { rtl: boolean }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("results", { views: [{ rightToLeft: rtl, state: "frozen", ySplit: 1 }] });
  sheet.addRow([...RESULTS_COLUMNS]);
  for (const r of records)
    sheet.addRow(RESULTS_COLUMNS.map((c) => (typeof r[c] === "string" ? neutraliseCell(r[c] as string) : r[c])));
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
