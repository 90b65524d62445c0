// The texts of the synthetic bank (generate-bank.ts), pure and seeded so that two runs build the
// same bank. A synthetic label keeps a real label's sentence shape and swaps words for words of the
// same language, drawn with the seed's own frequencies. Hazard placeholders ([[hazard.of]]) are
// never swapped and never drawn as words: a synthetic question names the hazard exactly where its
// template does, so the bank holds the seed's share of multi-hazard questions (and the benchmarks
// go through the hazard code paths as often as the real bank makes them).
import { LANGUAGES, type Language } from "../lib/i18n/languages";
import { usesHazard } from "../lib/hazards/placeholder";

export type SeedQuestion = { label: Record<Language, string>; hint?: Record<Language, string>; type: string };

/** A small deterministic generator (a linear congruential one): the same seed, the same draws. */
export function createRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export const pickWith =
  (random: () => number) =>
  <T>(xs: T[]): T =>
    xs[Math.floor(random() * xs.length)];

const isWord = (w: string) => /\p{L}{3,}/u.test(w) && !usesHazard(w);

/** Word pools per language, each word as often as the seed uses it (so common words stay common). */
export function wordPools(questions: SeedQuestion[]): Record<Language, string[]> {
  const pools = Object.fromEntries(LANGUAGES.map((l) => [l, [] as string[]])) as Record<Language, string[]>;
  for (const q of questions)
    for (const l of LANGUAGES) pools[l].push(...(q.label[l] + " " + (q.hint?.[l] ?? "")).split(/\s+/).filter(isWord));
  return pools;
}

export function synthesize(template: string, pool: string[], random: () => number): string {
  const pick = pickWith(random);
  return template
    .split(/\s+/)
    .map((w) => (isWord(w) && random() < 0.45 ? pick(pool) : w))
    .join(" ");
}
