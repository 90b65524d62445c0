// The column store of uploaded submissions (lib/results/column-store.ts): every kept column reads
// back exactly as written (trimmed), across chunk boundaries; a column of many numbers turns into
// numbers, one of many texts is dropped, a question's column never is; the page offers numeric
// columns as weights and columns of few values as groupings, never Kobo's own metadata.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHUNK_ROWS,
  ColumnEncoder,
  decodeColumn,
  MAX_DISTINCT,
  numbersOf,
  usableColumns,
  type ColumnData,
} from "@/lib/results/column-store";
import { encodeTable } from "@/lib/results/ingest";

function roundTrip(cells: string[], keep = false) {
  const encoder = new ColumnEncoder("c", keep);
  for (const cell of cells) encoder.push(cell);
  const column = encoder.finish();
  return { column, data: decodeColumn(column, encoder.chunks, cells.length) };
}

const textOf = (data: ColumnData, i: number) =>
  data.kind === "codes" ? data.values[data.codes[i]] : Number.isNaN(data.numbers[i]) ? "" : String(data.numbers[i]);

describe("the results column store", () => {
  it("reads back every cell of a column of few values, across chunks, trimmed", () => {
    const cells = Array.from({ length: CHUNK_ROWS * 2 + 17 }, (_, i) => [" yes", "no ", "", "dont_know"][i % 4]);
    const { column, data } = roundTrip(cells);
    expect(column.kind).toBe("codes");
    expect(data!.kind).toBe("codes");
    cells.forEach((c, i) => expect(textOf(data!, i)).toBe(c.trim()));
  });

  it("round-trips any column of strings", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b b", " c", "", "1.5", "ä"), { maxLength: 300 }), (cells) => {
        const { data } = roundTrip(cells);
        cells.forEach((c, i) => expect(textOf(data!, i)).toBe(c.trim()));
      }),
    );
  });

  it("keeps a column of many distinct numbers as numbers, from the first row on", () => {
    const cells = Array.from({ length: CHUNK_ROWS + MAX_DISTINCT * 2 }, (_, i) => (i % 7 === 0 ? "" : String(i / 4)));
    const { column, data } = roundTrip(cells);
    expect(column.kind).toBe("numbers");
    const numbers = numbersOf(data!);
    cells.forEach((c, i) => (c === "" ? expect(numbers[i]).toBeNaN() : expect(numbers[i]).toBe(Number(c))));
  });

  it("drops a column of many distinct texts (free text, _uuid), but never a question's", () => {
    const cells = Array.from({ length: MAX_DISTINCT + 10 }, (_, i) => `uuid-${i}`);
    expect(roundTrip(cells).column.kind).toBe("dropped");
    expect(roundTrip(cells).data).toBeNull();
    const kept = roundTrip(cells, true);
    expect(kept.column.kind).toBe("codes");
    cells.forEach((c, i) => expect(textOf(kept.data!, i)).toBe(c));
  });

  it("calls the check once per distinct value, not once per cell", () => {
    const seen: string[] = [];
    const encoder = new ColumnEncoder("q", true, (v) => seen.push(v));
    for (let i = 0; i < 1000; i++) encoder.push(["yes", "no", "yes "][i % 3]);
    expect(seen).toEqual(["yes", "no"]);
  });

  it("offers numeric columns as weights and columns of few values as groups, never Kobo's metadata", () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `u-${i}`,
      String(1 + (i % 3) / 2),
      ["north", "south"][i % 2],
      `free text ${i}`,
      String(i),
      "2026-01-01",
    ]);
    const encoded = encodeTable(["_uuid", "weight", "region", "comment", "_id", "start"], rows);
    expect(usableColumns(encoded.columns)).toEqual({ weights: ["weight"], groups: ["weight", "region"] });
  });
});
