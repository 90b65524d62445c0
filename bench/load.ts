// Search over HTTP with autocannon: one client per query of the mix, then many clients on the
// whole mix. Every response's latency is kept (autocannon's own summary has no p95), and each run
// is bounded both in requests and in seconds.
import autocannon from "autocannon";
import { QUERIES, type BenchQuery } from "./queries";
import { summarize } from "./stats";
import type { LoadRun } from "./types";

const path = (q: BenchQuery) => `/api/v1/questions${q.query ? `?${q.query}` : ""}`;

export async function runLoad(
  base: string,
  paths: string[],
  { connections, maxRequests, maxSeconds }: { connections: number; maxRequests: number; maxSeconds: number },
): Promise<{ run: LoadRun; latencies: number[] }> {
  if (!base.startsWith("http://127.0.0.1:")) throw new Error(`The benchmark only loads 127.0.0.1, not ${base}`);
  const latencies: number[] = [];
  // One cursor for all connections: together they walk the list in order (each connection cycling
  // the list on its own would ask the same query at the same moment, 16 times over).
  let cursor = 0;
  const counts = { cache: 0, database: 0 };
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: maxSeconds,
        maxOverallRequests: Math.max(maxRequests, connections),
        timeout: 30,
        requests: [
          {
            method: "GET",
            setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length] }),
            // The search API says in Server-Timing whether its counts came from the counts cache.
            onResponse: (_status, _body, _context, headers) => {
              const timing = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === "server-timing")?.[1];
              if (typeof timing !== "string") return;
              if (timing.includes('desc="cache"')) counts.cache++;
              else if (timing.includes('desc="database"')) counts.database++;
            },
          },
        ],
        headers: { accept: "application/json" },
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - started) / 1000;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, v?.count ?? 0]),
  );
  const run: LoadRun = {
    connections,
    requests: latencies.length,
    seconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latency: summarize(latencies),
    // autocannon's `errors` already counts timeouts.
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    statusCodes,
    countsCache:
      counts.cache + counts.database
        ? {
            hits: counts.cache,
            misses: counts.database,
            hitRate: Math.round((counts.cache / (counts.cache + counts.database)) * 1000) / 1000,
          }
        : null,
  };
  return { run, latencies };
}

/** One JSON answer per query before timing: what it finds (and warms the server's caches). */
export async function probeQuery(base: string, q: BenchQuery) {
  let body: { total?: number; correctedQuery?: string } = {};
  let status = 0;
  for (let i = 0; i < 3; i++) {
    const response = await fetch(base + path(q), { signal: AbortSignal.timeout(60_000) });
    status = response.status;
    body = status === 200 ? await response.json() : (await response.arrayBuffer(), {});
  }
  return { status, total: body.total ?? null, correctedQuery: body.correctedQuery ?? null };
}

export const mixPaths = () => QUERIES.map(path);
export const queryPath = path;
