// The synthetic bank's texts (scripts/synthetic-texts.ts, used by generate-bank.ts for the
// benchmarks): seeded, and keeping the seed's hazard placeholders where the templates have them.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findHazardTokens, malformedHazardTokens, usesHazard } from "@/lib/hazards/placeholder";
import { LANGUAGES } from "@/lib/i18n/languages";
import { createRandom, pickWith, synthesize, wordPools, type SeedQuestion } from "@/scripts/synthetic-texts";

const dir = "prisma/seed/questions";
const seed: SeedQuestion[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, "utf8")).questions);
const pools = wordPools(seed);
const withHazard = seed.filter((q) => usesHazard(q.label.en) || usesHazard(q.hint?.en));

describe("the synthetic bank's texts", () => {
  it("has multi-hazard templates to draw from, and never draws a placeholder as a word", () => {
    expect(withHazard.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) expect(pools[lang].filter((w) => usesHazard(w))).toEqual([]);
  });

  it("keeps every placeholder of a template, as written, in every language", () => {
    const random = createRandom(7);
    for (const q of withHazard)
      for (const lang of LANGUAGES)
        for (let i = 0; i < 20; i++) {
          const text = synthesize(q.label[lang], pools[lang], random);
          expect(findHazardTokens(text), `${lang}: ${text}`).toEqual(findHazardTokens(q.label[lang]));
          expect(malformedHazardTokens(text)).toEqual([]);
        }
  });

  it("puts none into a template without one", () => {
    const random = createRandom(7);
    for (const q of seed.filter((s) => !usesHazard(s.label.en)).slice(0, 100))
      expect(usesHazard(synthesize(q.label.en, pools.en, random))).toBe(false);
  });

  it("draws the seed's share of multi-hazard questions, the same on every run", () => {
    const draw = () => {
      const pick = pickWith(createRandom(42));
      return Array.from({ length: 20_000 }, () => pick(seed));
    };
    const drawn = draw();
    expect(drawn.map((q) => q.label.en)).toEqual(draw().map((q) => q.label.en));
    const share = drawn.filter((q) => withHazard.includes(q)).length / drawn.length;
    const expected = withHazard.length / seed.length;
    expect(share).toBeGreaterThan(expected * 0.7);
    expect(share).toBeLessThan(expected * 1.3);
  });
});
