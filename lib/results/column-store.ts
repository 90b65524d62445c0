// How a dataset's submissions are kept: column by column, dictionary-encoded, in chunks of
// CHUNK_ROWS rows, rather than as every cell of every row (README, "Results from collected data").
// Results only ever need a few columns at once (an indicator's key and universe questions, the
// weight, the grouping), answers repeat a handful of values, and so a 50,000-row export stores as a
// few megabytes that the page reads column by column. What is kept, per column of the file:
//   - "codes": up to MAX_DISTINCT distinct (trimmed) values, each row an 8- or 16-bit code into them
//     (code 0 is always the blank answer). Every select question, region, district, sex…
//   - "numbers": a column with more distinct values than that, all of them numbers: each row a
//     64-bit float (NaN when blank or not a number). Weights, ages, _id.
//   - "dropped": a column with more distinct values than that which are not all numbers (free text,
//     _uuid, timestamps): its header stays, its cells are not kept. No result reads them.
// A matched question's column is never dropped: it keeps its codes up to 65,535 distinct values.
// A chunk of codes is one byte a row when the column has at most 256 values, else two; chunks are
// big-endian (DataView), the order SQL's int2send/float8send write. Pure.

import { CodeTable } from "./code-table";
import { ResultsError } from "./errors";

export const CHUNK_ROWS = 8192;
/** Distinct values a column may have and still be kept as codes (and offered as a grouping) */
export const MAX_DISTINCT = 2000;
const MAX_CODES = 65_535;

export type StoredColumn =
  /** width: bytes a row (1, or 2 big-endian; absent: 2) */
  | { header: string; kind: "codes"; values: string[]; width?: 1 | 2 }
  | { header: string; kind: "numbers" }
  | { header: string; kind: "dropped" };

/** One column read back: codes into its values, or numbers. */
export type ColumnData =
  { kind: "codes"; values: string[]; codes: Uint16Array } | { kind: "numbers"; numbers: Float64Array };

const isNumber = (v: string) => v !== "" && Number.isFinite(Number(v));

/** Encodes one column as its cells arrive; chunks are finished every CHUNK_ROWS rows. */
export class ColumnEncoder {
  kind: "codes" | "numbers" | "dropped" = "codes";
  readonly values: string[] = [""];
  /** Each value's code, while the column is codes */
  private dictionary: CodeTable | null = new CodeTable(this.values);
  private allNumbers = true;
  private codes: Uint16Array | null = new Uint16Array(CHUNK_ROWS);
  private numbers: Float64Array | null = null;
  private filled = 0;
  /** Finished chunks: codes until finish() encodes them (their width known only then), or numbers' bytes */
  private codeChunks: Uint16Array[] = [];
  /** Finished chunks, encoded (after finish()) */
  readonly chunks: Uint8Array[] = [];

  /**
   * @param keep a matched select question's column: never dropped, always codes
   * @param onNewValue called once per distinct value while the column is codes (may throw: the
   *   upload's checks of answers against the choices, once per value rather than once per cell)
   */
  constructor(
    readonly header: string,
    private readonly keep = false,
    private readonly onNewValue?: (value: string) => void,
  ) {}

  push(raw: string | undefined): void {
    if (this.kind === "dropped") return;
    const value = (raw ?? "").trim();
    if (this.kind === "codes") {
      let code = this.dictionary!.get(value);
      if (code === undefined) {
        this.onNewValue?.(value);
        if (this.allNumbers && !isNumber(value)) this.allNumbers = false;
        if (this.values.length >= (this.keep ? MAX_CODES : MAX_DISTINCT + 1)) {
          this.overflow();
          return this.push(value);
        }
        // A copy of its own: a slice would keep the whole chunk of text it was cut from alive.
        code = this.dictionary!.add(Buffer.from(value, "utf8").toString("utf8"));
      }
      this.codes![this.filled] = code;
    } else this.numbers![this.filled] = value === "" ? NaN : Number(value);
    if (++this.filled === CHUNK_ROWS) this.finishChunk();
  }

  /** Too many distinct values: numbers if they all were, else the column is not kept. */
  private overflow(): void {
    if (this.keep) throw new ResultsError("unreadable", { column: this.header, reason: "tooManyAnswers" });
    const numeric = this.allNumbers;
    const toNumber = this.values.map((v) => (v === "" ? NaN : Number(v)));
    this.dictionary = null;
    if (!numeric) {
      this.kind = "dropped";
      this.codeChunks = [];
      this.codes = null;
      this.values.length = 0;
      return;
    }
    this.kind = "numbers";
    // The chunks written so far, from codes to the numbers they stand for.
    for (const codes of this.codeChunks) this.chunks.push(numbersBytes(Float64Array.from(codes, (c) => toNumber[c])));
    this.codeChunks = [];
    const current = new Float64Array(CHUNK_ROWS);
    for (let i = 0; i < this.filled; i++) current[i] = toNumber[this.codes![i]];
    this.numbers = current;
    this.codes = null;
    this.values.length = 0;
  }

  private finishChunk(): void {
    if (this.kind === "codes") {
      this.codeChunks.push(this.filled === CHUNK_ROWS ? this.codes! : this.codes!.slice(0, this.filled));
      this.codes = new Uint16Array(CHUNK_ROWS);
    } else if (this.kind === "numbers") this.chunks.push(numbersBytes(this.numbers!.subarray(0, this.filled)));
    this.filled = 0;
  }

  /** The last, partial chunk; the column's description. */
  finish(): StoredColumn {
    if (this.filled > 0) this.finishChunk();
    this.codes = null;
    this.numbers = null;
    if (this.kind !== "codes") return { header: this.header, kind: this.kind };
    // One byte a row when the codes fit (most columns: a question's few answers), else two.
    const width = this.values.length <= 256 ? 1 : 2;
    for (const codes of this.codeChunks) this.chunks.push(width === 1 ? Uint8Array.from(codes) : codesBytes(codes));
    this.codeChunks = [];
    return { header: this.header, kind: "codes", values: this.values, width };
  }
}

export function codesBytes(codes: Uint16Array): Uint8Array {
  const out = new Uint8Array(codes.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < codes.length; i++) view.setUint16(i * 2, codes[i], false);
  return out;
}

export function numbersBytes(numbers: Float64Array): Uint8Array {
  const out = new Uint8Array(numbers.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < numbers.length; i++) view.setFloat64(i * 8, numbers[i], false);
  return out;
}

/** A column's chunks (in order) back into one array of its rows. */
export function decodeColumn(column: StoredColumn, chunks: readonly Uint8Array[], rowCount: number): ColumnData | null {
  if (column.kind === "dropped") return null;
  if (column.kind === "codes") {
    const codes = new Uint16Array(rowCount);
    let at = 0;
    if (column.width === 1) {
      for (const chunk of chunks) {
        codes.set(chunk.subarray(0, Math.max(0, rowCount - at)), at);
        at += chunk.byteLength;
      }
      return { kind: "codes", values: column.values, codes };
    }
    for (const chunk of chunks) {
      const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let i = 0; i + 1 < chunk.byteLength && at < rowCount; i += 2) codes[at++] = view.getUint16(i, false);
    }
    return { kind: "codes", values: column.values, codes };
  }
  const numbers = new Float64Array(rowCount).fill(NaN);
  let at = 0;
  for (const chunk of chunks) {
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let i = 0; i + 7 < chunk.byteLength && at < rowCount; i += 8) numbers[at++] = view.getFloat64(i, false);
  }
  return { kind: "numbers", numbers };
}

/** A column as weights: each row's number (NaN when it has none). */
export function numbersOf(column: ColumnData): Float64Array {
  if (column.kind === "numbers") return column.numbers;
  const table = column.values.map((v) => (v === "" ? NaN : Number(v)));
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = table[column.codes[i]];
  return out;
}

/** Columns a person may weight by (every value a number) and group by (a bounded number of values). */
export const GROUP_MAX_VALUES = 50;

/** Kobo's and ODK Central's own bookkeeping columns: never a weight or a grouping. */
const META =
  /^(_|meta[-/.]|KEY$|SubmissionDate$|SubmitterID$|SubmitterName$|AttachmentsPresent$|AttachmentsExpected$|Status$|ReviewState$|DeviceID$|Edits$|FormVersion$|instanceID$|start$|end$|today$|deviceid$)/;

export function usableColumns(columns: readonly StoredColumn[]): { weights: string[]; groups: string[] } {
  const weights: string[] = [];
  const groups: string[] = [];
  for (const c of columns) {
    if (!c.header || META.test(c.header) || c.kind === "dropped") continue;
    const answers = c.kind === "codes" ? c.values.filter((v) => v !== "") : [];
    if (c.kind === "numbers" || (answers.length > 0 && answers.every(isNumber))) weights.push(c.header);
    if (c.kind === "codes" && answers.length >= 1 && answers.length <= GROUP_MAX_VALUES) groups.push(c.header);
  }
  return { weights, groups };
}
