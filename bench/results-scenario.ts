// The results scenario (issue 16): a fresh database with the real bank and its templates, then
// bench/results-upload.ts in a child process per size (10,000 and 50,000 submissions × 150
// columns), each its own process so that their memory figures do not mix. Its target, and its
// section of RESULTS.md. The target judges the largest size on PGlite.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "./database";
import { machineAfter, machineBefore } from "./machine";
import { runToEnd } from "./processes";
import { TARGETS } from "./targets";
import type { TargetResult } from "./types";

export const RESULTS_SIZES = [10_000, 50_000];
export const RESULTS_COLUMNS = 150;

type Memory = { rssGrowthMb: number; heapGrowthMb: number };
export type ResultsSize = {
  rows: number;
  columns: number;
  fileBytes: number;
  indicators: number;
  parseMs: number;
  checkEncodeMs: number;
  uploadMs: number;
  computeMs: number;
  totalMs: number;
  chunks: number;
  storedBytes: number;
  memory: { parse: Memory; upload: Memory; compute: Memory };
};
export type ResultsRun = {
  database: { kind: "postgres" | "pglite"; version: string };
  sizes: ResultsSize[];
  startedAt: string;
  finishedAt: string;
  loadBefore: number[];
  loadAfter: number[];
};

const node = (script: string, out: string) => [
  "--expose-gc",
  "--import",
  "./scripts/server-only.mjs",
  "--import",
  "tsx",
  script,
  out,
];

export async function measureResults(
  adminUrl: string | undefined,
  version: string,
  sizes = RESULTS_SIZES,
): Promise<ResultsRun> {
  const db = await createDatabase(adminUrl, 0);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "qb-bench-results-out-"));
  try {
    console.log("Results: migrating and seeding a fresh database (the bank and its templates)…");
    await runToEnd(
      process.execPath,
      ["--import", "./scripts/server-only.mjs", "--import", "tsx", "scripts/db.ts", "seed"],
      {
        env: { ...db.env, SEED_DEMO_ACCOUNTS: "0" },
        timeoutMs: 10 * 60_000,
        quiet: true,
      },
    );
    const before = machineBefore();
    const measured: ResultsSize[] = [];
    for (const rows of sizes) {
      console.log(
        `Results: ${rows.toLocaleString("en")} submissions × ${RESULTS_COLUMNS} columns, uploaded and computed…`,
      );
      const out = path.join(tmp, `${rows}.json`);
      await runToEnd(process.execPath, node("bench/results-upload.ts", out), {
        env: { ...db.env, BENCH_RESULTS_ROWS: String(rows), BENCH_RESULTS_COLUMNS: String(RESULTS_COLUMNS) },
        timeoutMs: 15 * 60_000,
      });
      const size = JSON.parse(await readFile(out, "utf8")) as ResultsSize;
      console.log(
        `  ${(size.fileBytes / 1e6).toFixed(1)} MB: upload ${size.uploadMs} ms (parse alone ${size.parseMs}, with checks and encoding ${size.checkEncodeMs}), every indicator from storage ${size.computeMs} ms; RSS +${size.memory.upload.rssGrowthMb} MB during the upload`,
      );
      measured.push(size);
    }
    const after = machineAfter(before);
    return {
      database: { kind: db.kind, version },
      sizes: measured,
      startedAt: after.startedAt,
      finishedAt: after.finishedAt,
      loadBefore: after.loadBefore,
      loadAfter: after.loadAfter,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await db.drop();
  }
}

const ms = (x: number) => `${x.toLocaleString("en")} ms`;

export function evaluateResultsTargets(run: ResultsRun | undefined): TargetResult[] {
  const largest = run ? [...run.sizes].sort((a, b) => b.rows - a.rows)[0] : undefined;
  const smallest = run ? [...run.sizes].sort((a, b) => a.rows - b.rows)[0] : undefined;
  const pglite = run?.database.kind === "pglite";
  return [
    {
      id: "results-upload-compute",
      description: `Submissions (${(largest?.rows ?? 50_000).toLocaleString("en")} × ${largest?.columns ?? RESULTS_COLUMNS} columns, CSV) parsed, checked, stored and every indicator computed from storage (${pglite || !run ? "PGlite" : "PostgreSQL"})`,
      threshold: `≤ ${ms(TARGETS.resultsUploadComputeMs)}`,
      measured: largest ? ms(largest.totalMs) : "not measured",
      met: largest ? largest.totalMs <= TARGETS.resultsUploadComputeMs && largest.rows >= 50_000 : null,
      atQuestions: null,
      detail: largest
        ? `upload ${ms(largest.uploadMs)}, computing ${ms(largest.computeMs)}; ${(largest.fileBytes / 1e6).toFixed(1)} MB file; RSS during the upload +${largest.memory.upload.rssGrowthMb} MB` +
          (smallest && smallest !== largest
            ? ` (at ${smallest.rows.toLocaleString("en")} rows +${smallest.memory.upload.rssGrowthMb} MB)`
            : "")
        : null,
    },
  ];
}

export function resultsSection(run: ResultsRun): string[] {
  const where = run.database.kind === "postgres" ? `PostgreSQL ${run.database.version}` : "PGlite";
  const mb = (b: number) => (b / 1e6).toFixed(1);
  return [
    `## Results from collected data (${where})`,
    "",
    "A generated KoboToolbox CSV export of a public template (its select questions, a weight, a region, Kobo's metadata, integers, free text and other selects up to the width) uploaded through the app's own upload, streamed from disk; then every indicator computed from storage as the results page does (only the columns it needs read), without and with a weight and a grouping. Each size in its own process; memory is the growth over the process's figures just before, sampled every 5 ms. Times in milliseconds.",
    "",
    `Run ${run.startedAt} → ${run.finishedAt}; load average (1, 5, 15 min) before ${run.loadBefore.join(", ")}, after ${run.loadAfter.join(", ")} (2 cores: above 2, other work was waiting for them too).`,
    "",
    "| Rows × columns | File (MB) | Parse alone | + checks, encoding | Upload (parse, check, store) | Compute all | Total | Stored (MB) | RSS growth, upload (MB) | Heap growth, upload (MB) |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    ...run.sizes.map(
      (s) =>
        `| ${s.rows.toLocaleString("en")} × ${s.columns} | ${mb(s.fileBytes)} | ${s.parseMs} | ${s.checkEncodeMs} | ${s.uploadMs} | ${s.computeMs} | ${s.totalMs} | ${mb(s.storedBytes)} | ${s.memory.upload.rssGrowthMb} | ${s.memory.upload.heapGrowthMb} |`,
    ),
    "",
  ];
}
