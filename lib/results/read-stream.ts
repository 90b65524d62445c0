// An uploaded submissions export read as it arrives, record by record, never held whole as a
// table: KoboToolbox writes .xlsx or CSV (`;` or `,`), ODK Central CSV (`,`), Excel re-saves CSV as
// UTF-16 ("Unicode text", tab-separated). The encoding is read from the byte order mark, else the
// bytes must be valid UTF-8 (checked as they stream: a file in another encoding is refused rather
// than read as mojibake). CSV is csv-stream.ts's parser, fed text as it is decoded. An .xlsx
// cannot be read before its end (its zip directory is at the end): it is spooled to a private
// temporary file as it arrives (spool.ts, counted against the same limit, removed whatever
// happens), passes the zip checks, and its first sheet is read from there row by row (read-xlsx.ts).
import { CsvStreamParser } from "./csv-stream";
import { ResultsError } from "./errors";
import { RESULTS_MAX_BYTES, RESULTS_MAX_MEGABYTES } from "./limits";
import { readXlsxFile } from "./read-xlsx";
import { withSpooledFile } from "./spool";

/** A record of the file, with the line it ends on (1-based, as a spreadsheet numbers rows). */
export type RecordSink = (cells: string[]) => void;

function tooLarge(): ResultsError {
  return new ResultsError("fileTooLarge", { limit: RESULTS_MAX_MEGABYTES });
}

/** The chunks of a body, refused as soon as they pass the limit (the rest is never read). */
async function* limited(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limit: number,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge();
    if (chunk.byteLength) yield chunk;
  }
}

const concat = (chunks: Uint8Array[]) => Buffer.concat(chunks);

/** Text of the bytes, by encoding: the byte order mark says UTF-16; else UTF-8, checked as it comes. */
function decoderOf(head: Uint8Array): { skip: number; next(chunk: Uint8Array, end?: boolean): string } {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const bom = utf16 ? 2 : head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const decoder = utf16
    ? new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be")
    : new TextDecoder("utf-8", { fatal: true });
  return {
    skip: bom,
    next(chunk, end) {
      try {
        return decoder.decode(chunk, { stream: !end });
      } catch {
        throw new ResultsError("encoding");
      }
    },
  };
}

/**
 * Reads a submissions file from its chunks, handing each record (cells as written) to `sink`;
 * says whether it was a workbook. Refusals: empty, encoding, unreadable (with the line),
 * fileTooLarge; whatever the sink throws stops the reading.
 */
export async function readSubmissionsStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  sink: RecordSink,
  limit = RESULTS_MAX_BYTES,
): Promise<{ xlsx: boolean; bytes: number }> {
  const iterator = limited(source, limit);
  // The rest of the chunks, after the head (a plain iterable: leaving a loop early must not end it).
  const chunks = { [Symbol.asyncIterator]: () => iterator };
  const head: Uint8Array[] = [];
  let total = 0;
  // Enough bytes to tell a workbook and a byte order mark.
  while (total < 4) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    total += next.value.byteLength;
  }
  if (total === 0) throw new ResultsError("empty");
  const first = concat(head);
  if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04) {
    async function* whole() {
      yield first;
      yield* chunks;
    }
    const bytes = await withSpooledFile(whole(), async (path, bytes) => {
      await readXlsxFile(path, sink);
      return bytes;
    });
    return { xlsx: true, bytes };
  }
  const text = decoderOf(first);
  const csv = new CsvStreamParser(sink);
  csv.write(text.next(first.subarray(text.skip)));
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    csv.write(text.next(chunk));
  }
  csv.write(text.next(new Uint8Array(), true));
  csv.end();
  return { xlsx: false, bytes: total };
}
