// CSV bytes from records: UTF-8 with a byte-order mark (without it Excel reads Arabic as mojibake),
// CRLF line ends, quoting done by csv-stringify, and every cell neutralised against formulas.
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./spreadsheet-safety";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export function toCsv(columns: string[], records: Record<string, string | number | null | undefined>[]): Uint8Array {
  const rows = records.map((record) => columns.map((column) => neutraliseCell(String(record[column] ?? ""))));
  // csv-stringify quotes only the record delimiter itself (CRLF); a bare LF or CR inside a label
  // must be quoted too, or Excel starts a new row there.
  const text = stringify([columns.map(neutraliseCell), ...rows], { bom: true, record_delimiter: "windows", quoted_match: /[\r\n]|^\s|\s$/ });
  return new TextEncoder().encode(text);
}
