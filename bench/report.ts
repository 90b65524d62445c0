// bench/RESULTS.md from bench/results.json: tables a person can read. Pure (tested in
// tests/unit/bench-report.test.ts); bench/run.ts writes both files.
import type { BenchResults, SizeResult, TargetResult } from "./types";

const n = (x: number) => x.toLocaleString("en");
const num = (x: number | null | undefined, unit = "") => (x == null || !Number.isFinite(x) ? "–" : `${n(x)}${unit}`);
const cell = (s: string) => s.replace(/\|/g, "\\|");

function verdict(t: TargetResult) {
  return t.met === null ? "not measured" : t.met ? "**met**" : "**missed**";
}

/** The figures followed across sizes, each read from one size's results. */
const GROWTH: { label: string; unit: string; read: (s: SizeResult) => number | null | undefined }[] = [
  { label: "search p50, 1 client (mix)", unit: " ms", read: (s) => s.search.oneClient.latency?.p50 },
  { label: "search p95, 1 client (mix)", unit: " ms", read: (s) => s.search.oneClient.latency?.p95 },
  { label: "search p99, 1 client (mix)", unit: " ms", read: (s) => s.search.oneClient.latency?.p99 },
  { label: "requests/s, 16 clients", unit: "", read: (s) => s.search.sixteenClients.requestsPerSecond },
  { label: "search p95, 16 clients", unit: " ms", read: (s) => s.search.sixteenClients.latency?.p95 },
  { label: "SQL p50, sum over the mix", unit: " ms", read: (s) => s.search.sql.totalSqlP50 },
  { label: "app overhead over SQL", unit: "×", read: (s) => s.search.sql.overhead },
  { label: "XLSForm export, 300 items", unit: " ms", read: (s) => s.export?.xlsform.medianMs },
  { label: "CSV export, 300 items", unit: " ms", read: (s) => s.export?.csv.medianMs },
  { label: "CSV of the whole bank", unit: " ms", read: (s) => s.export?.bankCsv.medianMs },
  { label: "XLSForm import, 300 items", unit: " ms", read: (s) => s.import?.medianMs },
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

function sizeSection(s: SizeResult, bounds: BenchResults["bounds"]): string[] {
  const out = [`## ${n(s.questions)} questions`, ""];
  out.push(
    `Database: ${n(s.database.questions)} questions (${n(s.database.publishedQuestions)} published), ${n(s.database.texts)} question texts; filled in ${s.fillSeconds} s.`,
    "",
    `### Search, one client (each query: up to ${bounds.oneClient.maxRequests} requests or ${bounds.oneClient.maxSeconds} s, after warm-up)`,
    "",
    "| query | results | app p50 | app p95 | app p99 | requests | errors | SQL p50 | app / SQL |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const q of s.search.perQuery) {
    const results = q.total === null ? "–" : n(q.total) + (q.correctedQuery ? ` (as “${cell(q.correctedQuery)}”)` : "");
    out.push(
      `| ${cell(q.name)} | ${results} | ${num(q.app.latency?.p50)} | ${num(q.app.latency?.p95)} | ${num(q.app.latency?.p99)} | ${q.app.requests} | ${q.app.errors} | ${num(q.sql?.p50)} | ${q.overhead === null ? "–" : `${q.overhead}×`} |`,
    );
  }
  const one = s.search.oneClient;
  const sixteen = s.search.sixteenClients;
  out.push(
    "",
    `Times in milliseconds. Whole mix at one client: p50 ${num(one.latency?.p50)}, p95 ${num(one.latency?.p95)}, p99 ${num(one.latency?.p99)} ms over ${n(one.requests)} requests, ${one.errors} errors.`,
    s.search.sql.available
      ? `SQL run directly: the statements one request runs (lib/search/statements.ts), one after another on one connection; sum of p50 over the mix ${num(s.search.sql.totalSqlP50)} ms against the app's ${num(s.search.sql.totalAppP50)} ms: **${num(s.search.sql.overhead)}×**.`
      : `SQL run directly: not measured (${s.search.sql.note}).`,
    "",
    `### Search, ${sixteen.connections} concurrent clients (the mix in turn; up to ${n(bounds.sixteenClients.maxRequests)} requests or ${bounds.sixteenClients.maxSeconds} s)`,
    "",
    "| requests | seconds | requests/s | p50 | p95 | p99 | max | errors (non-2xx, timeouts) |",
    "|---:|---:|---:|---:|---:|---:|---:|---|",
    `| ${n(sixteen.requests)} | ${sixteen.seconds} | **${sixteen.requestsPerSecond}** | ${num(sixteen.latency?.p50)} | ${num(sixteen.latency?.p95)} | ${num(sixteen.latency?.p99)} | ${num(sixteen.latency?.max)} | ${sixteen.errors} (${sixteen.non2xx}, ${sixteen.timeouts}) |`,
    "",
    `Server memory during the search load: peak resident set of the server's process tree **${num(s.memory.peakTreeRssMb)} MB** (${s.memory.samples} samples); highest VmHWM of one process ${num(s.memory.peakProcessHwmMb)} MB.`,
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
    if (e.bankCsv.cappedAt !== null)
      out.push("", `**The whole-bank CSV stops at ${n(e.bankCsv.cappedAt)} questions** (MAX_EXPORT_QUESTIONS in lib/export/bank-export-data.ts) while the bank has ${n(s.database.publishedQuestions)} published: the time is for ${n(e.bankCsv.rows)} questions.`);
  }
  if (s.exportImportNote) out.push("", `Note: ${s.exportImportNote}`);
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
    ...r.targets.map((t) => `| ${cell(t.description)} | ${cell(t.threshold)} | ${cell(t.measured)} | ${verdict(t)} | ${cell(t.detail ?? "")} |`),
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
      ...(r.startup.rebuilt ? ["- start.ts rebuilt the app during this measurement (the sources changed after the benchmark's build): those times include a build."] : []),
      ...(r.startup.note ? [`- ${r.startup.note}`] : []),
      "",
    );
  }
  for (const s of r.perSize) out.push(...sizeSection(s, r.bounds));
  return out.join("\n");
}
