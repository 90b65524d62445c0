// bench/RESULTS.md from bench/results.json: tables a person can read. Pure (tested in
// tests/unit/bench-report.test.ts); bench/run.ts writes both files.
import type {
  BenchResults,
  BuilderRun,
  InstancesRun,
  LoadRun,
  RealisticLoad,
  SearchLoad,
  SizeResult,
  TargetResult,
} from "./types";
import { ratio } from "./stats";
import { LIGHTHOUSE_RUNS } from "./lighthouse";
import { BUILDER_OPS } from "./builder-load";
import { resultsSection } from "./results-scenario";

const n = (x: number) => x.toLocaleString("en");
const num = (x: number | null | undefined, unit = "") => (x == null || !Number.isFinite(x) ? "–" : `${n(x)}${unit}`);
const cell = (s: string) => s.replace(/\|/g, "\\|");

function verdict(t: TargetResult) {
  return t.met === null ? "not measured" : t.met ? "**met**" : "**missed**";
}

/** The figures followed across sizes, each read from one size's results. */
const GROWTH: { label: string; unit: string; read: (s: SizeResult) => number | null | undefined }[] = [
  { label: "search p50, 1 client (mix)", unit: " ms", read: (s) => s.search.cached.oneClient.latency?.p50 },
  { label: "search p95, 1 client (mix)", unit: " ms", read: (s) => s.search.cached.oneClient.latency?.p95 },
  { label: "search p99, 1 client (mix)", unit: " ms", read: (s) => s.search.cached.oneClient.latency?.p99 },
  {
    label: "search p95, 1 client, counts cache off",
    unit: " ms",
    read: (s) => s.search.noCache?.oneClient.latency?.p95,
  },
  { label: "requests/s, 16 clients", unit: "", read: (s) => s.search.cached.sixteenClients.requestsPerSecond },
  { label: "search p95, 16 clients", unit: " ms", read: (s) => s.search.cached.sixteenClients.latency?.p95 },
  {
    label: "requests/s, 16 clients, counts cache off",
    unit: "",
    read: (s) => s.search.noCache?.sixteenClients.requestsPerSecond,
  },
  {
    label: "GET /api/health p50, 1 client (the floor)",
    unit: " ms",
    read: (s) => s.search.floor?.oneClient.latency?.p50,
  },
  {
    label: "GET /api/health requests/s, 16 clients",
    unit: "",
    read: (s) => s.search.floor?.sixteenClients.requestsPerSecond,
  },
  { label: "SQL p50, sum over the mix (first request)", unit: " ms", read: (s) => s.search.sql.totalSqlColdP50 },
  { label: "app overhead over SQL (cache on)", unit: "×", read: (s) => s.search.sql.overhead },
  { label: "app overhead over SQL (cache off)", unit: "×", read: (s) => s.search.sql.overheadNoCache },
  { label: "XLSForm export, 300 items", unit: " ms", read: (s) => s.export?.xlsform.medianMs },
  { label: "CSV export, 300 items", unit: " ms", read: (s) => s.export?.csv.medianMs },
  { label: "CSV of the whole bank", unit: " ms", read: (s) => s.export?.bankCsv.medianMs },
  { label: "XLSForm import, 300 items", unit: " ms", read: (s) => s.import?.medianMs },
  { label: "import of a generated 5,000-row XLSForm", unit: " ms", read: (s) => s.formImport?.rows5000.medianMs },
  { label: "server peak RSS during search load", unit: " MB", read: (s) => s.memory.peakTreeRssMb },
  { label: "filling the database", unit: " s", read: (s) => s.fillSeconds },
];

function growthTable(sizes: SizeResult[]): string[] {
  const head = `| figure | ${sizes.map((s) => `${n(s.questions)} questions`).join(" | ")} | growth ${sizes.length > 1 ? `(${n(sizes[0].questions)} → ${n(sizes[sizes.length - 1].questions)})` : ""} |`;
  const lines = [head, `|---|${sizes.map(() => "---:|").join("")}---:|`];
  for (const g of GROWTH) {
    const values = sizes.map(g.read);
    const first = values[0];
    const last = values[values.length - 1];
    const growth = sizes.length > 1 && first && last ? `${Math.round((last / first) * 10) / 10}×` : "–";
    lines.push(`| ${g.label} | ${values.map((v) => num(v, g.unit)).join(" | ")} | ${growth} |`);
  }
  return lines;
}

function realisticSection(r: RealisticLoad): string[] {
  const share = (tally: Record<string, number>) =>
    Object.entries(tally)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  const row = (run: LoadRun) =>
    `| ${run.connections} | ${n(run.requests)} | ${run.seconds} | **${run.requestsPerSecond}** | ${num(run.latency?.p50)} | ${num(run.latency?.p95)} | ${num(run.latency?.p99)} | ${run.countsCache ? `${Math.round(run.countsCache.hitRate * 100)}%` : "–"} | ${run.errors} |`;
  return [
    "",
    `### Search load, the realistic mix (bench/query-mix.ts: ${n(r.mix.distinct)} distinct queries, ${n(r.mix.requests)} requests drawn ∝ 1/rank; the ten most asked take ${Math.round(r.mix.topTenShare * 100)}%)`,
    "",
    `Languages: ${share(r.mix.byLanguage)}. Words: ${share(r.mix.byWords)}. Kinds: ${share(r.mix.byKind)}. Counts cache hit rate: the share of answers whose counts came from the cache (the API's Server-Timing header).`,
    "",
    "| clients | requests | seconds | requests/s | p50 | p95 | p99 | counts cache hits | errors |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    row(r.oneClient),
    row(r.sixteenClients),
  ];
}

function sizeSection(s: SizeResult, bounds: BenchResults["bounds"]): string[] {
  const out = [`## ${n(s.questions)} questions`, ""];
  out.push(
    `Database: ${n(s.database.questions)} questions (${n(s.database.publishedQuestions)} published), ${n(s.database.texts)} question texts; filled in ${s.fillSeconds} s.`,
    "",
    `### Search, one client (each query: up to ${bounds.oneClient.maxRequests} requests or ${bounds.oneClient.maxSeconds} s, after 3 probe requests)`,
    "",
    "The app as shipped keeps each search's counts in memory (lib/search/counts-cache.ts), and the mix repeats the same searches, so after the first request their counts come from that cache: the best case. The same load against a server started with `QB_SEARCH_COUNTS_CACHE=off` (every request counts its matches) is the worst case, as for searches nobody made before. SQL: the statements of the first request (cold, counts computed) and of a repeat (warm), run directly one after another.",
    "",
    "| query | results | p50 | p95 | p99 | requests | errors | cache off: p50 | p95 | SQL warm p50 | SQL cold p50 | app / SQL (on; off) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const q of s.search.perQuery) {
    const results = q.total === null ? "–" : n(q.total) + (q.correctedQuery ? ` (as “${cell(q.correctedQuery)}”)` : "");
    const off = q.appNoCache;
    out.push(
      `| ${cell(q.name)} | ${results} | ${num(q.app.latency?.p50)} | ${num(q.app.latency?.p95)} | ${num(q.app.latency?.p99)} | ${q.app.requests} | ${q.app.errors + (off?.errors ?? 0)} | ${num(off?.latency?.p50)} | ${num(off?.latency?.p95)} | ${num(q.sql.warm?.p50)} | ${num(q.sql.cold?.p50)} | ${q.overhead ?? "–"}×; ${q.overheadNoCache ?? "–"}× |`,
    );
  }
  const loads: [string, SearchLoad | null][] = [
    ["counts cache on (as shipped)", s.search.cached],
    ["counts cache off", s.search.noCache],
    ["for scale: GET /api/health", s.search.floor],
  ];
  const sql = s.search.sql;
  out.push(
    "",
    "Times in milliseconds; errors: both servers together. `GET /api/health` (Next's routing, the proxy and one database round trip, no search) is the floor under every request: what the app costs before it searches.",
    `SQL run directly: sum of p50 over the mix, warm ${num(sql.totalSqlWarmP50)} ms against the app's ${num(sql.totalAppP50)} ms (**${num(sql.overhead)}×**); cold ${num(sql.totalSqlColdP50)} ms against the app's ${num(sql.totalAppNoCacheP50)} ms with the cache off (**${num(sql.overheadNoCache)}×**). The app runs a request's page and count statements side by side on its connection pool, the replay one after another.`,
    "",
    `### Search load, the whole mix (one client: every query's requests above together; ${s.search.cached.sixteenClients.connections} clients: the mix in turn, up to ${n(bounds.sixteenClients.maxRequests)} requests or ${bounds.sixteenClients.maxSeconds} s)`,
    "",
    "| server | clients | requests | seconds | requests/s | p50 | p95 | p99 | max | errors (non-2xx, timeouts) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  );
  for (const [label, load] of loads) {
    if (!load) continue;
    const one = load.oneClient;
    const many = load.sixteenClients;
    out.push(
      `| ${label} | 1 | ${n(one.requests)} | | | ${num(one.latency?.p50)} | ${num(one.latency?.p95)} | ${num(one.latency?.p99)} | ${num(one.latency?.max)} | ${one.errors} |`,
      `| ${label} | ${many.connections} | ${n(many.requests)} | ${many.seconds} | **${many.requestsPerSecond}** | ${num(many.latency?.p50)} | ${num(many.latency?.p95)} | ${num(many.latency?.p99)} | ${num(many.latency?.max)} | ${many.errors} (${many.non2xx}, ${many.timeouts}) |`,
    );
  }
  if (s.search.realistic) out.push(...realisticSection(s.search.realistic));
  out.push(
    "",
    `Server memory during the search load (cache on): peak resident set of the server's process tree **${num(s.memory.peakTreeRssMb)} MB** (${s.memory.samples} samples); highest VmHWM of one process ${num(s.memory.peakProcessHwmMb)} MB.`,
    "",
    "### Export and import (over HTTP, signed in as a researcher)",
    "",
  );
  if (s.export && s.import) {
    const e = s.export;
    out.push(
      "| what | median | first (cold) | runs | size | status |",
      "|---|---:|---:|---:|---:|---:|",
      `| XLSForm, 300 items, four languages | ${num(e.xlsform.medianMs)} ms | ${num(e.xlsform.firstMs)} ms | ${e.xlsform.runsMs.length} | ${n(Math.round(e.xlsform.bytes / 1024))} KB | ${e.xlsform.status} |`,
      `| CSV, 300 items, four languages | ${num(e.csv.medianMs)} ms | ${num(e.csv.firstMs)} ms | ${e.csv.runsMs.length} | ${n(Math.round(e.csv.bytes / 1024))} KB | ${e.csv.status} |`,
      `| CSV of the whole bank (${n(e.bankCsv.rows)} questions) | ${num(e.bankCsv.medianMs)} ms | ${num(e.bankCsv.firstMs)} ms | ${e.bankCsv.runsMs.length} | ${n(Math.round(e.bankCsv.bytes / 1024))} KB | ${e.bankCsv.status} |`,
      `| import of that XLSForm (${s.import.questions ?? "?"} questions) | ${num(s.import.medianMs)} ms | ${num(s.import.firstMs)} ms | ${s.import.runsMs.length} | | ${s.import.status} |`,
    );
    const f = s.formImport;
    if (f)
      out.push(
        `| import of a generated ${n(f.rows300.rows)}-row XLSForm (groups, repeats, four languages) | ${num(f.rows300.medianMs)} ms | ${num(f.rows300.firstMs)} ms | ${f.rows300.runsMs.length} | ${n(Math.round(f.rows300.bytes / 1024))} KB | ${f.rows300.status} |`,
        `| import of a generated ${n(f.rows5000.rows)}-row XLSForm | ${num(f.rows5000.medianMs)} ms | ${num(f.rows5000.firstMs)} ms | ${f.rows5000.runsMs.length} | ${n(Math.round(f.rows5000.bytes / 1024))} KB | ${f.rows5000.status} |`,
        `| ${f.concurrent.requests} imports of the ${n(f.rows5000.rows)}-row form at once (until the last answers; slowest answer) | ${num(f.concurrent.wallMs)} ms | ${num(f.concurrent.slowestMs)} ms | 1 | | ${f.concurrent.statuses.join(", ")} |`,
      );
    if (e.bankCsv.cappedAt !== null)
      out.push(
        "",
        `**The whole-bank CSV held ${n(e.bankCsv.cappedAt)} questions** while the bank has ${n(s.database.publishedQuestions)} published: a defect (the export streams every published question): the time is for ${n(e.bankCsv.rows)} questions.`,
      );
  }
  if (s.exportImportNote) out.push("", `Note: ${s.exportImportNote}`);
  out.push("");
  return out;
}

function instancesSection(run: InstancesRun): string[] {
  const one = run.rows[0];
  return [
    `## Several instances on one PostgreSQL (${num(run.questions)} questions)`,
    "",
    "The realistic search mix (bench/query-mix.ts) and `/api/health` at 16 clients through a round-robin balancer (bench/balancer.ts) in front of 1 … N `next start` instances sharing one PostgreSQL and one auth secret; the balancer, the load tool, the instances and PostgreSQL share this machine's cores, so the gain per instance is bounded by them.",
    "",
    "| instances | /api/health req/s | search req/s | search p95 ms | errors | search vs 1 instance |",
    "|---|---|---|---|---|---|",
    ...run.rows.map(
      (row) =>
        `| ${row.instances} | ${num(row.health.requestsPerSecond)} | ${num(row.search.requestsPerSecond)} | ${num(row.search.latency?.p95 ?? null)} | ${row.search.errors + row.health.errors} | ${ratio(row.search.requestsPerSecond, one.search.requestsPerSecond) ?? "–"}× |`,
    ),
    "",
    `Load average ${run.loadBefore.join(" / ")} before, ${run.loadAfter.join(" / ")} after.`,
    "",
  ];
}

function lighthouseSection(run: NonNullable<BenchResults["lighthouse"]>): string[] {
  const out = [
    `## Lighthouse (${run.lighthouseVersion}, ${run.chromium}): the main pages, ${num(run.questions)} questions on ${run.database.kind === "postgres" ? `PostgreSQL ${run.database.version}` : "PGlite"}`,
    "",
    `Each page audited ${LIGHTHOUSE_RUNS.mobile} times with the mobile preset (the median run shown, Lighthouse's computeMedianRun; every run's score in brackets) and ${LIGHTHOUSE_RUNS.desktop === 1 ? "once" : `${LIGHTHOUSE_RUNS.desktop} times`} with the desktop preset, one after another, after one unmeasured visit (its code loaded): mobile is Lighthouse's default (a mid-range phone, simulated slow 4G, CPU 4× slower), desktop its desktop preset. JavaScript: what the page downloads, compressed as served. Run ${run.startedAt.slice(0, 16).replace("T", " ")} UTC, load average ${run.loadBefore.join(", ")} → ${run.loadAfter.join(", ")}.`,
    "",
    "| page | as | preset | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | JavaScript kB | failed accessibility audits |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const a of run.audits)
    out.push(
      `| ${cell(a.name)} (\`${cell(a.path)}\`) | ${a.as} | ${a.formFactor} | ${a.performance ?? "–"}${a.performanceRuns ? ` (${a.performanceRuns.map((r) => r ?? "–").join(", ")})` : ""} | ${a.accessibility ?? "–"} | ${num(a.firstContentfulPaintMs)} | ${num(a.largestContentfulPaintMs)} | ${num(a.totalBlockingTimeMs)} | ${a.cumulativeLayoutShift ?? "–"} | ${a.scriptTransferBytes === null ? "–" : num(Math.round(a.scriptTransferBytes / 1024))} | ${cell(a.failedAccessibilityAudits.join(", ") || (a.runtimeError ?? ""))} |`,
    );
  out.push("");
  return out;
}

function builderSection(runs: BuilderRun[]): string[] {
  const out = [
    "## Builder: researchers editing their questionnaires at once",
    "",
    "Each researcher, signed in, edits their own questionnaire (20 items, two sections) through the builder's server action, over HTTP as the browser does: add a question, move it to the top, edit the settings, remove it; after each change the page is read again (`RSC: 1`), as `router.refresh()` does, then the researcher pauses as a person does (exponential, mean in the table; 0: no pause, the server's capacity rather than people's experience). One warm-up change per researcher, not counted, loads each route's code first. Times in milliseconds; every write's latency is kept.",
    "",
    "| database | bank | researchers | mean pause (s) | run (UTC) | load before → after | seconds | writes | writes/s | p50 | p95 | p99 | max | errors | conflicts |",
    "|---|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const b of runs) {
    const w = b.writes;
    out.push(
      `| ${b.database.kind === "postgres" ? "PostgreSQL" : "PGlite"} ${b.database.version} | ${n(b.questions)} | ${b.researchers} | ${(b.thinkMs ?? 0) / 1000} | ${b.startedAt.slice(0, 16).replace("T", " ")} | ${b.loadBefore.join(", ")} → ${b.loadAfter.join(", ")} | ${b.seconds} | ${n(w?.count ?? 0)} | ${b.writesPerSecond} | ${num(w?.p50)} | **${num(w?.p95)}** | ${num(w?.p99)} | ${num(w?.max)} | ${b.errors} | ${b.conflicts} |`,
    );
  }
  out.push("", "| database | change | count | p50 | p95 | p99 | max |", "|---|---|---:|---:|---:|---:|---:|");
  for (const b of runs) {
    const db = b.database.kind === "postgres" ? "PostgreSQL" : "PGlite";
    for (const op of BUILDER_OPS) {
      const l = b.perOp[op];
      out.push(
        `| ${db} | ${op} | ${n(l?.count ?? 0)} | ${num(l?.p50)} | ${num(l?.p95)} | ${num(l?.p99)} | ${num(l?.max)} |`,
      );
    }
    if (b.reload)
      out.push(
        `| ${db} | page re-read (GET, RSC) | ${n(b.reload.count)} | ${num(b.reload.p50)} | ${num(b.reload.p95)} | ${num(b.reload.p99)} | ${num(b.reload.max)} |`,
      );
  }
  if (runs.some((b) => !b.reload))
    out.push("", "A run without a page re-read row ran with `--builder-no-reload`: the writes alone.");
  const samples = runs.flatMap((b) => b.errorSamples.map((e) => `${b.database.kind}: ${e}`));
  if (samples.length) out.push("", "Errors seen (first ones):", "", ...samples.map((e) => `- ${cell(e)}`));
  out.push("");
  return out;
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out = [
    "# Question Bank benchmark results",
    "",
    `Written by \`npm run bench${r.mode === "quick" ? " -- --quick" : ""}\` (bench/run.ts; how it works: [bench/README.md](README.md)); the same figures in [results.json](results.json).`,
    "",
    "## Conditions",
    "",
    `- Machine: ${m.cores} cores (${m.cpuModel}), ${n(m.memoryMb)} MB memory, Node.js ${m.node}, ${m.platform}.`,
    `- Database: ${r.database.kind === "postgres" ? "PostgreSQL" : "PGlite (embedded)"} ${r.database.version}; each size in a fresh database filled by \`npm run bank:generate\`.`,
    `- Run ${m.startedAt} → ${m.finishedAt}, ${r.mode === "quick" ? "**quick mode** (one small size, few requests: a smoke run, not a measurement to judge the targets by)" : "full mode"}.`,
    `- Load average (1, 5, 15 min) before ${m.loadBefore.join(", ")}, after ${m.loadAfter.join(", ")}. The load tool, the server and the database share the same ${m.cores} cores.`,
    ...r.notes.map((note) => `- ${note}`),
    "",
    "## Targets",
    "",
    "| target | threshold | measured | verdict | detail |",
    "|---|---|---|---|---|",
    ...r.targets.map(
      (t) =>
        `| ${cell(t.description)} | ${cell(t.threshold)} | ${cell(t.measured)} | ${verdict(t)} | ${cell(t.detail ?? "")} |`,
    ),
    "",
  ];
  if (r.perSize.length) out.push(`## How the figures grow with the bank`, "", ...growthTable(r.perSize), "");
  if (r.startup) {
    out.push(
      "## Start-up (embedded database)",
      "",
      "`npm start` with a fresh PGLITE_DIR (the build already made), from the command to the first 200 of `/en`:",
      "",
      `- first run (migrate, seed the bank and the demo accounts): **${num(r.startup.firstRunMs)} ms**`,
      `- second run (database ready): **${num(r.startup.secondRunMs)} ms**`,
      ...(r.startup.rebuilt
        ? [
            "- start.ts rebuilt the app during this measurement (the sources changed after the benchmark's build): those times include a build.",
          ]
        : []),
      ...(r.startup.note ? [`- ${r.startup.note}`] : []),
      "",
    );
  }
  if (r.builder?.length) out.push(...builderSection(r.builder));
  if (r.instances) out.push(...instancesSection(r.instances));
  if (r.lighthouse) out.push(...lighthouseSection(r.lighthouse));
  if (r.results) out.push(...resultsSection(r.results));
  for (const s of r.perSize) out.push(...sizeSection(s, r.bounds));
  return out.join("\n");
}
