// Where a search's time goes (issue #17): every distinct query of the realistic mix
// (bench/query-mix.ts) run through the app's own runSearch on one pg connection, each statement
// timed and named, grouped by kind of query. The counts cache is bypassed (countMatches every time):
// a request whose counts are not cached, the case that sets the p95.
//   DATABASE_URL=postgresql://…/bank node --import ./scripts/server-only.mjs --import tsx bench/search-profile.ts \
//     [--runs 1] [--limit 600] [--explain 5] [--out file.json]
// Times are wall time at the client (pg, no Prisma, no HTTP), so they include the round trips.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import type { SqlQuery } from "../lib/search/query";
import { runSearch } from "../lib/search/run-search";
import { parseSearchParams } from "../lib/search/schema";
import { realisticMix, type MixQuery } from "./query-mix";
import { summarize } from "./stats";

/** A statement's role, told from its text (lib/search/query.ts, ranking.ts, counts*.ts, hydrate.ts). */
export function statementName(text: string): string {
  if (text.includes("qb_search_query(l, $1)::text")) return "lexemes";
  if (text.startsWith(`SELECT c."questionId" AS id`))
    return text.includes("ts_rank") ? "page (per language)" : "page (postings)";
  if (text.startsWith("WITH c AS")) return "page (rank every match)";
  if (text.startsWith("SELECT q.id, NULL::float4")) return "page (by column)";
  if (text.includes("FROM search_state")) return "counts cache generation";
  if (text.includes("TABLESAMPLE")) return "counts (sample)";
  if (text.startsWith("WITH m AS MATERIALIZED")) return "counts (exact)";
  if (text.includes("AS rarest")) return "filter sizes";
  if (text.includes("search_facet_count") && text.includes("GROUP BY value")) return "counts (stored)";
  if (text.includes("search_facet_count")) return "bank size";
  if (text.includes("FROM search_word")) return "typo correction";
  if (text.includes("json_build_object")) return "hydrate page";
  return "other";
}

/** The groups a query of the mix belongs to (one query may be in several). */
export function groupsOf(q: MixQuery): string[] {
  const params = new URLSearchParams(q.path.split("?")[1] ?? "");
  const groups = [q.kind === "browse" ? "browse (no words)" : `${q.words} word${q.words > 1 ? "s" : ""}`];
  if (q.kind !== "browse") groups.push(q.lang === "any" ? "any language" : "one language");
  if ([...params.keys()].some((k) => !["q", "lang", "page"].includes(k)) && q.kind !== "browse") groups.push("facet");
  if (params.has("page")) groups.push("page 2+");
  if (["typo", "accents dropped", "letter variants", "stop words"].includes(q.kind)) groups.push(q.kind);
  return groups;
}

type Timed = { name: string; ms: number; query: SqlQuery };

async function main() {
  process.env.QB_SEARCH_COUNTS_CACHE = "off";
  const { values } = parseArgs({
    options: {
      runs: { type: "string" },
      limit: { type: "string" },
      explain: { type: "string" },
      out: { type: "string" },
      counts: { type: "string" },
    },
  });
  const runs = Number(values.runs ?? 1);
  const withCounts = values.counts !== "off";
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let log: Timed[] = [];
  // One statement at a time (the app runs the page and the counts side by side on its pool; here
  // they queue), so that each statement's time is its own and the request's is their sum.
  let queue: Promise<unknown> = Promise.resolve();
  const exec = <T>(query: SqlQuery): Promise<T[]> => {
    const run = queue.then(async () => {
      const t = performance.now();
      const rows = (await client.query(query.text, query.values as unknown[])).rows as T[];
      log.push({ name: statementName(query.text), ms: performance.now() - t, query });
      return rows;
    });
    queue = run.catch(() => {});
    return run;
  };
  const { queries } = realisticMix();
  const results: { path: string; groups: string[]; ms: number; statements: Timed[] }[] = [];
  for (const q of queries.slice(0, Number(values.limit ?? queries.length))) {
    const parsed = parseSearchParams(new URLSearchParams(q.path.split("?")[1] ?? ""));
    if (!parsed.ok) continue;
    log = [];
    await runSearch(exec, parsed.params, { counts: withCounts }); // warm: buffers, the lexeme cache
    let best: { ms: number; statements: Timed[] } | null = null;
    for (let i = 0; i < runs; i++) {
      log = [];
      const t = performance.now();
      await runSearch(exec, parsed.params, { counts: withCounts });
      const ms = performance.now() - t;
      // The median run would need more runs than the time allows: keep the fastest (least disturbed).
      if (!best || ms < best.ms) best = { ms, statements: log };
    }
    results.push({ path: q.path, groups: groupsOf(q), ...best! });
  }
  const groups = new Map<string, typeof results>();
  for (const r of results) for (const g of ["all", ...r.groups]) groups.set(g, [...(groups.get(g) ?? []), r]);
  const byGroup = Object.fromEntries(
    [...groups].map(([g, rs]) => {
      const perStatement: Record<string, number> = {};
      for (const r of rs) for (const s of r.statements) perStatement[s.name] = (perStatement[s.name] ?? 0) + s.ms;
      const total = rs.reduce((s, r) => s + r.ms, 0);
      const share = Object.fromEntries(
        Object.entries(perStatement)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => [k, `${Math.round((100 * v) / total)}%`]),
      );
      return [g, { queries: rs.length, ms: summarize(rs.map((r) => r.ms)), share }];
    }),
  );
  for (const [g, s] of Object.entries(byGroup))
    console.log(
      `${g.padEnd(20)} n=${String(s.queries).padStart(3)}  p50 ${s.ms?.p50} p95 ${s.ms?.p95} max ${s.ms?.max} ms  ${JSON.stringify(s.share)}`,
    );
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 15);
  console.log("\nslowest:");
  for (const r of slowest)
    console.log(
      `${r.ms.toFixed(1).padStart(7)} ms  ${decodeURIComponent(r.path)}  ${r.statements.map((s) => `${s.name} ${s.ms.toFixed(1)}`).join(", ")}`,
    );
  for (const r of slowest.slice(0, Number(values.explain ?? 0))) {
    const worst = [...r.statements].sort((a, b) => b.ms - a.ms)[0];
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${worst.query.text}`, worst.query.values as unknown[]);
    console.log(`\n${decodeURIComponent(r.path)}: ${worst.name}\n${plan.rows.map((x) => x["QUERY PLAN"]).join("\n")}`);
  }
  await client.end();
  if (values.out)
    await writeFile(
      values.out,
      JSON.stringify(
        {
          byGroup,
          results: results.map((r) => ({
            path: r.path,
            groups: r.groups,
            ms: +r.ms.toFixed(2),
            statements: r.statements.map((s) => [s.name, +s.ms.toFixed(2)]),
          })),
        },
        null,
        2,
      ) + "\n",
    );
}

if (process.argv[1]?.endsWith("search-profile.ts"))
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
