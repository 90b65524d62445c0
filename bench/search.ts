// Measures the search on a large bank (make one with `npm run bank:generate -- --questions 100000`):
//   DATABASE_URL=postgresql://…/qb_bench npm run bench:search      (or PGLITE_DIR=… for PGlite)
// One client, sequential requests. For each query of a fixed mix it times the data function
// (searchQuestions) and the API handler (GET /api/v1/questions, called in-process: parsing,
// search, JSON), and writes p50/p95 to bench/data/search-results.json (a scratch result, not kept).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { GET } from "../app/api/v1/questions/route";
import { getDb, getDbKind } from "../lib/db/client";
import { searchQuestions } from "../lib/search/data";
import { parseSearchParams } from "../lib/search/schema";
import { QUERIES } from "./queries";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = performance.now();
    await fn();
    if (i >= WARMUP) samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: +percentile(samples, 50).toFixed(1),
    p95: +percentile(samples, 95).toFixed(1),
    max: +samples[samples.length - 1].toFixed(1),
  };
}

async function main() {
  const db = await getDb();
  const kind = await getDbKind();
  const [{ questions, texts, version }] = await db.$queryRawUnsafe<
    { questions: number; texts: number; version: string }[]
  >(
    `SELECT (SELECT count(*) FROM question)::int AS questions, (SELECT count(*) FROM question_text)::int AS texts, version() AS version`,
  );
  console.log(`${kind}: ${questions} questions, ${texts} texts (${version.split(" on ")[0]}); ${RUNS} runs per query`);
  const results = [];
  for (const { name, query } of QUERIES) {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`bad benchmark query ${query}`);
    const sample = await searchQuestions(parsed.params);
    const data = await time(() => searchQuestions(parsed.params));
    const api = await time(async () => {
      const response = await GET(new Request(`http://127.0.0.1/api/v1/questions?${query}`));
      await response.text();
    });
    results.push({ name, query, total: sample.total, correctedQuery: sample.correctedQuery ?? null, data, api });
    console.log(
      `${name.padEnd(40)} total ${String(sample.total).padStart(6)}  data p50 ${data.p50} p95 ${data.p95} ms   api p50 ${api.p50} p95 ${api.p95} ms`,
    );
  }
  const api95 = results.map((r) => r.api.p95);
  const out = {
    measuredAt: new Date().toISOString(),
    database: { kind, version: version.split(" on ")[0], questions, texts },
    runsPerQuery: RUNS,
    client: "one, sequential, in-process (no HTTP)",
    targetApiP95Ms: 50,
    queriesOverTarget: results.filter((r) => r.api.p95 > 50).map((r) => r.name),
    worstApiP95Ms: Math.max(...api95),
    results,
  };
  const file = process.env.BENCH_OUT ?? "bench/data/search-results.json";
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(out, null, 2) + "\n");
  console.log(`Wrote ${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
