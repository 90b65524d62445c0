// Recall@20 of the search's first pages against the exact ranking (every match scored), on a
// realistic query mix drawn from the bank's own words (bench/README.md, "Relevance"):
//   DATABASE_URL=postgresql://…/bank node --import tsx bench/relevance.ts [--queries 600] [--mix realistic] [--out file.json]
// --mix realistic: the HTTP benchmark's mix instead (bench/query-mix.ts: its queries with words),
// with recall reported per kind of query (bench/search-profile.ts's groups).
// The mix: for each language, the label words ranked by frequency, drawn with a Zipf law (word of
// rank r with probability ∝ 1/r), as one-, two- and three-word queries, with or without the
// language, some with a facet, some misspelt (two letters swapped), accents dropped, Arabic hamza
// forms written plainly, some for page 2 or 3. Each query is searched through lib/search's own
// runSearch (counts off: the page only) and by an independent SQL that scores every match.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { LANGUAGES, type Language } from "../lib/i18n/languages";
import type { SqlQuery } from "../lib/search/query";
import { runSearch } from "../lib/search/run-search";
import { parseSearchParams } from "../lib/search/schema";
import { realisticMix } from "./query-mix";
import { groupsOf } from "./search-profile";
import { summarize } from "./stats";

let seed = 7;
const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;

function zipfPick<T>(ranked: T[]): T {
  const h = ranked.reduce((s, _, i) => s + 1 / (i + 1), 0);
  let x = random() * h;
  for (let i = 0; i < ranked.length; i++) if ((x -= 1 / (i + 1)) <= 0) return ranked[i];
  return ranked[ranked.length - 1];
}

const stripAccents = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "");
const plainArabic = (w: string) => w.replace(/[أإآ]/g, "ا").replace(/ة/g, "ه");
function typo(w: string) {
  if (w.length < 5) return w;
  const i = 1 + Math.floor(random() * (w.length - 3));
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}

type MixQuery = { kind: string; lang: Language | "any"; query: string; groups?: string[] };

export function buildMix(words: Record<Language, string[]>, size: number): MixQuery[] {
  const seen = new Set<string>();
  const out: MixQuery[] = [];
  const facets = ["type=select_one", "type=text", "translation=fr:missing", "tag=vaccination", "domain=KNW"];
  for (let guard = 0; out.length < size && guard < size * 50; guard++) {
    const lang = LANGUAGES[Math.floor(random() * LANGUAGES.length)];
    const n = random() < 0.6 ? 1 : random() < 0.7 ? 2 : 3;
    let terms = Array.from({ length: n }, () => zipfPick(words[lang]));
    let kind = `${n}-word`;
    const roll = random();
    let variant: ((w: string) => string) | null = null;
    if (roll < 0.08) {
      variant = typo;
      kind += " typo";
    } else if (roll < 0.16 && lang !== "ar" && terms.some((t) => stripAccents(t) !== t)) {
      variant = stripAccents;
      kind += " no accents";
    } else if (roll < 0.24 && lang === "ar" && terms.some((t) => plainArabic(t) !== t)) {
      variant = plainArabic;
      kind += " letter variants";
    }
    if (variant) terms = terms.map(variant);
    const p = new URLSearchParams({ q: terms.join(" ") });
    if (random() < 0.5) p.set("lang", lang);
    if (random() < 0.15) {
      p.set(...(zipfPick(facets).split("=") as [string, string]));
      kind += " facet";
    }
    if (random() < 0.1) {
      p.set("page", String(2 + Math.floor(random() * 2)));
      kind += " page 2+";
    }
    const query = p.toString();
    if (seen.has(query)) continue;
    seen.add(query);
    out.push({ kind, lang, query });
  }
  return out;
}

async function main() {
  const { values } = parseArgs({
    options: { queries: { type: "string" }, out: { type: "string" }, mix: { type: "string" } },
  });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const exec = async <T>(q: SqlQuery) => (await client.query(q.text, q.values as unknown[])).rows as T[];
  const words = {} as Record<Language, string[]>;
  for (const lang of LANGUAGES) {
    const rows = await exec<{ w: string }>({
      text: `SELECT w, count(*) FROM question_text t, regexp_split_to_table(lower(t.label), '[^[:alpha:]]+') w
             WHERE t.lang = $1 AND length(w) >= 3 GROUP BY w ORDER BY count(*) DESC, w LIMIT 400`,
      values: [lang],
    });
    words[lang] = rows.map((r) => r.w);
  }
  const mix: MixQuery[] =
    values.mix === "realistic"
      ? realisticMix()
          .queries.filter((q) => q.kind !== "browse")
          .map((q) => ({ kind: q.kind, lang: q.lang, query: q.path.split("?")[1], groups: groupsOf(q) }))
      : buildMix(words, Number(values.queries ?? 600));
  const results = [];
  for (const m of mix) {
    const parsed = parseSearchParams(new URLSearchParams(m.query));
    if (!parsed.ok) continue;
    const params = parsed.params;
    await runSearch(exec, params, { counts: false }); // warm (lexeme cache, buffers)
    const t = performance.now();
    const got = await runSearch(exec, params, { counts: false });
    const ms = performance.now() - t;
    const q = got.correctedQuery ?? params.q;
    const langs = params.lang ? [params.lang] : [...LANGUAGES];
    const rank = langs.map((l) => `coalesce(ts_rank(s.${l}, qb_search_query('${l}', $1)), 0)`).join(", ");
    const match = langs.map((l) => `s.${l} @@ qb_search_query('${l}', $1)`).join(" OR ");
    const facet = [...new URLSearchParams(m.query)].find(([k]) => k !== "q" && k !== "lang" && k !== "page");
    const value = facet ? (facet[0] === "translation" ? `tr:${facet[1]}` : `${facet[0]}:${facet[1]}`) : null;
    const t2 = performance.now();
    const exact = await exec<{ code: string }>({
      text: `SELECT q.code FROM question_search s JOIN question q ON q.id = s."questionId"
             WHERE s.status = 'published' AND (${match}) ${value ? `AND s.facets @> ARRAY[$2]` : ""}
             ORDER BY greatest(${rank}, 0) DESC, q.code ASC LIMIT 20 OFFSET ${(params.page - 1) * 20}`,
      values: value ? [q, value] : [q],
    });
    const exactMs = performance.now() - t2;
    const want = new Set(exact.map((r) => r.code));
    const hit = got.items.filter((i) => want.has(i.code)).length;
    const recall = want.size ? hit / want.size : got.items.length === 0 ? 1 : 0;
    results.push({ ...m, recall, ms: +ms.toFixed(2), exactMs: +exactMs.toFixed(2), results: want.size });
  }
  await client.end();
  const byKind = new Map<string, typeof results>();
  for (const r of results) {
    for (const k of r.groups ?? [r.kind.split(" ")[0]]) byKind.set(k, [...(byKind.get(k) ?? []), r]);
  }
  const summary = {
    queries: results.length,
    distinct: new Set(results.map((r) => r.query)).size,
    meanRecall: +(results.reduce((s, r) => s + r.recall, 0) / results.length).toFixed(4),
    minRecall: Math.min(...results.map((r) => r.recall)),
    belowOne: results.filter((r) => r.recall < 1).map((r) => r.query),
    page: summarize(results.map((r) => r.ms)),
    exactEveryMatch: summarize(results.map((r) => r.exactMs)),
    byWords: Object.fromEntries(
      [...byKind].map(([k, rs]) => [
        k,
        {
          queries: rs.length,
          meanRecall: +(rs.reduce((s, r) => s + r.recall, 0) / rs.length).toFixed(4),
          page: summarize(rs.map((r) => r.ms)),
        },
      ]),
    ),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (values.out) await writeFile(values.out, JSON.stringify({ summary, results }, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
