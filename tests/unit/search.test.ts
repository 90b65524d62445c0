import { describe, expect, it } from "vitest";
import { filterSizesQuery, postingsWalkPaysOff, singleLexemes } from "@/lib/search/ranking";
import {
  correctQuery,
  exactCountsQuery,
  pageQuery,
  planSearch,
  sampledCountsQuery,
  storedCountsQuery,
  visibleStatuses,
} from "@/lib/search/query";
import { roundEstimate } from "@/lib/search/counts";
import { facetFilters, parseSearchParams, searchParamsSchema, searchQueryString } from "@/lib/search/schema";
import { searchHref } from "@/components/search/search-url";
import { normalizeText, queryWords } from "@/lib/search/normalize";
import { highlightSegments } from "@/lib/search/highlight";

const parse = (qs: string) => {
  const r = parseSearchParams(new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.params;
};

describe("search parameters", () => {
  it("applies defaults, trims, treats empty fields as absent and upper-cases framework codes", () => {
    expect(parse("q=%20vaccine%20&lang=&indicator=per-03")).toMatchObject({
      q: "vaccine",
      lang: undefined,
      indicator: "PER-03",
      page: 1,
      pageSize: 20,
    });
  });
  it("names every bad or repeated parameter", () => {
    const r = parseSearchParams(new URLSearchParams("page=abc&pageSize=0&lang=xx&tag=A B&page=2&translation=fr:gone"));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => `${p.param}:${p.code}`).sort()).toEqual([
        "lang:invalid",
        "page:repeated",
        "pageSize:invalid",
        "tag:invalid",
        "translation:invalid",
      ]);
  });
  it("turns filters into facet values and back into a short query string", () => {
    const p = parse("indicator=PER-03&translation=ar:approved&tag=vaccination&page=2");
    expect(facetFilters(p)).toEqual(["indicator:PER-03", "tag:vaccination", "tr:ar:approved"]);
    expect(searchQueryString(p)).toBe("indicator=PER-03&tag=vaccination&translation=ar%3Aapproved&page=2");
  });
});

describe("query building", () => {
  it("passes what was typed as a parameter, never inside the SQL", () => {
    const evil = "'; DROP TABLE question; --";
    const plan = planSearch(parse(`q=${encodeURIComponent(evil)}`));
    for (const q of [pageQuery(plan, { page: 1, pageSize: 20 }), exactCountsQuery(plan), sampledCountsQuery(plan, 5)]) {
      expect(q.text).not.toContain("DROP");
      expect(q.values).toContain(evil);
    }
  });
  it("ORs one indexed match per language, or uses the chosen language only", () => {
    expect(exactCountsQuery(planSearch(parse("q=x"))).text).toMatch(
      /s\.en @@ .* OR s\.es @@ .* OR s\.fr @@ .* OR s\.ar @@/,
    );
    const fr = exactCountsQuery(planSearch(parse("q=x&lang=fr"))).text;
    expect(fr).toContain("s.fr @@ qb_search_query('fr'");
    expect(fr).not.toContain("s.en");
  });
  it("ranks every match by relevance (no candidate cap), and orders by code without words", () => {
    const ranked = pageQuery(planSearch(parse("q=x y")), { page: 1, pageSize: 20 });
    expect(ranked.text).toMatch(
      /WITH c AS \(SELECT .* FROM question_search s WHERE .*\), r AS \(SELECT .*ts_rank.*WITH TIES/,
    );
    expect(ranked.text).not.toMatch(/WHERE .*LIMIT \$\d+\), r AS/);
    expect(ranked.text).toMatch(/ORDER BY r\.score DESC, q\.code ASC/);
    expect(pageQuery(planSearch(parse("q=x y")), { page: 60, pageSize: 20 }).values).toContain(1200);
    expect(pageQuery(planSearch(parse("")), { page: 1, pageSize: 20 }).text).toContain("ORDER BY q.code ASC");
  });
  it("reads a one-lexeme query's best matches from the postings, in score order, per language", () => {
    const plan = planSearch(parse("q=vaccines&type=text"));
    const lexemes = { en: "vaccin", es: "vaccin", fr: "vaccin", ar: null };
    const page = pageQuery(plan, { page: 3, pageSize: 20 }, lexemes);
    // One ordered, limited walk per language that has a lexeme (none for ar: a stop word there).
    expect(page.text.match(/ORDER BY p\.score DESC, p\.code ASC LIMIT/g)).toHaveLength(3);
    expect(page.text).not.toContain("p.lang = 'ar'");
    expect(page.text).toContain("s.facets @>");
    // Deep enough for the page asked (offset 40 + 20), merged at each question's best score.
    expect(page.values).toContain(60);
    expect(page.text).toMatch(/max\(c\.score\) AS score .*ORDER BY score DESC, c\.code ASC LIMIT/);
    // Lowest relevance first cannot be read from the index in tie-break order: full ranking.
    expect(pageQuery(plan, { page: 1, pageSize: 20, dir: "asc" }, lexemes).text).toContain("ts_rank");
  });
  it("reads one-lexeme languages from the postings and scores the others' matches, per language, in one merge", () => {
    // "sûr autre": a stop word and a word in French, two words elsewhere.
    const plan = planSearch(parse("q=s%C3%BBr+autre"));
    const page = pageQuery(plan, { page: 2, pageSize: 20 }, { en: false, es: false, fr: "autr", ar: null });
    expect(page.text.match(/FROM search_posting p/g)).toHaveLength(1);
    expect(page.text).toContain("p.lang = 'fr'");
    // Each two-word language ranks its own matches with its own ts_rank, best `depth` with ties.
    for (const l of ["en", "es"]) {
      expect(page.text).toContain(`ts_rank(s.${l}, qb_search_query('${l}', `);
      expect(page.text).toContain(`s.${l} @@ qb_search_query('${l}', `);
    }
    expect(page.text).not.toContain("s.ar");
    expect(page.text.match(/FETCH FIRST \$\d+ ROWS WITH TIES/g)).toHaveLength(2);
    expect(page.text).not.toContain("greatest(");
    expect(page.values).toContain(40);
    expect(page.values).toContain("sûr autre");
    expect(page.text).toMatch(/max\(c\.score\) AS score .*ORDER BY score DESC, c\.code ASC LIMIT/);
  });
  it("walks the postings under a filter only when the filter is common enough for the walk to be short", () => {
    // 100,000 visible questions, page 1 (depth 20): a walk reads about 20 × 100,000 / rarest postings.
    expect(postingsWalkPaysOff({ depth: 20, bank: 100_000, rarest: 30_000, walks: 4 })).toBe(true);
    expect(postingsWalkPaysOff({ depth: 20, bank: 100_000, rarest: 1_520, walks: 4 })).toBe(false);
    expect(postingsWalkPaysOff({ depth: 20, bank: 100_000, rarest: 1_520, walks: 1 })).toBe(false);
    expect(postingsWalkPaysOff({ depth: 20, bank: 100_000, rarest: 0, walks: 1 })).toBe(false);
    // Deeper pages walk further.
    expect(postingsWalkPaysOff({ depth: 20, bank: 100_000, rarest: 10_000, walks: 1 })).toBe(true);
    expect(postingsWalkPaysOff({ depth: 2_000, bank: 100_000, rarest: 10_000, walks: 1 })).toBe(false);
    const sizes = filterSizesQuery(planSearch(parse("q=vaccine&tag=vaccination&type=text")));
    expect(sizes.text).toMatch(/AS bank, .*min\(.*unnest\(\$2::text\[\]\) AS f\)::int AS rarest/);
    expect(sizes.values).toEqual([["published"], ["type:text", "tag:vaccination"]]);
  });
  it("tells a one-lexeme tsquery from any other, reading tsquery quoting", () => {
    expect(
      singleLexemes([
        { lang: "en", tsquery: "'vaccin'" },
        { lang: "ar", tsquery: "" },
        { lang: "fr", tsquery: "'l''enfant'" },
      ]),
    ).toEqual({ en: "vaccin", ar: null, fr: "l'enfant" });
    expect(singleLexemes([{ lang: "en", tsquery: "'vaccin' & 'child'" }])).toEqual({ en: false });
    expect(singleLexemes([{ lang: "en", tsquery: "'vaccin' <-> 'child'" }])).toEqual({ en: false });
    expect(singleLexemes([{ lang: "en", tsquery: "!'vaccin'" }])).toEqual({ en: false });
    expect(singleLexemes([{ lang: "en", tsquery: "'vaccin' | 'vaccin'" }])).toEqual({ en: false });
    // One lexeme repeated is that lexeme (ts_rank scores a conjunction's distinct lexemes).
    expect(singleLexemes([{ lang: "en", tsquery: "'health' & 'health' & 'health'" }])).toEqual({ en: "health" });
    expect(singleLexemes([{ lang: "fr", tsquery: "'l''enfant' & 'l''enfant'" }])).toEqual({ fr: "l'enfant" });
  });
  it("reads counts from the counter table for the unfiltered bank, and counts or samples matches otherwise", () => {
    expect(storedCountsQuery(planSearch(parse(""))).text).toContain("search_facet_count");
    expect(exactCountsQuery(planSearch(parse("type=text"))).text).toContain("unnest(m.facets)");
    const sampled = sampledCountsQuery(planSearch(parse("q=x")), 5);
    expect(sampled.text).toMatch(/TABLESAMPLE SYSTEM \(\$\d+::float4\) REPEATABLE/);
    expect(sampled.values).toContain(5);
  });
  it("rounds estimates to two significant figures, never to zero", () => {
    expect([
      roundEstimate(0.4),
      roundEstimate(57.4),
      roundEstimate(45693),
      roundEstimate(10921),
      roundEstimate(1049),
    ]).toEqual([1, 57, 46000, 11000, 1000]);
  });
  it("shows drafts to curators only and retired questions only on request", () => {
    expect(visibleStatuses(undefined, false)).toEqual(["published"]);
    expect(visibleStatuses(undefined, true)).toEqual(["draft", "published"]);
    expect(visibleStatuses("draft", false)).toEqual([]);
    expect(visibleStatuses("retired", false)).toEqual(["retired"]);
  });
  it("never shows a rejected or merged draft to the public, even when asked for", () => {
    expect(visibleStatuses("rejected", false)).toEqual([]);
    expect(visibleStatuses("merged", false)).toEqual([]);
    expect(visibleStatuses("rejected", true)).toEqual(["rejected"]);
    expect(visibleStatuses(undefined, true)).not.toContain("merged");
  });
  it("replaces misspelt words and keeps the rest as typed", () => {
    expect(correctQuery("Vacine hesitancy", new Map([["vacine", "vaccine"]]))).toBe("vaccine hesitancy");
  });
});

describe("normalisation and highlighting", () => {
  it("folds accents, case and Arabic letter variants like the database does", () => {
    expect(normalizeText("Médico ÉPIDÉMIE")).toBe("medico epidemie");
    expect(normalizeText("أسرتك إلى آخر")).toBe("اسرتك الي اخر");
    expect(normalizeText("الصحّـةُ")).toBe("الصحه");
    expect(queryWords('"hand washing" or -soap Vacuna')).toEqual(["hand", "washing", "vacuna"]);
  });
  it("marks the words that match, whatever their accents or endings, as ranges of the original text", () => {
    const segments = highlightSegments("Êtes-vous vacciné contre l'épidémie ?", ["vaccin", "epidemie"]);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["vacciné", "épidémie"]);
    expect(segments.map((s) => s.text).join("")).toBe("Êtes-vous vacciné contre l'épidémie ?");
    expect(
      highlightSegments("هل تلقيت اللقاحات؟", ["لقاح"])
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(["اللقاحات"]);
    // Markup in user text stays text: only the word is marked, the angle brackets are plain segments.
    const markup = highlightSegments("<b>vaccine</b>", ["vaccine"]);
    expect(markup.filter((s) => s.match).map((s) => s.text)).toEqual(["vaccine"]);
    expect(markup.map((s) => s.text).join("")).toBe("<b>vaccine</b>");
  });
});

describe("search links", () => {
  const state = { params: searchParamsSchema.parse({ q: "vaccine", type: "select_one" }), cols: "code,type" };

  it("a filter list's 'Show all' link names that list and keeps the search as it is", () => {
    expect(searchHref(state, { more: "tag" })).toBe("/search?q=vaccine&type=select_one&cols=code%2Ctype&more=tag");
  });

  it("'Show fewer' leads back to the list unfolded", () => {
    expect(searchHref(state, { open: "tag" })).toBe("/search?q=vaccine&type=select_one&cols=code%2Ctype&open=tag");
  });

  it("every other change leaves 'more' out, so a list shown whole does not stick to the search", () => {
    expect(searchHref(state, { tag: "hygiene" })).toBe(
      "/search?q=vaccine&type=select_one&tag=hygiene&cols=code%2Ctype",
    );
    expect(searchHref(state, { page: 2 })).toBe("/search?q=vaccine&type=select_one&page=2&cols=code%2Ctype");
  });
});
