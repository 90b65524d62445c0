// A submissions export read whole into a table of text cells: for tests, small files and
// computeResults (an upload is read as a stream, read-stream.ts, and never held as a table).
// Same encodings, delimiters and refusals as the stream: it is the stream, collected.
import { CsvStreamParser } from "./csv-stream";
import { ResultsError } from "./errors";
import { readSubmissionsStream } from "./read-stream";

export type SubmissionsTable = { headers: string[]; rows: string[][] };
export type SubmissionsFormat = "kobo-xlsx" | "kobo-csv" | "odk-central-csv" | "xlsx" | "csv";

/** UTF-16 (either order) by its byte order mark, else UTF-8 (with or without one), else null. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // The decoder drops a UTF-8 byte order mark itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The header row's cells as columns are named: byte order mark and spaces around dropped. */
export const headerOf = (cells: readonly string[]) => cells.map((h) => h.replace(/^\uFEFF/, "").trim());

/** A header row's duplicate names are refused (an empty one is no column, never a duplicate). */
export function checkHeaders(headers: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of headers) {
    if (h === "") continue;
    if (seen.has(h)) throw new ResultsError("duplicateColumn", { row: 1, column: h });
    seen.add(h);
  }
}

export const isBlankRecord = (cells: readonly string[]) => !cells.some((c) => c.trim() !== "");

/** Headers then rows; the duplicate and empty checks the callers rely on. */
function toTable(records: string[][]): SubmissionsTable {
  const nonEmpty = records.filter((r) => !isBlankRecord(r));
  if (nonEmpty.length < 2) throw new ResultsError("empty");
  const [rawHeaders, ...rows] = nonEmpty;
  const headers = headerOf(rawHeaders);
  checkHeaders(headers);
  return { headers, rows };
}

export function parseSubmissionsCsv(text: string): SubmissionsTable {
  const clean = text.replace(/^\uFEFF/, "");
  if (clean.trim() === "") throw new ResultsError("empty");
  const records: string[][] = [];
  const parser = new CsvStreamParser((r) => records.push(r));
  parser.write(clean);
  parser.end();
  return toTable(records);
}

export function formatOf(headers: readonly string[], xlsx: boolean): SubmissionsFormat {
  if (!xlsx && headers.some((h) => h === "KEY" || h === "SubmissionDate" || h.startsWith("meta-")))
    return "odk-central-csv";
  const kobo = headers.some((h) => h === "_uuid" || h === "_submission_time" || h === "_id");
  return xlsx ? (kobo ? "kobo-xlsx" : "xlsx") : kobo ? "kobo-csv" : "csv";
}

export async function readSubmissionsFile(
  bytes: Uint8Array,
): Promise<SubmissionsTable & { format: SubmissionsFormat }> {
  const records: string[][] = [];
  const { xlsx } = await readSubmissionsStream([bytes], (r) => records.push(r));
  const table = toTable(records);
  return { ...table, format: formatOf(table.headers, xlsx) };
}
