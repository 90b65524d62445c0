// The realistic search mix (issue #17): many distinct queries drawn from the bank's own vocabulary,
// asked with a Zipf-like repetition, as a search box in production sees them. The fixed mix of
// bench/queries.ts stays for the per-query and SQL measurements; this one measures the app under
// a load whose caches are not flattered by 22 queries asked again and again.
//   - words from the seed texts (which the synthetic bank draws its words from), per language,
//     ranked by frequency; a query's words are drawn with probability ∝ 1/rank (Zipf, s = 1)
//   - languages en 40%, es/fr/ar 20% each; 1, 2 or 3 words (55/30/15%); half restricted to their
//     language (`lang=`), half in any language
//   - variants: a typo (a letter dropped or two swapped, 10%), accents dropped (es/fr, 10%),
//     Arabic letter variants (أ/إ/آ → ا, ة → ه, ى → ي; 15% of Arabic queries), a few stop-word-only
//     queries (1%)
//   - facets on 20% (type, indicator, domain, tag, translation state), a later page on 10%, and
//     browsing without words (facets only) on 5%
// Then the requests: `requests` draws from the distinct queries, again ∝ 1/rank over a shuffled
// order, so a few queries are asked often and most rarely. Deterministic for a given seed.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

type Lang = "en" | "es" | "fr" | "ar";
export type MixQuery = { path: string; lang: Lang | "any"; words: number; kind: string };
export type MixSummary = {
  distinct: number;
  requests: number;
  byLanguage: Record<string, number>;
  byWords: Record<string, number>;
  byKind: Record<string, number>;
  /** share of the requests taken by the 10 most asked queries */
  topTenShare: number;
};

const LANGS: Lang[] = ["en", "es", "fr", "ar"];
// Asked in every bank's search box, kept out of the content-word ranking (they would top it).
const STOP: Record<Lang, string[]> = {
  en: ["the", "you", "your", "what", "and", "for", "are", "how", "this", "that", "with", "have", "does", "did"],
  es: ["que", "los", "las", "del", "por", "para", "con", "una", "usted", "cómo", "qué", "sus", "estamos"],
  fr: ["les", "des", "vous", "est", "que", "pour", "une", "avec", "dans", "votre", "vos", "qui", "sur"],
  ar: ["في", "من", "على", "هل", "ما", "أو", "إلى", "التي", "الذي", "عن", "مع"],
};
const FACETS = [
  "type=select_one",
  "type=select_multiple",
  "indicator=PER-03",
  "domain=KNW",
  "tag=vaccination",
  "translation=fr:missing",
  "translation=ar:approved",
];

function generator(seed: number) {
  let state = seed >>> 0;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  /** Index 0 … n-1 with probability ∝ 1/(index+1). */
  const zipf = (n: number) => {
    const harmonic = Array.from({ length: n }, (_, i) => 1 / (i + 1));
    const total = harmonic.reduce((a, b) => a + b, 0);
    return () => {
      let r = random() * total;
      for (let i = 0; i < n; i++) if ((r -= harmonic[i]) <= 0) return i;
      return n - 1;
    };
  };
  const chance = (p: number) => random() < p;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  return { random, zipf, chance, pick };
}

/** Content words per language, most frequent first, from the seed questions' labels. */
function vocabulary(): Record<Lang, string[]> {
  const dir = path.join(process.cwd(), "prisma", "seed", "questions");
  const counts = Object.fromEntries(LANGS.map((l) => [l, new Map<string, number>()])) as Record<
    Lang,
    Map<string, number>
  >;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const { questions } = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
      questions: { label: Partial<Record<Lang, string>> }[];
    };
    for (const q of questions)
      for (const lang of LANGS)
        for (const word of (q.label[lang] ?? "").toLocaleLowerCase(lang).match(/\p{L}+/gu) ?? [])
          if (word.length >= 3 && !STOP[lang].includes(word)) counts[lang].set(word, (counts[lang].get(word) ?? 0) + 1);
  }
  return Object.fromEntries(
    LANGS.map((l) => [
      l,
      [...counts[l].entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w),
    ]),
  ) as Record<Lang, string[]>;
}

const dropAccents = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");
const arabicVariants = (word: string) => word.replace(/[أإآ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي");
function typo(word: string, g: ReturnType<typeof generator>) {
  const letters = [...word];
  if (letters.length < 4) return word;
  const i = 1 + Math.floor(g.random() * (letters.length - 2));
  if (g.chance(0.5)) letters.splice(i, 1);
  else [letters[i], letters[i + 1]] = [letters[i + 1] ?? letters[i], letters[i]];
  return letters.join("");
}

export function realisticMix({ distinct = 600, requests = 6_000, seed = 17 } = {}): {
  queries: MixQuery[];
  sequence: string[];
  summary: MixSummary;
} {
  const g = generator(seed);
  const words = vocabulary();
  const rank = Object.fromEntries(LANGS.map((l) => [l, g.zipf(words[l].length)])) as Record<Lang, () => number>;
  const seen = new Set<string>();
  const queries: MixQuery[] = [];
  for (let attempt = 0; queries.length < distinct && attempt < distinct * 50; attempt++) {
    const params = new URLSearchParams();
    let kind = "words";
    let lang: Lang | "any" = "any";
    let count = 0;
    if (g.chance(0.05)) {
      kind = "browse";
      params.set(...(g.pick(FACETS).split("=") as [string, string]));
    } else {
      const language = g.random() < 0.4 ? "en" : g.pick(["es", "fr", "ar"] as const);
      count = g.random() < 0.55 ? 1 : g.random() < 0.67 ? 2 : 3;
      let picked = g.chance(0.01)
        ? STOP[language].slice(0, count)
        : Array.from({ length: count }, () => words[language][rank[language]()]);
      if (picked.every((w) => STOP[language].includes(w))) kind = "stop words";
      else if (g.chance(0.1)) {
        kind = "typo";
        picked = picked.map((w, i) => (i === 0 ? typo(w, g) : w));
      } else if (language !== "en" && language !== "ar" && g.chance(0.1)) {
        kind = "accents dropped";
        picked = picked.map(dropAccents);
      } else if (language === "ar" && g.chance(0.15)) {
        kind = "letter variants";
        picked = picked.map(arabicVariants);
      }
      params.set("q", picked.join(" "));
      if (g.chance(0.5)) {
        lang = language;
        params.set("lang", language);
      }
      if (g.chance(0.2)) {
        params.append(...(g.pick(FACETS).split("=") as [string, string]));
        if (kind === "words") kind = "words + facet";
      }
      if (g.chance(0.1)) params.set("page", String(2 + Math.floor(g.random() * 4)));
    }
    const url = `/api/v1/questions?${params.toString()}`;
    if (seen.has(url)) continue;
    seen.add(url);
    queries.push({ path: url, lang, words: count, kind });
  }
  // Popularity: a shuffled order, then ∝ 1/rank over it.
  const order = queries.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(g.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const popular = g.zipf(queries.length);
  const asked = Array.from({ length: requests }, () => order[popular()]);
  const tally = (key: (q: MixQuery) => string) =>
    queries.reduce<Record<string, number>>((acc, q) => ({ ...acc, [key(q)]: (acc[key(q)] ?? 0) + 1 }), {});
  const perQuery = new Map<number, number>();
  for (const i of asked) perQuery.set(i, (perQuery.get(i) ?? 0) + 1);
  const topTen = [...perQuery.values()].sort((a, b) => b - a).slice(0, 10);
  return {
    queries,
    sequence: asked.map((i) => queries[i].path),
    summary: {
      distinct: queries.length,
      requests,
      byLanguage: tally((q) => q.lang),
      byWords: tally((q) => String(q.words)),
      byKind: tally((q) => q.kind),
      topTenShare: Math.round((topTen.reduce((a, b) => a + b, 0) / requests) * 1000) / 1000,
    },
  };
}
