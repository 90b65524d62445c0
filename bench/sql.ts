// Run in a child process against one filled database (its env: DATABASE_URL or PGLITE_DIR), before
// the server starts: for each query of the mix, the SQL statements one search request runs
// (searchStatements, lib/search/statements.ts), executed again directly (pg or PGlite: no Prisma,
// no HTTP), one after another on one connection. Two sets per query: the first request's
// ("cold": counts computed) and the next one's ("warm": counts from the app's in-memory cache).
// Writes per-query summaries to the file named by argv[2].
//   node --import tsx bench/sql.ts out.json      (BENCH_SQL_MAX_RUNS, BENCH_SQL_MAX_SECONDS bound each set)
import { writeFile } from "node:fs/promises";
import pg from "pg";
import { readEnv } from "../lib/env";
import { openPglite } from "../lib/db/pglite";
import { parseSearchParams } from "../lib/search/schema";
import { searchStatements } from "../lib/search/statements";
import type { SqlQuery } from "../lib/search/query";
import { appPglite, closeAppDatabase } from "./app-database";
import { QUERIES } from "./queries";
import { summarize } from "./stats";
import type { SqlTiming } from "./types";

export type SqlOutput = { perQuery: Record<string, { cold: SqlTiming | null; warm: SqlTiming | null }> };

const WARMUP = 2;

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: node --import tsx bench/sql.ts out.json");
  const maxRuns = Number(process.env.BENCH_SQL_MAX_RUNS ?? 30);
  const maxMs = Number(process.env.BENCH_SQL_MAX_SECONDS ?? 2.5) * 1000;
  // Statements first, through the app's own connection: the search reads the database to decide
  // what to run next (typo correction, the counts cache's generation).
  const sets = new Map<string, { cold: SqlQuery[]; warm: SqlQuery[] }>();
  for (const q of QUERIES) {
    const parsed = parseSearchParams(new URLSearchParams(q.query));
    if (!parsed.ok) throw new Error(`bad benchmark query ${q.query}`);
    const cold = await searchStatements(parsed.params);
    const warm = await searchStatements(parsed.params);
    sets.set(q.name, { cold, warm });
  }
  const env = readEnv();
  let exec: (s: SqlQuery) => Promise<unknown>;
  let close: () => Promise<void>;
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    exec = (s) => client.query(s.text, s.values as unknown[]);
    close = () => client.end();
  } else {
    // One process per PGlite folder: the app's instance, opened by searchStatements above.
    const db = (await appPglite()) ?? (await openPglite(env.PGLITE_DIR));
    exec = (s) => db.query(s.text, s.values as unknown[]);
    close = async () => {};
  }
  const time = async (list: SqlQuery[]): Promise<SqlTiming | null> => {
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < WARMUP + maxRuns && performance.now() - started < maxMs; i++) {
      const t = performance.now();
      for (const s of list) await exec(s);
      if (i >= WARMUP) samples.push(performance.now() - t);
    }
    const summary = summarize(samples);
    return summary ? { ...summary, statements: list.length } : null;
  };
  const perQuery: SqlOutput["perQuery"] = {};
  for (const q of QUERIES) {
    const { cold, warm } = sets.get(q.name)!;
    perQuery[q.name] = { cold: await time(cold), warm: await time(warm) };
    const p = perQuery[q.name];
    console.log(
      `  SQL ${q.name.padEnd(36)} cold ${cold.length} statements p50 ${p.cold?.p50 ?? "–"} ms, warm ${warm.length} p50 ${p.warm?.p50 ?? "–"} ms`,
    );
  }
  await close();
  await closeAppDatabase();
  await writeFile(out, JSON.stringify({ perQuery } satisfies SqlOutput));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
