// The dictionary a column is encoded with (lib/results/code-table.ts) against a Map: the same code
// for every value, none for a value never added, across its growth and its probes.
import { describe, expect, it } from "vitest";
import { CodeTable } from "@/lib/results/code-table";
import { seededRandom } from "@/lib/results/synthetic";

describe("a column's code table", () => {
  it("finds each value's code as a Map does, as it grows, and none for values never added", () => {
    const random = seededRandom(1616);
    const values = [""];
    const table = new CodeTable(values);
    const map = new Map<string, number>([["", 0]]);
    const word = () =>
      Array.from({ length: Math.floor(random() * 6) }, () => "ab yé東😀_1"[Math.floor(random() * 10)]).join("");
    for (let i = 0; i < 70_000; i++) {
      const value = random() < 0.5 ? word() : String(Math.floor(random() * 40_000));
      const code = table.get(value);
      expect(code).toBe(map.get(value));
      if (code === undefined) map.set(value, table.add(value));
    }
    expect(values).toEqual([...map.keys()]);
    for (const [value, code] of map) expect(table.get(value)).toBe(code);
    for (const absent of ["absent", "40001", "zz", "東東東東東東東"]) expect(table.get(absent)).toBeUndefined();
    // Built over values already there (a column's first value, the blank answer, is code 0).
    expect(new CodeTable(["", "yes", "no"]).get("no")).toBe(2);
  });
});
