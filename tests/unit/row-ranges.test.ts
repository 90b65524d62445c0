import { describe, expect, it } from "vitest";
import { rowRanges } from "@/lib/translations/row-ranges";

describe("rowRanges", () => {
  it("names every row, runs of rows as ranges, in order and once", () => {
    expect(rowRanges([])).toBe("");
    expect(rowRanges([7])).toBe("7");
    expect(rowRanges([12, 3, 8, 9, 10, 5, 11, 7, 3])).toBe("3, 5, 7–12");
  });
});
