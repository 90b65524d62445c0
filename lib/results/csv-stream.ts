// A streaming CSV parser for submissions exports: text in, one record at a time out, nothing kept
// but the unfinished record at the end of a chunk. RFC 4180 (fields quoted with `"`, `""` inside
// them, line breaks inside quoted fields; records end at LF or CRLF); the delimiter is the one the
// header line holds most of (`;` `,` tab). Blank lines are skipped. It scans with indexOf rather
// than character by character: measured on a 63 MB KoboToolbox export (50,000 rows × 150
// columns), csv-parse's streaming parser took 2.5 s, this a fraction of it (bench/README.md).
// A quote inside an unquoted field is kept as text; a quoted field followed by anything but a
// delimiter or a line break is refused, as is a record longer than MAX_RECORD_CHARS. Pure.
import { ResultsError } from "./errors";

/** A single record (a row of answers) longer than this is no submissions export. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** The header line says the delimiter: whichever of `;` `,` tab it holds most. */
export function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  return [";", "\t", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvStreamParser {
  private rest = "";
  private delimiter: string | null = null;
  /** The line the pending record starts on (1-based) */
  private line = 1;

  constructor(private readonly onRecord: (cells: string[]) => void) {}

  write(text: string): void {
    this.parse(this.rest ? this.rest + text : text, false);
  }

  end(): void {
    this.parse(this.rest, true);
    this.rest = "";
  }

  private unreadable(line: number): ResultsError {
    return new ResultsError("unreadable", { row: line });
  }

  /** Keeps the unfinished record for the next chunk. */
  private wait(buf: string, start: number): void {
    this.rest = start === 0 ? buf : buf.slice(start);
    if (this.rest.length > MAX_RECORD_CHARS) throw this.unreadable(this.line);
  }

  private parse(buf: string, end: boolean): void {
    if (this.delimiter === null) {
      const nl = buf.indexOf("\n");
      if (nl < 0 && !end) return this.wait(buf, 0);
      this.delimiter = delimiterOf(nl < 0 ? buf : buf.slice(0, nl));
    }
    const d = this.delimiter;
    const dc = d.charCodeAt(0);
    const n = buf.length;
    let pos = 0;
    let nextNl = buf.indexOf("\n");
    let nextDelim = buf.indexOf(d);
    while (pos < n) {
      const start = pos;
      const cells: string[] = [];
      let breaks = 0;
      for (;;) {
        if (buf.charCodeAt(pos) === QUOTE) {
          let value = "";
          let p = pos + 1;
          for (;;) {
            const q = buf.indexOf('"', p);
            // The closing quote, or a doubled one, may be in the next chunk.
            if (q < 0 || (q + 1 >= n && !end)) {
              if (end) throw this.unreadable(this.line);
              return this.wait(buf, start);
            }
            if (buf.charCodeAt(q + 1) === QUOTE) {
              value += buf.slice(p, q + 1);
              p = q + 2;
              continue;
            }
            value += buf.slice(p, q);
            p = q + 1;
            break;
          }
          for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) breaks++;
          cells.push(value);
          const c = buf.charCodeAt(p);
          if (c === dc) {
            pos = p + 1;
            continue;
          }
          if (p >= n || c === LF) pos = p + 1;
          else if (c === CR && p + 1 < n && buf.charCodeAt(p + 1) === LF) pos = p + 2;
          else if (c === CR && p + 1 >= n && !end) return this.wait(buf, start);
          else throw this.unreadable(this.line + breaks);
          // Line breaks inside quoted fields moved the scan past the cached positions.
          if (nextNl >= 0 && nextNl < pos) nextNl = buf.indexOf("\n", pos);
          if (nextDelim >= 0 && nextDelim < pos) nextDelim = buf.indexOf(d, pos);
          break;
        }
        if (nextDelim >= 0 && nextDelim < pos) nextDelim = buf.indexOf(d, pos);
        if (nextNl >= 0 && nextNl < pos) nextNl = buf.indexOf("\n", pos);
        if (nextNl < 0 && !end) return this.wait(buf, start);
        const nl = nextNl < 0 ? n : nextNl;
        if (nextDelim >= 0 && nextDelim < nl) {
          cells.push(buf.slice(pos, nextDelim));
          pos = nextDelim + 1;
          continue;
        }
        const stop = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        cells.push(buf.slice(pos, stop));
        pos = nl + 1;
        break;
      }
      const line = this.line;
      this.line += 1 + breaks;
      if (cells.length === 1 && cells[0] === "") continue;
      try {
        this.onRecord(cells);
      } catch (error) {
        // The rest is never read: a refusal stops the file where it is.
        this.rest = "";
        if (error instanceof ResultsError && error.code === "unreadable" && error.details.row === undefined)
          throw new ResultsError("unreadable", { ...error.details, row: line });
        throw error;
      }
    }
    this.rest = "";
  }
}
