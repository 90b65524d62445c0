// The streaming CSV parser of submissions files (lib/results/csv-stream.ts): whatever the chunks a
// file arrives in, its records are those csv-parse reads from the whole text (quoted fields,
// doubled quotes, line breaks inside quotes, CRLF, blank lines); broken quoting is refused with
// the line it is on.
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvStreamParser } from "@/lib/results/csv-stream";

function streamed(text: string, cuts: number[]): string[][] {
  const records: string[][] = [];
  const parser = new CsvStreamParser((r) => records.push(r));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.write(text.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  parser.write(text.slice(at));
  parser.end();
  return records;
}

const field = fc.oneof(
  fc.constantFrom("", "yes", "no", "a b", "é", "عربي", "1.5"),
  fc
    .string({ unit: fc.constantFrom("a", ";", '"', "\n", "\r\n", " "), maxLength: 6 })
    .map((s) => `"${s.replace(/"/g, '""')}"`),
);

describe("the streaming CSV parser of submissions", () => {
  it("reads what csv-parse reads from the whole text, in any chunks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (rows, eol, cuts) => {
          const text = ["q1;q2;q3", ...rows.map((r) => r.join(";"))].join(eol) + eol;
          const expected = parse(text, { delimiter: ";", relax_column_count: true, skip_empty_lines: true });
          expect(streamed(text, cuts)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("skips blank lines, reads a last line without a break, and takes the header's delimiter", () => {
    expect(streamed("a,b\n\n1,2\r\n\r\n3,4", [3, 5])).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(streamed("a\tb\n1\t2;3\n", [])).toEqual([
      ["a", "b"],
      ["1", "2;3"],
    ]);
  });

  it("refuses a quote left open and a quoted field followed by text, naming the line", () => {
    expect(() => streamed('a;b\n1;"2\n', [])).toThrow(
      expect.objectContaining({ code: "unreadable", details: { row: 2 } }),
    );
    expect(() => streamed('a;b\n1;2\n"3"x;4\n', [9])).toThrow(
      expect.objectContaining({ code: "unreadable", details: { row: 3 } }),
    );
  });
});
