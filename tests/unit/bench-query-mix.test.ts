// The benchmark's realistic search mix (bench/query-mix.ts): what issue #17 asks of it, checked on
// the mix itself, so that a change to the seed or the generator cannot quietly shrink it.
import { describe, expect, it } from "vitest";
import { realisticMix } from "@/bench/query-mix";

describe("the realistic search mix", () => {
  const { queries, sequence, summary } = realisticMix();

  it("holds at least 500 distinct queries in the four languages, of one, two and three words", () => {
    expect(new Set(queries.map((q) => q.path)).size).toBe(queries.length);
    expect(queries.length).toBeGreaterThanOrEqual(500);
    for (const lang of ["en", "es", "fr", "ar", "any"]) expect(summary.byLanguage[lang]).toBeGreaterThan(20);
    for (const words of ["1", "2", "3"]) expect(summary.byWords[words]).toBeGreaterThan(50);
  });

  it("has typos, dropped accents, Arabic letter variants, facets, later pages, browsing and stop words", () => {
    for (const kind of ["typo", "accents dropped", "letter variants", "words + facet", "browse", "stop words"])
      expect(summary.byKind[kind], kind).toBeGreaterThan(0);
    expect(queries.some((q) => /[?&]page=[2-9]/.test(q.path))).toBe(true);
    expect(
      queries.filter((q) => q.kind === "letter variants").every((q) => !/[أإآةى]/.test(decodeURIComponent(q.path))),
    ).toBe(true);
  });

  it("asks a few queries often and most rarely (Zipf-like), the same way on every run", () => {
    expect(sequence).toHaveLength(summary.requests);
    const asked = new Map<string, number>();
    for (const p of sequence) asked.set(p, (asked.get(p) ?? 0) + 1);
    const counts = [...asked.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(counts[Math.floor(counts.length / 2)] * 20);
    expect(summary.topTenShare).toBeGreaterThan(0.2);
    expect(summary.topTenShare).toBeLessThan(0.6);
    expect(realisticMix().sequence).toEqual(sequence);
  });
});
