// Relevance over every match (issue #17): the page the app returns must be exactly the page of the
// full ranking, every match scored with ts_rank (greatest over languages, ties by code), whether
// the app read it from the postings (one lexeme) or scored every match (several words).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { searchQuestions } from "@/lib/search/data";
import { parseSearchParams, type SearchParams } from "@/lib/search/schema";
import { LANGUAGES } from "@/lib/i18n/languages";

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.params;
}

/** The exact ranking, written independently of lib/search: every published match scored. */
async function exactPage(q: string, lang: string | null, page: number, filter = "") {
  const db = await getDb();
  const langs = lang ? [lang] : [...LANGUAGES];
  const rank = langs.map((l) => `coalesce(ts_rank(s.${l}, qb_search_query('${l}', $1)), 0)`).join(", ");
  const match = langs.map((l) => `s.${l} @@ qb_search_query('${l}', $1)`).join(" OR ");
  const rows = await db.$queryRawUnsafe<{ code: string; score: number }[]>(
    `SELECT q.code, greatest(${rank}, 0)::float4 AS score FROM question_search s JOIN question q ON q.id = s."questionId"
     WHERE s.status = 'published' AND (${match}) ${filter} ORDER BY 2 DESC, q.code ASC LIMIT 20 OFFSET ${(page - 1) * 20}`,
    q,
  );
  return rows;
}

const CASES: [string, string | null][] = [
  // common words, each language, alone and across languages
  ["vaccine", "en"],
  ["health", "en"],
  ["vaccine", null],
  ["salud", "es"],
  ["vacuna", null],
  ["santé", "fr"],
  ["vaccin", "fr"],
  ["لقاح", "ar"],
  ["الصحة", null],
  // rare words
  ["volunteer", "en"],
  ["voluntario", "es"],
  ["volontaire", "fr"],
  ["مزمنة", "ar"],
  // several words, a phrase, "or"
  ["vaccine child", "en"],
  ["salud pública", "es"],
  ["vaccin enfant", "fr"],
  ["لقاح الأطفال", "ar"],
  ['"your household"', "en"],
  ["vaccine or trust", null],
  // one lexeme in some languages, several in others ("sûr" is a French stop word), a word repeated
  ["sûr autre", null],
  ["health during health", "en"],
  ["vaccine health vaccine", null],
];

describe("relevance ranks every match", () => {
  it("returns exactly the full ranking's pages 1 and 2 for common, rare and multi-word queries in four languages", async () => {
    let compared = 0;
    for (const [q, lang] of CASES) {
      for (const page of [1, 2]) {
        const exact = await exactPage(q, lang, page);
        const got = await searchQuestions(
          params(`q=${encodeURIComponent(q)}${lang ? `&lang=${lang}` : ""}&page=${page}`),
          { counts: false },
        );
        expect(
          got.items.map((i) => i.code),
          `${q} (${lang ?? "any"}) page ${page}`,
        ).toEqual(exact.map((r) => r.code));
        expect(got.items.map((i) => i.score)).toEqual(exact.map((r) => r.score));
        compared += exact.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("keeps the exact ranking with a facet filter", async () => {
    const exact = await exactPage("vaccine", "en", 1, `AND s.facets @> ARRAY['type:select_one']`);
    expect(exact.length).toBeGreaterThan(0);
    const got = await searchQuestions(params("q=vaccine&lang=en&type=select_one"), { counts: false });
    expect(got.items.map((i) => i.code)).toEqual(exact.map((r) => r.code));
  });

  it("keeps the exact ranking with a rare filter, where every match is scored instead of walking the postings", async () => {
    for (const [q, lang] of [
      ["vaccine", "en"],
      ["vaccine", null],
      ["vaccine child", null],
    ] as const) {
      const exact = await exactPage(q, lang, 1, `AND s.facets @> ARRAY['tag:vaccination']`);
      expect(exact.length, q).toBeGreaterThan(0);
      const got = await searchQuestions(params(`q=${q}${lang ? `&lang=${lang}` : ""}&tag=vaccination`), {
        counts: false,
      });
      expect(
        got.items.map((i) => i.code),
        q,
      ).toEqual(exact.map((r) => r.code));
    }
  });

  it("keeps the postings in step with edits: a retired question leaves the public ranking", async () => {
    const db = await getDb();
    const [top] = (await searchQuestions(params("q=vaccine&lang=en"), { counts: false })).items;
    const rows = await db.$queryRawUnsafe<{ status: string; n: number }[]>(
      `SELECT p.status::text AS status, count(*)::int AS n FROM search_posting p JOIN question q ON q.id = p."questionId" WHERE q.code = $1 GROUP BY 1`,
      top.code,
    );
    expect(rows).toEqual([{ status: "published", n: expect.any(Number) }]);
    expect(rows[0].n).toBeGreaterThan(4);
  });
});

describe("a query of stop words only", () => {
  it("says why nothing can be found, in the result and the public API", async () => {
    for (const query of ["q=what&lang=en", "q=Estamos&lang=es", "q=what", "q=the+of&lang=en"]) {
      const result = await searchQuestions(params(query));
      expect(result.total, query).toBe(0);
      expect(result.stopWordsOnly, query).toBe(true);
    }
    const { GET } = await import("@/app/api/v1/questions/route");
    const body = await (await GET(new Request("http://127.0.0.1/api/v1/questions?q=Estamos&lang=es"))).json();
    expect(body).toMatchObject({ total: 0, items: [], stopWordsOnly: true });
    // Words that simply match nothing, or stop words beside a real word, are not flagged.
    expect((await searchQuestions(params("q=zzqxw&lang=en"))).stopWordsOnly).toBeUndefined();
    const mixed = await searchQuestions(params("q=what+vaccine&lang=en"));
    expect(mixed.total).toBeGreaterThan(0);
    expect(mixed.stopWordsOnly).toBeUndefined();
  });
});
