// `npm run bench`: how fast Question Bank is and how its cost grows with the bank (bench/README.md).
//   npm run bench                                   sizes 1,000, 10,000, 100,000; PGlite
//   npm run bench -- --database-url postgresql://postgres@127.0.0.1:5432/postgres   (or BENCH_DATABASE_URL)
//   npm run bench -- --quick                        one small size, few requests: a smoke run
//   options: --sizes 1000,10000  --skip-build (reuse .next-bench)  --skip-startup  --out DIR  --note "…"
//            --only builder (the builder scenario alone; merged into DIR/results.json)  --builder-seconds 60  --builder-researchers 16
//            --builder-no-reload (the writes without the page re-read after each one)
//            --only lighthouse (Lighthouse on the main pages, largest size; merged into DIR/results.json)
//            --builder-think-ms 2000 (each researcher's mean pause between changes; 0: none, the server's capacity)
//            --only results (results from collected data: 10,000 and 50,000 submissions × 150 columns uploaded and computed; merged into DIR/results.json)
//            --instances 2 (with --database-url: 1 … N instances behind a balancer, on the largest size; merged into DIR/results.json)
// Writes DIR/results.json and DIR/RESULTS.md (DIR: bench/, or bench/data/quick for --quick).
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, fillDatabase, serverVersion, type BenchDatabase } from "./database";
import { measureExportImport, measureFormImports } from "./export-import";
import { mixPaths, probeQuery, queryPath, runLoad } from "./load";
import { machineAfter, machineBefore } from "./machine";
import { cleanupAll, runToEnd, sampleMemory } from "./processes";
import { QUERIES } from "./queries";
import { realisticMix } from "./query-mix";
import { renderMarkdown } from "./report";
import { format as prettierFormat, resolveConfig as prettierConfig } from "prettier";
import { buildApp, hasBuild, startServer } from "./server";
import type { SqlOutput } from "./sql";
import { summarize, ratio } from "./stats";
import { measureStartup } from "./startup";
import { evaluateBuilderTargets, evaluateLighthouseTargets, evaluateTargets } from "./targets";
import { runLighthouse, type LighthousePage } from "./lighthouse";
import { runBuilderLoad, type BuilderResearcher } from "./builder-load";
import { measureInstances } from "./instances";
import { evaluateResultsTargets, measureResults } from "./results-scenario";
import { BENCH_DIST_DIR } from "./server";
import type {
  BenchResults,
  Bounds,
  BuilderRun,
  LoadRun,
  QueryResult,
  RealisticLoad,
  SearchLoad,
  SizeResult,
} from "./types";

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
      only: { type: "string" },
      "builder-seconds": { type: "string" },
      "builder-researchers": { type: "string" },
      "builder-no-reload": { type: "boolean", default: false },
      "builder-think-ms": { type: "string" },
      instances: { type: "string" },
    },
  });
  if (values.only && values.only !== "builder" && values.only !== "lighthouse" && values.only !== "results")
    throw new Error("--only: the scenarios that run alone are 'builder', 'lighthouse' and 'results'");
  const builderSeconds = Number(values["builder-seconds"] ?? (values.quick ? 15 : 60));
  const builderResearchers = Number(values["builder-researchers"] ?? 16);
  if (!Number.isInteger(builderSeconds) || builderSeconds < 1 || builderSeconds > 600)
    throw new Error("--builder-seconds: 1 to 600");
  if (!Number.isInteger(builderResearchers) || builderResearchers < 1 || builderResearchers > 64)
    throw new Error("--builder-researchers: 1 to 64");
  const builderThinkMs = Number(values["builder-think-ms"] ?? 2000);
  if (!Number.isInteger(builderThinkMs) || builderThinkMs < 0 || builderThinkMs > 60_000)
    throw new Error("--builder-think-ms: 0 to 60000");
  const sizes = (values.sizes ?? (values.quick ? "1000" : "1000,10000,100000")).split(",").map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 400 || s > 1_000_000))
    throw new Error(
      "--sizes: whole numbers from 400 (the questionnaire needs 300 fully translated questions) to 1,000,000, comma-separated",
    );
  const instances = values.instances === undefined ? 0 : Number(values.instances);
  if (values.instances !== undefined && (!Number.isInteger(instances) || instances < 2 || instances > 8))
    throw new Error("--instances: 2 to 8");
  const databaseUrl = values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/[^/]*(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl))
    console.warn(
      `Note: ${databaseUrl.replace(/:[^:@/]*@/, ":…@")} is not on this machine; the benchmark creates and drops databases there.`,
    );
  return {
    quick: values.quick!,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    databaseUrl,
    skipBuild: values["skip-build"]!,
    skipStartup: values["skip-startup"]!,
    out: values.out ?? (values.quick ? "bench/data/quick" : "bench"),
    notes: values.note ?? [],
    onlyBuilder: values.only === "builder",
    onlyLighthouse: values.only === "lighthouse",
    onlyResults: values.only === "results",
    instances,
    builder: {
      seconds: builderSeconds,
      researchers: builderResearchers,
      reload: !values["builder-no-reload"],
      thinkMs: builderThinkMs,
    },
  };
}

async function childJson<T>(script: string, env: Record<string, string | undefined>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "qb-bench-out-"));
  try {
    const file = path.join(dir, "out.json");
    await runToEnd(process.execPath, ["--import", "./scripts/server-only.mjs", "--import", "tsx", script, file], {
      env,
      timeoutMs: 20 * 60_000,
    });
    return JSON.parse(await readFile(file, "utf8")) as T;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Prepared = {
  questionnaireId: string;
  items: number;
  questions: number;
  published: number;
  texts: number;
  version: string;
};

/**
 * reload: the page re-read after each change, as the browser does (off: the writes alone, to see
 * what the re-reads cost them); thinkMs: each researcher's mean pause between changes (0: none).
 */
type BuilderOptions = { seconds: number; researchers: number; reload: boolean; thinkMs: number };

/** The builder scenario against a running server (its researchers made before the server started). */
async function builderRun(
  base: string,
  prepared: { researchers: BuilderResearcher[]; version: string },
  kind: "postgres" | "pglite",
  questions: number,
  opts: BuilderOptions,
): Promise<BuilderRun> {
  console.log(
    `Builder: ${prepared.researchers.length} researchers editing their questionnaires at once for ${opts.seconds} s` +
      (opts.thinkMs
        ? `, a change every ${opts.thinkMs / 1000} s each on average…`
        : ", with no pause between changes…"),
  );
  const before = machineBefore();
  const load = await runBuilderLoad(base, {
    distDir: BENCH_DIST_DIR,
    researchers: prepared.researchers,
    seconds: opts.seconds,
    reload: opts.reload,
    thinkMs: opts.thinkMs,
  });
  const after = machineAfter(before);
  console.log(
    `  ${load.writes?.count ?? 0} writes, ${load.writesPerSecond}/s: p50 ${load.writes?.p50} p95 ${load.writes?.p95} p99 ${load.writes?.p99} ms, ${load.errors} errors, ${load.conflicts} conflicts; page re-read p95 ${load.reload?.p95} ms`,
  );
  for (const e of load.errorSamples.slice(0, 3)) console.log(`  error: ${e}`);
  return {
    ...load,
    database: { kind, version: prepared.version },
    questions,
    startedAt: after.startedAt,
    finishedAt: after.finishedAt,
    loadBefore: after.loadBefore,
    loadAfter: after.loadAfter,
  };
}

async function prepareBuilder(env: Record<string, string | undefined>, opts: BuilderOptions) {
  console.log(`Creating ${opts.researchers} researchers, each with a questionnaire (app code paths)…`);
  return childJson<{ researchers: BuilderResearcher[]; version: string }>("bench/prepare-builder.ts", {
    ...env,
    BENCH_BUILDER_RESEARCHERS: String(opts.researchers),
  });
}

/**
 * `--only lighthouse`: a fresh database of this size, a researcher with a questionnaire and a
 * translator, the server, one unmeasured visit to each page, then Lighthouse on each.
 */
async function measureLighthouse(
  questions: number,
  databaseUrl: string | undefined,
  version: string,
): Promise<NonNullable<BenchResults["lighthouse"]>> {
  console.log(`\n== Lighthouse, ${questions.toLocaleString("en")} questions ==`);
  const db: BenchDatabase = await createDatabase(databaseUrl, questions);
  try {
    console.log(`Filling a fresh ${db.kind} database…`);
    await fillDatabase(db, questions);
    const builder = await prepareBuilder(db.env, { seconds: 0, researchers: 1, reload: true, thinkMs: 0 });
    const extra = await childJson<{ translator: { email: string; password: string }; questionCode: string }>(
      "bench/prepare-lighthouse.ts",
      db.env,
    );
    const researcher = builder.researchers[0];
    const pages: LighthousePage[] = [
      { name: "home", path: "/en", as: "visitor" },
      { name: "search", path: "/en/search?q=vaccine", as: "visitor" },
      { name: "search in Arabic", path: `/ar/search?q=${encodeURIComponent("لقاح")}`, as: "visitor" },
      { name: "question", path: `/en/questions/${extra.questionCode}`, as: "visitor" },
      { name: "builder", path: `/en/questionnaires/${researcher.questionnaireId}`, as: "researcher" },
      { name: "translation editor", path: `/en/translate/fr/q/${extra.questionCode}`, as: "translator" },
    ];
    console.log("Starting the app (next start)…");
    const server = await startServer(db.env);
    try {
      const before = machineBefore();
      const lh = await runLighthouse(server.base, pages, {
        researcher: { email: researcher.email, password: researcher.password },
        translator: extra.translator,
      });
      const after = machineAfter(before);
      return {
        ...lh,
        database: { kind: db.kind, version: version || builder.version },
        questions,
        startedAt: after.startedAt,
        finishedAt: after.finishedAt,
        loadBefore: after.loadBefore,
        loadAfter: after.loadAfter,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

/** `--only builder`: a fresh database of this size, its researchers, the server, the builder load. */
async function measureBuilderOnly(
  questions: number,
  databaseUrl: string | undefined,
  opts: BuilderOptions,
): Promise<BuilderRun> {
  console.log(`\n== builder, ${questions.toLocaleString("en")} questions ==`);
  const db: BenchDatabase = await createDatabase(databaseUrl, questions);
  try {
    console.log(`Filling a fresh ${db.kind} database…`);
    await fillDatabase(db, questions);
    const prepared = await prepareBuilder(db.env, opts);
    console.log("Starting the app (next start)…");
    const server = await startServer(db.env);
    try {
      return await builderRun(server.base, prepared, db.kind, questions, opts);
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

async function measureSize(
  questions: number,
  databaseUrl: string | undefined,
  bounds: Bounds,
  builderOpts: BuilderOptions,
  onVersion: (v: string) => void,
): Promise<{ size: SizeResult; builder: BuilderRun | null }> {
  console.log(`\n== ${questions.toLocaleString("en")} questions ==`);
  const db: BenchDatabase = await createDatabase(databaseUrl, questions);
  try {
    console.log(`Filling a fresh ${db.kind} database…`);
    const fillSeconds = await fillDatabase(db, questions);
    const email = `bench-${randomBytes(4).toString("hex")}@bench.invalid`;
    const password = randomBytes(18).toString("base64url");
    console.log("Creating the benchmark researcher and a 300-item questionnaire (app code paths)…");
    const prepared = await childJson<Prepared>("bench/prepare.ts", {
      ...db.env,
      BENCH_EMAIL: email,
      BENCH_PASSWORD: password,
    });
    onVersion(prepared.version);
    const builderPrepared = await prepareBuilder(db.env, builderOpts);
    console.log("Timing the search's SQL directly…");
    const sql = await childJson<SqlOutput>("bench/sql.ts", {
      ...db.env,
      BENCH_SQL_MAX_RUNS: String(bounds.sql.maxRuns),
      BENCH_SQL_MAX_SECONDS: String(bounds.sql.maxSeconds),
    });

    console.log("Starting the app (next start)…");
    const server = await startServer(db.env);
    let cached: Awaited<ReturnType<typeof searchLoad>>;
    let realistic: RealisticLoad | null = null;
    let floor: SearchLoad;
    let exportImport: Awaited<ReturnType<typeof measureExportImport>> | null = null;
    let formImport: Awaited<ReturnType<typeof measureFormImports>> | null = null;
    let exportImportNote: string | null = null;
    let mem: ReturnType<ReturnType<typeof sampleMemory>["stop"]>;
    let builder: BuilderRun | null = null;
    try {
      const memory = sampleMemory(server.pid);
      cached = await searchLoad(server.base, bounds, true);
      mem = memory.stop();
      floor = await floorLoad(server.base, bounds);
      realistic = await realisticLoad(server.base, bounds);
      console.log("Export and import over HTTP…");
      try {
        exportImport = await measureExportImport(server.base, {
          questionnaireId: prepared.questionnaireId,
          email,
          password,
          exportRuns: bounds.exportRuns,
          importRuns: bounds.importRuns,
        });
        const e = exportImport.export;
        console.log(
          `  XLSForm ${e.xlsform.medianMs} ms, CSV ${e.csv.medianMs} ms, bank CSV ${e.bankCsv.medianMs} ms (${e.bankCsv.rows} questions), import ${exportImport.import.medianMs} ms`,
        );
      } catch (error) {
        exportImportNote = `export/import failed: ${(error as Error).message.slice(0, 500)}`;
        console.error(`  ${exportImportNote}`);
      }
      console.log("Import of generated XLSForms (300 and 5,000 rows; three 5,000-row imports at once)…");
      try {
        formImport = await measureFormImports(server.base, {
          email,
          password,
          runs: bounds.importRuns,
          concurrent: 3,
        });
        console.log(
          `  300 rows ${formImport.rows300.medianMs} ms, 5,000 rows ${formImport.rows5000.medianMs} ms, three at once: last answered after ${formImport.concurrent.wallMs} ms (${formImport.concurrent.statuses.join(", ")})`,
        );
      } catch (error) {
        exportImportNote =
          `${exportImportNote ?? ""} form import failed: ${(error as Error).message.slice(0, 500)}`.trim();
        console.error(`  ${exportImportNote}`);
      }
      builder = await builderRun(server.base, builderPrepared, db.kind, questions, builderOpts);
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
    const sum = (xs: (number | null | undefined)[]) =>
      xs.every((x) => x != null) ? Math.round(xs.reduce((a: number, x) => a + x!, 0) * 10) / 10 : null;
    const totalApp = sum(perQuery.map((q) => q.app.latency?.p50));
    const totalWarm = sum(perQuery.map((q) => q.sql.warm?.p50));
    const totalAppNoCache = sum(perQuery.map((q) => q.appNoCache?.latency?.p50));
    const totalCold = sum(perQuery.map((q) => q.sql.cold?.p50));
    const size: SizeResult = {
      questions,
      database: { questions: prepared.questions, texts: prepared.texts, publishedQuestions: prepared.published },
      fillSeconds,
      search: {
        perQuery,
        cached: cached.load,
        noCache: noCache.load,
        floor,
        realistic,
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
        ? {
            ...exportImport.export,
            bankCsv: {
              ...exportImport.export.bankCsv,
              cappedAt: exportImport.export.bankCsv.rows < prepared.published ? exportImport.export.bankCsv.rows : null,
            },
          }
        : null,
      import: exportImport?.import ?? null,
      formImport,
      exportImportNote,
      memory: mem,
    };
    return { size, builder };
  } finally {
    await db.drop();
  }
}

/** The cheapest request that goes through the same stack (GET /api/health): what every request costs before searching. */
async function floorLoad(base: string, bounds: Bounds): Promise<SearchLoad> {
  const one = await runLoad(base, ["/api/health"], {
    connections: 1,
    maxRequests: bounds.oneClient.maxRequests,
    maxSeconds: bounds.oneClient.maxSeconds,
  });
  const { run: sixteenClients } = await runLoad(base, ["/api/health"], {
    ...bounds.sixteenClients,
    maxSeconds: Math.min(10, bounds.sixteenClients.maxSeconds),
  });
  console.log(
    `  floor (GET /api/health): one client p50 ${one.run.latency?.p50} ms; ${sixteenClients.connections} clients ${sixteenClients.requestsPerSecond} req/s`,
  );
  return {
    oneClient: { latency: one.run.latency, errors: one.run.errors, requests: one.run.requests },
    sixteenClients,
  };
}

/**
 * The realistic mix (bench/query-mix.ts): its request sequence at one client, then at 16, against a
 * server whose counts cache starts from what the fixed mix left in it; hit rates from Server-Timing.
 */
async function realisticLoad(base: string, bounds: Bounds): Promise<RealisticLoad> {
  const mix = realisticMix();
  const one = await runLoad(base, mix.sequence, { connections: 1, ...bounds.oneClient });
  const { run: sixteenClients } = await runLoad(base, mix.sequence.slice(one.run.requests), bounds.sixteenClients);
  console.log(
    `  realistic mix (${mix.summary.distinct} distinct queries): one client p95 ${one.run.latency?.p95} ms; ${sixteenClients.connections} clients ${sixteenClients.requestsPerSecond} req/s, p95 ${sixteenClients.latency?.p95} ms, counts cache hit rate ${sixteenClients.countsCache?.hitRate ?? "–"}, ${sixteenClients.errors} errors`,
  );
  return { mix: mix.summary, oneClient: one.run, sixteenClients };
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
    if (log)
      console.log(
        `  ${q.name.padEnd(36)} ${String(found).padStart(7)} results${probe.correctedQuery ? ` (as "${probe.correctedQuery}")` : ""}  p50 ${app.latency?.p50} p95 ${app.latency?.p95} ms  ${app.requests} req`,
      );
  }
  const oneClient = {
    latency: summarize(oneClientLatencies),
    errors: perQuery.reduce((s, q) => s + q.app.errors, 0),
    requests: oneClientLatencies.length,
  };
  console.log(
    `  one client, whole mix: p50 ${oneClient.latency?.p50} p95 ${oneClient.latency?.p95} ms, ${oneClient.errors} errors`,
  );
  const { run: sixteenClients } = await runLoad(base, mixPaths(), bounds.sixteenClients);
  console.log(
    `  ${sixteenClients.connections} clients, whole mix: ${sixteenClients.requestsPerSecond} req/s, p95 ${sixteenClients.latency?.p95} ms, ${sixteenClients.errors} errors`,
  );
  return { perQuery, load: { oneClient, sixteenClients } satisfies SearchLoad };
}

async function main() {
  const opts = options();
  const bounds = opts.quick ? QUICK : FULL;
  const before = machineBefore();
  const notes = [...opts.notes];
  if (before.loadBefore[0] > before.cores / 2)
    notes.push(
      `The load average was ${before.loadBefore[0]} on ${before.cores} cores when the run started: other work was running, and the figures include that contention.`,
    );
  let version = opts.databaseUrl ? await serverVersion(opts.databaseUrl) : "";
  console.log(
    `Question Bank benchmark (${opts.quick ? "quick" : "full"}): sizes ${opts.sizes.join(", ")} on ${opts.databaseUrl ? `PostgreSQL ${version}` : "PGlite"}, ${before.cores} cores`,
  );

  if (opts.onlyResults) {
    // In-process code paths on a database of their own: no build, no server.
    const run = await measureResults(opts.databaseUrl, version, opts.quick ? [1_000, 5_000] : undefined);
    return mergeIntoResults(
      opts,
      before,
      version,
      (results) => ({
        ...results,
        results: run,
        targets: [...results.targets.filter((t) => !t.id.startsWith("results-")), ...evaluateResultsTargets(run)],
      }),
      "results from collected data",
    );
  }
  if (opts.skipBuild && hasBuild()) console.log("Reusing the build in .next-bench (--skip-build).");
  else {
    console.log("Building the app into .next-bench…");
    console.log(`  built in ${await buildApp()} s`);
  }

  if (opts.onlyBuilder) return builderOnly(opts, before, notes, version);
  if (opts.onlyLighthouse) {
    const run = await measureLighthouse(opts.sizes.at(-1)!, opts.databaseUrl, version);
    return mergeIntoResults(
      opts,
      before,
      version,
      (results) => ({
        ...results,
        lighthouse: run,
        targets: [
          ...results.targets.filter((t) => !t.id.startsWith("lighthouse-") && t.id !== "search-page-javascript"),
          ...evaluateLighthouseTargets(run),
        ],
      }),
      "Lighthouse",
    );
  }
  if (opts.instances) {
    const run = await measureInstances(opts.databaseUrl, opts.sizes.at(-1)!, opts.instances, bounds, version);
    return mergeIntoResults(opts, before, version, (results) => ({ ...results, instances: run }), "instances");
  }

  let startup: BenchResults["startup"] = null;
  if (!opts.skipStartup) {
    console.log("Start-up of npm start on a fresh embedded database, twice…");
    startup = await measureStartup();
    console.log(
      `  first run ${startup.firstRunMs} ms, second ${startup.secondRunMs} ms${startup.rebuilt ? " (start.ts rebuilt: the sources changed during the run)" : ""}`,
    );
  }

  const perSize: SizeResult[] = [];
  const builder: BuilderRun[] = [];
  for (const size of opts.sizes) {
    const measured = await measureSize(size, opts.databaseUrl, bounds, opts.builder, (v) => (version ||= v));
    perSize.push(measured.size);
    if (measured.builder) builder.push(measured.builder);
  }

  const resultsRun = await measureResults(opts.databaseUrl, version, opts.quick ? [1_000, 5_000] : undefined);
  const results: BenchResults = {
    mode: opts.quick ? "quick" : "full",
    machine: machineAfter(before),
    database: { kind: opts.databaseUrl ? "postgres" : "pglite", version },
    sizes: opts.sizes,
    bounds,
    startup,
    perSize,
    targets: [
      ...evaluateTargets(perSize, startup, opts.databaseUrl ? "postgres" : "pglite"),
      ...evaluateBuilderTargets(builder),
      ...evaluateResultsTargets(resultsRun),
    ],
    notes,
    builder,
    results: resultsRun,
  };
  await mkdir(opts.out, { recursive: true });
  await writeFile(path.join(opts.out, "results.json"), JSON.stringify(results, null, 2) + "\n");
  await writeMarkdown(path.join(opts.out, "RESULTS.md"), renderMarkdown(results));
  console.log(`\nWrote ${opts.out}/results.json and ${opts.out}/RESULTS.md`);
  for (const t of results.targets)
    console.log(
      `  ${t.met === null ? "not measured" : t.met ? "met   " : "MISSED"}  ${t.description}: ${t.measured} (${t.threshold})`,
    );
}

/**
 * `--only builder`: the builder scenario on each size, merged into DIR/results.json: this
 * database's builder runs are replaced, everything else there (search, exports, the other
 * database's builder runs) is kept, and RESULTS.md is written again from the whole.
 */
async function builderOnly(
  opts: ReturnType<typeof options>,
  before: ReturnType<typeof machineBefore>,
  notes: string[],
  version: string,
) {
  const kind = opts.databaseUrl ? ("postgres" as const) : ("pglite" as const);
  const runs: BuilderRun[] = [];
  for (const size of opts.sizes) runs.push(await measureBuilderOnly(size, opts.databaseUrl, opts.builder));
  if (version) for (const r of runs) r.database.version = version;
  await mergeIntoResults(
    opts,
    before,
    version,
    (results) => {
      const builder = [...(results.builder ?? []).filter((b) => b.database.kind !== kind), ...runs];
      return {
        ...results,
        builder,
        targets: [...results.targets.filter((t) => !t.id.startsWith("builder-")), ...evaluateBuilderTargets(builder)],
        notes: [
          ...results.notes.filter((n) => !n.startsWith(`Builder (${kind})`)),
          ...notes.map((n) => `Builder (${kind}): ${n}`),
        ],
      };
    },
    `builder runs on ${kind}`,
  );
}

/** Reads DIR/results.json (or starts an empty one), applies `change`, writes it and RESULTS.md again. */
async function mergeIntoResults(
  opts: ReturnType<typeof options>,
  before: ReturnType<typeof machineBefore>,
  version: string,
  change: (results: BenchResults) => BenchResults,
  what: string,
) {
  const kind = opts.databaseUrl ? ("postgres" as const) : ("pglite" as const);
  const file = path.join(opts.out, "results.json");
  let results: BenchResults;
  try {
    results = JSON.parse(await readFile(file, "utf8")) as BenchResults;
  } catch {
    results = {
      mode: opts.quick ? "quick" : "full",
      machine: machineAfter(before),
      database: { kind, version },
      sizes: [],
      bounds: opts.quick ? QUICK : FULL,
      startup: null,
      perSize: [],
      targets: [],
      notes: [],
    };
  }
  results = change(results);
  await mkdir(opts.out, { recursive: true });
  await writeFile(file, JSON.stringify(results, null, 2) + "\n");
  await writeMarkdown(path.join(opts.out, "RESULTS.md"), renderMarkdown(results));
  console.log(`\nWrote ${opts.out}/results.json and ${opts.out}/RESULTS.md (${what} replaced, the rest kept)`);
  for (const t of results.targets.filter((x) => /^(builder-|lighthouse-|search-page-javascript|results-)/.test(x.id)))
    console.log(
      `  ${t.met === null ? "not measured" : t.met ? "met   " : "MISSED"}  ${t.description}: ${t.measured} (${t.threshold})`,
    );
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

/** Written as Prettier would write it: the lint step of the test command checks bench/RESULTS.md too. */
async function writeMarkdown(file: string, markdown: string) {
  await writeFile(
    file,
    await prettierFormat(markdown, { ...(await prettierConfig(file)), parser: "markdown", filepath: file }),
  );
}
