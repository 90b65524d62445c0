// Run in a child process (`node --expose-gc`) on a seeded database: a researcher uploads a
// generated KoboToolbox export of BENCH_RESULTS_ROWS rows × BENCH_RESULTS_COLUMNS columns of a
// public template through the app's own upload (lib/results/mutations.ts uploadDataset, the file
// streamed from disk as a request body is), then the results page's path computes every indicator
// from storage (findStoredDatasets with only the columns needed, resultsOfDataset), with a weight
// and a grouping. Also timed alone: the CSV parsing (csv-parse, records discarded) and the parsing
// with the checks and the encoding (nothing stored). Memory: the process's RSS and heap sampled
// every 5 ms, as growth over what it used just before the upload. Writes JSON to argv[2].
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getDb } from "../lib/db/client";
import { findResultsCodebook } from "../lib/results/codebook-data";
import { findStoredDatasets } from "../lib/results/data";
import { SubmissionsEncoder } from "../lib/results/ingest";
import { uploadDataset } from "../lib/results/mutations";
import { planFromCodebook } from "../lib/results/plan";
import { readSubmissionsStream } from "../lib/results/read-stream";
import type { SyntheticVariable } from "../lib/results/synthetic";
import { headersNeeded, resultsOfDataset } from "../lib/results/view";
import { closeAppDatabase } from "./app-database";
import { writeWideSubmissions } from "./results-data";

export const RESULTS_TEMPLATE = "vaccine-acceptance-rapid-assessment";

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Peak RSS and heap while `step` runs, over the figures just before it (after a collection). */
async function withMemory<T>(step: () => Promise<T>) {
  gc();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const value = await step();
    const ms = Math.round(performance.now() - started);
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    const mb = (x: number) => Math.round(x / 1e5) / 10;
    return { value, ms, rssGrowthMb: mb(rss - before.rss), heapGrowthMb: mb(heap - before.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const out = process.argv[2];
  const rows = Number(process.env.BENCH_RESULTS_ROWS ?? 50_000);
  const columns = Number(process.env.BENCH_RESULTS_COLUMNS ?? 150);
  if (!out) throw new Error("usage: node --expose-gc --import tsx bench/results-upload.ts out.json");
  const db = await getDb();
  const owner = await db.user.upsert({
    where: { id: "bench-results-owner" },
    create: {
      id: "bench-results-owner",
      name: "Benchmark researcher",
      email: "bench-results@bench.invalid",
      roles: ["researcher"],
    },
    update: {},
  });
  const questionnaire = await db.questionnaire.findUniqueOrThrow({ where: { slug: RESULTS_TEMPLATE } });
  const plan = planFromCodebook((await findResultsCodebook(questionnaire.id))!);
  const variables: SyntheticVariable[] = plan.variables.flatMap((v) => {
    const allowed = plan.choices.get(v.name);
    if (!allowed || allowed.multiple) return [];
    const frequencies: Record<string, number> = { "": 2 };
    [...allowed.names].forEach((name, i) => (frequencies[name] = i + 1));
    return [{ ...v, frequencies }];
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), "qb-bench-results-"));
  try {
    const file = path.join(dir, "submissions.csv");
    await writeWideSubmissions(file, variables, { rows, columns, seed: 1616 });
    const bytes = (await stat(file)).size;
    const stream = () => createReadStream(file, { highWaterMark: 256 * 1024 });

    // The parser alone, then with the checks and the encoding: where the time goes.
    const parse = await withMemory(() => readSubmissionsStream(stream(), () => {}));
    const encode = await withMemory(async () => {
      const encoder = new SubmissionsEncoder(plan);
      await readSubmissionsStream(stream(), encoder.record);
      return encoder.finish();
    });
    const upload = await withMemory(() =>
      uploadDataset(
        { id: owner.id, roles: owner.roles, translateLanguages: [], reviewLanguages: [] },
        { questionnaireId: questionnaire.id, name: `Bench ${rows}`, fileName: "submissions.csv", body: stream() },
      ),
    );
    if (upload.value.rows !== rows) throw new Error(`stored ${upload.value.rows} rows, not ${rows}`);
    const query = { weight: "weight", group: "region" };
    const compute = await withMemory(async () => {
      const [stored] = await findStoredDatasets(questionnaire.id, owner.id, [upload.value.id], (d) =>
        headersNeeded(d.headers, plan, query),
      );
      const plain = resultsOfDataset(stored, plan, {});
      const grouped = resultsOfDataset(stored, plan, query);
      return { indicators: plain.indicators.length, grouped: grouped.indicators.length };
    });
    if (compute.value.indicators === 0) throw new Error("no indicator computed");
    const stored = await db.resultsChunk.aggregate({ where: { datasetId: upload.value.id }, _count: true });
    const storedBytes = (
      await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT COALESCE(SUM(octet_length(data)), 0)::bigint AS n FROM results_chunk WHERE "datasetId" = $1`,
        upload.value.id,
      )
    )[0].n;
    await writeFile(
      out,
      JSON.stringify({
        rows,
        columns,
        fileBytes: bytes,
        indicators: compute.value.indicators,
        parseMs: parse.ms,
        checkEncodeMs: encode.ms,
        uploadMs: upload.ms,
        computeMs: compute.ms,
        totalMs: upload.ms + compute.ms,
        chunks: stored._count,
        storedBytes: Number(storedBytes),
        memory: {
          parse: { rssGrowthMb: parse.rssGrowthMb, heapGrowthMb: parse.heapGrowthMb },
          upload: { rssGrowthMb: upload.rssGrowthMb, heapGrowthMb: upload.heapGrowthMb },
          compute: { rssGrowthMb: compute.rssGrowthMb, heapGrowthMb: compute.heapGrowthMb },
        },
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    await closeAppDatabase();
  }
}

await main();
