// CSV bytes from records: UTF-8 with a byte-order mark (without it Excel reads Arabic as mojibake),
// CRLF line ends, quoting done by csv-stringify, and every cell neutralised against formulas.
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./spreadsheet-safety";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

type CsvRecord = Record<string, string | number | null | undefined>;

// csv-stringify quotes only the record delimiter itself (CRLF); a bare LF or CR inside a label
// must be quoted too, or Excel starts a new row there.
const OPTIONS = { record_delimiter: "windows", quoted_match: /[\r\n]|^\s|\s$/ } as const;

const cells = (columns: string[], record: CsvRecord) =>
  columns.map((column) => neutraliseCell(String(record[column] ?? "")));

export function toCsv(columns: string[], records: CsvRecord[]): Uint8Array {
  const text = stringify([columns.map(neutraliseCell), ...records.map((r) => cells(columns, r))], {
    ...OPTIONS,
    bom: true,
  });
  return new TextEncoder().encode(text);
}

/**
 * The same CSV written batch by batch as the batches arrive, so that a file of any length is sent
 * without holding it in memory. A failure while reading ends the stream with an error (the download
 * fails visibly) rather than with a shorter file that looks complete.
 */
export function csvStream(columns: string[], batches: AsyncIterable<CsvRecord[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(stringify([columns.map(neutraliseCell)], { ...OPTIONS, bom: true })));
        return;
      }
      try {
        // Skip empty batches: a pull that enqueues nothing is not called again.
        for (;;) {
          const next = await iterator.next();
          if (next.done) return controller.close();
          if (next.value.length)
            return controller.enqueue(
              encoder.encode(
                stringify(
                  next.value.map((r) => cells(columns, r)),
                  OPTIONS,
                ),
              ),
            );
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
