// `npm run bench`: how fast Question Bank is and how its cost grows with the bank (bench/README.md).
//   npm run bench                                   sizes 1,000, 10,000, 100,000; PGlite
//   npm run bench -- --database-url postgresql://postgres@127.0.0.1:5432/postgres   (or BENCH_DATABASE_URL)
//   npm run bench -- --quick                        one small size, few requests: a smoke run
//   options: --sizes 1000,10000  --skip-build (reuse .next-bench)  --skip-startup  --out DIR  --note "…"
// Writes DIR/results.json and DIR/RESULTS.md (DIR: bench/, or bench/data/quick for --quick).
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, fillDatabase, serverVersion, type BenchDatabase } from "./database";
import { measureExportImport } from "./export-import";
import { mixPaths, probeQuery, queryPath, runLoad } from "./load";
import { machineAfter, machineBefore } from "./machine";
import { cleanupAll, runToEnd, sampleMemory } from "./processes";
import { QUERIES } from "./queries";
import { renderMarkdown } from "./report";
import { buildApp, hasBuild, startServer } from "./server";
import type { SqlOutput } from "./sql";
import { summarize, ratio } from "./stats";
import { measureStartup } from "./startup";
import { evaluateTargets } from "./targets";
import type { BenchResults, Bounds, LoadRun, QueryResult, SearchLoad, SizeResult } from "./types";

const FULL: Bounds = {
  oneClient: { maxRequests: 100, maxSeconds: 3 },
  sixteenClients: { connections: 16, maxRequests: 4_000, maxSeconds: 15 },
  sql: { maxRuns: 30, maxSeconds: 2 },
  exportRuns: 5,
  importRuns: 3,
};
const QUICK: Bounds = {
  oneClient: { maxRequests: 20, maxSeconds: 2 },
  sixteenClients: { connections: 16, maxRequests: 400, maxSeconds: 8 },
  sql: { maxRuns: 10, maxSeconds: 1 },
  exportRuns: 2,
  importRuns: 1,
};

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      sizes: { type: "string" },
      "database-url": { type: "string" },
      "skip-build": { type: "boolean", default: false },
      "skip-startup": { type: "boolean", default: false },
      out: { type: "string" },
      note: { type: "string", multiple: true },
    },
  });
  const sizes = (values.sizes ?? (values.quick ? "1000" : "1000,10000,100000")).split(",").map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 400 || s > 1_000_000)) throw new Error("--sizes: whole numbers from 400 (the questionnaire needs 300 fully translated questions) to 1,000,000, comma-separated");
  const databaseUrl = values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/[^/]*(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl))
    console.warn(`Note: ${databaseUrl.replace(/:[^:@/]*@/, ":…@")} is not on this machine; the benchmark creates and drops databases there.`);
  return {
    quick: values.quick!,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    databaseUrl,
    skipBuild: values["skip-build"]!,
    skipStartup: values["skip-startup"]!,
    out: values.out ?? (values.quick ? "bench/data/quick" : "bench"),
    notes: values.note ?? [],
  };
}

async function childJson<T>(script: string, env: Record<string, string | undefined>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "qb-bench-out-"));
  try {
    const file = path.join(dir, "out.json");
    await runToEnd(process.execPath, ["--import", "tsx", script, file], { env, timeoutMs: 20 * 60_000 });
    return JSON.parse(await readFile(file, "utf8")) as T;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Prepared = { questionnaireId: string; items: number; questions: number; published: number; texts: number; version: string };

async function measureSize(questions: number, databaseUrl: string | undefined, bounds: Bounds, onVersion: (v: string) => void): Promise<SizeResult> {
  console.log(`\n== ${questions.toLocaleString("en")} questions ==`);
  const db: BenchDatabase = await createDatabase(databaseUrl, questions);
  try {
    console.log(`Filling a fresh ${db.kind} database…`);
    const fillSeconds = await fillDatabase(db, questions);
    const email = `bench-${randomBytes(4).toString("hex")}@bench.invalid`;
    const password = randomBytes(18).toString("base64url");
    console.log("Creating the benchmark researcher and a 300-item questionnaire (app code paths)…");
    const prepared = await childJson<Prepared>("bench/prepare.ts", { ...db.env, BENCH_EMAIL: email, BENCH_PASSWORD: password });
    onVersion(prepared.version);
    console.log("Timing the search's SQL directly…");
    const sql = await childJson<SqlOutput>("bench/sql.ts", { ...db.env, BENCH_SQL_MAX_RUNS: String(bounds.sql.maxRuns), BENCH_SQL_MAX_SECONDS: String(bounds.sql.maxSeconds) });

    console.log("Starting the app (next start)…");
    const server = await startServer(db.env);
    let cached: Awaited<ReturnType<typeof searchLoad>>;
    let floor: SearchLoad;
    let exportImport: Awaited<ReturnType<typeof measureExportImport>> | null = null;
    let exportImportNote: string | null = null;
    let mem: ReturnType<ReturnType<typeof sampleMemory>["stop"]>;
    try {
      const memory = sampleMemory(server.pid);
      cached = await searchLoad(server.base, bounds, true);
      mem = memory.stop();
      floor = await floorLoad(server.base, bounds);
      console.log("Export and import over HTTP…");
      try {
        exportImport = await measureExportImport(server.base, { questionnaireId: prepared.questionnaireId, email, password, exportRuns: bounds.exportRuns, importRuns: bounds.importRuns });
        const e = exportImport.export;
        console.log(`  XLSForm ${e.xlsform.medianMs} ms, CSV ${e.csv.medianMs} ms, bank CSV ${e.bankCsv.medianMs} ms (${e.bankCsv.rows} questions), import ${exportImport.import.medianMs} ms`);
      } catch (error) {
        exportImportNote = `export/import failed: ${(error as Error).message.slice(0, 500)}`;
        console.error(`  ${exportImportNote}`);
      }
    } finally {
      await server.stop();
    }

    console.log("The same search load with the counts cache off (QB_SEARCH_COUNTS_CACHE=off)…");
    const uncachedServer = await startServer({ ...db.env, QB_SEARCH_COUNTS_CACHE: "off" });
    let noCache: Awaited<ReturnType<typeof searchLoad>>;
    try {
      noCache = await searchLoad(uncachedServer.base, bounds, false);
    } finally {
      await uncachedServer.stop();
    }

    const perQuery: QueryResult[] = QUERIES.map((q, i) => {
      const s = sql.perQuery[q.name] ?? { cold: null, warm: null };
      const app = cached.perQuery[i].app;
      const appNoCache = noCache.perQuery[i].app;
      return {
        ...q,
        total: cached.perQuery[i].total,
        correctedQuery: cached.perQuery[i].correctedQuery,
        app,
        appNoCache,
        sql: s,
        overhead: ratio(app.latency?.p50, s.warm?.p50),
        overheadNoCache: ratio(appNoCache.latency?.p50, s.cold?.p50),
      };
    });
    const sum = (xs: (number | null | undefined)[]) => (xs.every((x) => x != null) ? Math.round(xs.reduce((a: number, x) => a + x!, 0) * 10) / 10 : null);
    const totalApp = sum(perQuery.map((q) => q.app.latency?.p50));
    const totalWarm = sum(perQuery.map((q) => q.sql.warm?.p50));
    const totalAppNoCache = sum(perQuery.map((q) => q.appNoCache?.latency?.p50));
    const totalCold = sum(perQuery.map((q) => q.sql.cold?.p50));
    return {
      questions,
      database: { questions: prepared.questions, texts: prepared.texts, publishedQuestions: prepared.published },
      fillSeconds,
      search: {
        perQuery,
        cached: cached.load,
        noCache: noCache.load,
        floor,
        sql: {
          totalAppP50: totalApp,
          totalSqlWarmP50: totalWarm,
          overhead: ratio(totalApp, totalWarm),
          totalAppNoCacheP50: totalAppNoCache,
          totalSqlColdP50: totalCold,
          overheadNoCache: ratio(totalAppNoCache, totalCold),
        },
      },
      export: exportImport
        ? { ...exportImport.export, bankCsv: { ...exportImport.export.bankCsv, cappedAt: exportImport.export.bankCsv.rows < prepared.published ? exportImport.export.bankCsv.rows : null } }
        : null,
      import: exportImport?.import ?? null,
      exportImportNote,
      memory: mem,
    };
  } finally {
    await db.drop();
  }
}

/** The cheapest request that goes through the same stack (GET /api/health): what every request costs before searching. */
async function floorLoad(base: string, bounds: Bounds): Promise<SearchLoad> {
  const one = await runLoad(base, ["/api/health"], { connections: 1, maxRequests: bounds.oneClient.maxRequests, maxSeconds: bounds.oneClient.maxSeconds });
  const { run: sixteenClients } = await runLoad(base, ["/api/health"], { ...bounds.sixteenClients, maxSeconds: Math.min(10, bounds.sixteenClients.maxSeconds) });
  console.log(`  floor (GET /api/health): one client p50 ${one.run.latency?.p50} ms; ${sixteenClients.connections} clients ${sixteenClients.requestsPerSecond} req/s`);
  return { oneClient: { latency: one.run.latency, errors: one.run.errors, requests: one.run.requests }, sixteenClients };
}

/** Each query of the mix at one client, then the whole mix at many clients, against one running server. */
async function searchLoad(base: string, bounds: Bounds, log: boolean) {
  const perQuery: { app: LoadRun; total: number | null; correctedQuery: string | null }[] = [];
  const oneClientLatencies: number[] = [];
  for (const q of QUERIES) {
    const probe = await probeQuery(base, q);
    const { run: app, latencies } = await runLoad(base, [queryPath(q)], { connections: 1, ...bounds.oneClient });
    oneClientLatencies.push(...latencies);
    perQuery.push({ app, total: probe.total, correctedQuery: probe.correctedQuery });
    const found = probe.total ?? `HTTP ${probe.status}`;
    if (log) console.log(`  ${q.name.padEnd(36)} ${String(found).padStart(7)} results${probe.correctedQuery ? ` (as "${probe.correctedQuery}")` : ""}  p50 ${app.latency?.p50} p95 ${app.latency?.p95} ms  ${app.requests} req`);
  }
  const oneClient = { latency: summarize(oneClientLatencies), errors: perQuery.reduce((s, q) => s + q.app.errors, 0), requests: oneClientLatencies.length };
  console.log(`  one client, whole mix: p50 ${oneClient.latency?.p50} p95 ${oneClient.latency?.p95} ms, ${oneClient.errors} errors`);
  const { run: sixteenClients } = await runLoad(base, mixPaths(), bounds.sixteenClients);
  console.log(`  ${sixteenClients.connections} clients, whole mix: ${sixteenClients.requestsPerSecond} req/s, p95 ${sixteenClients.latency?.p95} ms, ${sixteenClients.errors} errors`);
  return { perQuery, load: { oneClient, sixteenClients } satisfies SearchLoad };
}

async function main() {
  const opts = options();
  const bounds = opts.quick ? QUICK : FULL;
  const before = machineBefore();
  const notes = [...opts.notes];
  if (before.loadBefore[0] > before.cores / 2)
    notes.push(`The load average was ${before.loadBefore[0]} on ${before.cores} cores when the run started: other work was running, and the figures include that contention.`);
  let version = opts.databaseUrl ? await serverVersion(opts.databaseUrl) : "";
  console.log(`Question Bank benchmark (${opts.quick ? "quick" : "full"}): sizes ${opts.sizes.join(", ")} on ${opts.databaseUrl ? `PostgreSQL ${version}` : "PGlite"}, ${before.cores} cores`);

  if (opts.skipBuild && hasBuild()) console.log("Reusing the build in .next-bench (--skip-build).");
  else {
    console.log("Building the app into .next-bench…");
    console.log(`  built in ${await buildApp()} s`);
  }

  let startup: BenchResults["startup"] = null;
  if (!opts.skipStartup) {
    console.log("Start-up of npm start on a fresh embedded database, twice…");
    startup = await measureStartup();
    console.log(`  first run ${startup.firstRunMs} ms, second ${startup.secondRunMs} ms${startup.rebuilt ? " (start.ts rebuilt: the sources changed during the run)" : ""}`);
  }

  const perSize: SizeResult[] = [];
  for (const size of opts.sizes) perSize.push(await measureSize(size, opts.databaseUrl, bounds, (v) => (version ||= v)));

  const results: BenchResults = {
    mode: opts.quick ? "quick" : "full",
    machine: machineAfter(before),
    database: { kind: opts.databaseUrl ? "postgres" : "pglite", version },
    sizes: opts.sizes,
    bounds,
    startup,
    perSize,
    targets: evaluateTargets(perSize, startup, opts.databaseUrl ? "postgres" : "pglite"),
    notes,
  };
  await mkdir(opts.out, { recursive: true });
  await writeFile(path.join(opts.out, "results.json"), JSON.stringify(results, null, 2) + "\n");
  await writeFile(path.join(opts.out, "RESULTS.md"), renderMarkdown(results));
  console.log(`\nWrote ${opts.out}/results.json and ${opts.out}/RESULTS.md`);
  for (const t of results.targets) console.log(`  ${t.met === null ? "not measured" : t.met ? "met   " : "MISSED"}  ${t.description}: ${t.measured} (${t.threshold})`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the benchmark's databases…`);
    void cleanupAll().then(() => process.exit(130));
  });

main()
  .then(() => cleanupAll())
  .catch(async (error) => {
    console.error(error);
    await cleanupAll();
    process.exit(1);
  });
