// Run in a child process against one filled database (its env: DATABASE_URL or PGLITE_DIR), before
// the server starts: times, for each query of the mix, the SQL statements one search request runs
// (searchStatements in lib/search/statements.ts), executed directly (pg or PGlite, no Prisma, no
// HTTP), one after another on one connection. Writes per-query summaries to the file named by argv[2].
//   node --import tsx bench/sql.ts out.json      (BENCH_SQL_MAX_RUNS, BENCH_SQL_MAX_SECONDS bound each query)
import { writeFile } from "node:fs/promises";
import pg from "pg";
import { readEnv } from "../lib/env";
import { parseSearchParams, type SearchParams } from "../lib/search/schema";
import { appPglite, closeAppDatabase } from "./app-database";
import { QUERIES } from "./queries";
import { summarize, type LatencySummary } from "./stats";

type Statement = { text: string; values: unknown[] };
type StatementsFn = (params: SearchParams, options?: { includeDrafts?: boolean }) => Promise<Statement[]>;
export type SqlOutput = { available: boolean; note: string | null; perQuery: Record<string, (LatencySummary & { statements: number }) | null> };

const WARMUP = 2;

/** lib/search/statements.ts, when it exists (the search's own list of statements, so that the SQL timed is the SQL the app runs). */
async function loadStatements(): Promise<StatementsFn | null> {
  // A computed specifier: this file must type-check and run before that module lands.
  const specifier = ["..", "lib", "search", "statements"].join("/");
  try {
    const mod = (await import(specifier)) as { searchStatements?: StatementsFn };
    return typeof mod.searchStatements === "function" ? mod.searchStatements : null;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" || /Cannot find module/.test(String(error))) return null;
    throw error;
  }
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: node --import tsx bench/sql.ts out.json");
  const maxRuns = Number(process.env.BENCH_SQL_MAX_RUNS ?? 30);
  const maxMs = Number(process.env.BENCH_SQL_MAX_SECONDS ?? 4) * 1000;
  const searchStatements = await loadStatements();
  if (!searchStatements) {
    const result: SqlOutput = { available: false, note: "lib/search/statements.ts (searchStatements) is not in this checkout yet", perQuery: {} };
    await writeFile(out, JSON.stringify(result));
    return;
  }
  const env = readEnv();
  let exec: (s: Statement) => Promise<unknown>;
  let close: () => Promise<void>;
  // Statements first: searchStatements may itself read the database (typo correction looks words up).
  const statements = new Map<string, Statement[]>();
  for (const q of QUERIES) {
    const parsed = parseSearchParams(new URLSearchParams(q.query));
    if (!parsed.ok) throw new Error(`bad benchmark query ${q.query}`);
    statements.set(q.name, await searchStatements(parsed.params));
  }
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    exec = (s) => client.query(s.text, s.values as unknown[]);
    close = async () => {
      await client.end();
      await closeAppDatabase();
    };
  } else {
    // One process per PGlite folder: use the app's instance when searchStatements opened it.
    const { openPglite } = await import("../lib/db/pglite");
    const own = (await appPglite()) ? null : await openPglite(env.PGLITE_DIR);
    const db = (await appPglite()) ?? own!;
    exec = (s) => db.query(s.text, s.values as unknown[]);
    close = async () => {
      await own?.close();
      await closeAppDatabase();
    };
  }
  const perQuery: SqlOutput["perQuery"] = {};
  for (const q of QUERIES) {
    const list = statements.get(q.name)!;
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < WARMUP + maxRuns && performance.now() - started < maxMs; i++) {
      const t = performance.now();
      for (const s of list) await exec(s);
      if (i >= WARMUP) samples.push(performance.now() - t);
    }
    const summary = summarize(samples);
    perQuery[q.name] = summary ? { ...summary, statements: list.length } : null;
    console.log(`  SQL ${q.name.padEnd(36)} ${list.length} statements  p50 ${summary?.p50 ?? "–"} ms  (${samples.length} runs)`);
  }
  await close();
  const result: SqlOutput = { available: true, note: null, perQuery };
  await writeFile(out, JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
