// The fixed mix of searches every benchmark runs (bench/run.ts over HTTP and in SQL, bench/search.ts
// in-process): in each of the four languages a common word, a rare word, a misspelt word (typo
// correction) and a word with facet filters, plus browsing without words. Words are taken from the
// seed texts, which the synthetic bank (scripts/generate-bank.ts) draws its words from, so that
// "common" and "rare" stay so at every size.
export type BenchQuery = {
  name: string;
  lang: "en" | "es" | "fr" | "ar" | "any";
  kind: "browse" | "common" | "rare" | "typo" | "facets";
  query: string;
};

const ar = (word: string) => encodeURIComponent(word);

export const QUERIES: BenchQuery[] = [
  { name: "browse the bank (no words)", lang: "any", kind: "browse", query: "" },
  { name: "browse, indicator + type facets", lang: "any", kind: "facets", query: "indicator=PER-03&type=select_one" },
  { name: "common word, any language", lang: "any", kind: "common", query: "q=vaccine" },
  { name: "common word, any language, by code", lang: "any", kind: "common", query: "q=trust&sort=code" },
  { name: "ar with hamza, any language", lang: "any", kind: "common", query: `q=${ar("أسرتك")}` },

  { name: "en common: health", lang: "en", kind: "common", query: "q=health&lang=en" },
  { name: "en common: health, page 5", lang: "en", kind: "common", query: "q=health&lang=en&page=5" },
  { name: "en rare: volunteer", lang: "en", kind: "rare", query: "q=volunteer&lang=en" },
  { name: "en typo: vacine", lang: "en", kind: "typo", query: "q=vacine&lang=en" },
  {
    name: "en word + type, translation facets",
    lang: "en",
    kind: "facets",
    query: "q=vaccine&lang=en&type=select_one&translation=fr:missing",
  },

  { name: "es common: salud", lang: "es", kind: "common", query: "q=salud&lang=es" },
  { name: "es rare: voluntario", lang: "es", kind: "rare", query: "q=voluntario&lang=es" },
  { name: "es typo: enfremedad", lang: "es", kind: "typo", query: "q=enfremedad&lang=es" },
  { name: "es word + indicator facet", lang: "es", kind: "facets", query: "q=brote&lang=es&indicator=PER-03" },

  { name: "fr common: santé", lang: "fr", kind: "common", query: "q=sant%C3%A9&lang=fr" },
  { name: "fr rare: volontaire", lang: "fr", kind: "rare", query: "q=volontaire&lang=fr" },
  { name: "fr typo: personnne", lang: "fr", kind: "typo", query: "q=personnne&lang=fr" },
  { name: "fr word + tag facet", lang: "fr", kind: "facets", query: "q=personnes&lang=fr&tag=vaccination" },

  { name: "ar common: لقاح", lang: "ar", kind: "common", query: `q=${ar("لقاح")}&lang=ar` },
  { name: "ar rare: مزمنة", lang: "ar", kind: "rare", query: `q=${ar("مزمنة")}&lang=ar` },
  { name: "ar typo: المعلومت", lang: "ar", kind: "typo", query: `q=${ar("المعلومت")}&lang=ar` },
  { name: "ar word + domain facet", lang: "ar", kind: "facets", query: `q=${ar("المرض")}&lang=ar&domain=KNW` },
];
