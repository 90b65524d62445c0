// The shape of bench/results.json: everything one `npm run bench` measured.
import type { BenchQuery } from "./queries";
import type { LatencySummary } from "./stats";
import type { BuilderLoad } from "./builder-load";
import type { MixSummary } from "./query-mix";
import type { LighthouseRun } from "./lighthouse";

export type Machine = {
  cores: number;
  cpuModel: string;
  memoryMb: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages, before the run and after it. */
  loadBefore: number[];
  loadAfter: number[];
  startedAt: string;
  finishedAt: string;
};

/** One request pattern run through autocannon: latencies of every response, counts, throughput. */
export type LoadRun = {
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary | null;
  /** connection errors + timeouts + responses other than 2xx */
  errors: number;
  non2xx: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Search answers whose counts came from the counts cache (Server-Timing); null for other paths. */
  countsCache?: { hits: number; misses: number; hitRate: number } | null;
};

/** One set of SQL statements run directly: its latency, and how many statements. */
export type SqlTiming = LatencySummary & { statements: number };

export type QueryResult = BenchQuery & {
  /** From one JSON answer of the app: how many questions matched, and the corrected query if any. */
  total: number | null;
  correctedQuery: string | null;
  /** The app as shipped: counts cached in memory per search (lib/search/counts-cache.ts). */
  app: LoadRun;
  /** The app with QB_SEARCH_COUNTS_CACHE=off: every request counts its matches. */
  appNoCache: LoadRun | null;
  /** The same request's statements run directly: the first request's ("cold") and a repeat's ("warm"). */
  sql: { cold: SqlTiming | null; warm: SqlTiming | null };
  /** app p50 / warm SQL p50 */
  overhead: number | null;
  /** appNoCache p50 / cold SQL p50 */
  overheadNoCache: number | null;
};

export type SearchLoad = {
  oneClient: { latency: LatencySummary | null; errors: number; requests: number };
  sixteenClients: LoadRun;
};

/** The realistic mix's request sequence at one client and at 16 (bench/query-mix.ts). */
export type RealisticLoad = { mix: MixSummary; oneClient: LoadRun; sixteenClients: LoadRun };

export type Timing = { runsMs: number[]; medianMs: number; firstMs: number; bytes: number; status: number };

export type SizeResult = {
  questions: number;
  database: { questions: number; texts: number; publishedQuestions: number };
  fillSeconds: number;
  search: {
    perQuery: QueryResult[];
    /** The app as shipped (counts cache on) */
    cached: SearchLoad;
    /** QB_SEARCH_COUNTS_CACHE=off */
    noCache: SearchLoad | null;
    /** GET /api/health (Next's routing, the proxy, one database round trip): the floor under every request */
    floor: SearchLoad | null;
    /** The realistic mix (bench/query-mix.ts), counts cache on; absent in results older than it */
    realistic?: RealisticLoad | null;
    sql: {
      totalAppP50: number | null;
      totalSqlWarmP50: number | null;
      overhead: number | null;
      totalAppNoCacheP50: number | null;
      totalSqlColdP50: number | null;
      overheadNoCache: number | null;
    };
  };
  /** bankCsv.rows: its question rows (the file also has one row per answer choice); cappedAt: rows when the bank had more */
  export: { xlsform: Timing; csv: Timing; bankCsv: Timing & { rows: number; cappedAt: number | null } } | null;
  import: (Timing & { questions: number | null }) | null;
  /** Imports of generated XLSForms of 300 and 5,000 survey rows, and several 5,000-row imports at once */
  formImport?: {
    rows300: Timing & { rows: number };
    rows5000: Timing & { rows: number };
    concurrent: { requests: number; wallMs: number; slowestMs: number; statuses: number[] };
  } | null;
  exportImportNote: string | null;
  memory: { peakTreeRssMb: number; peakProcessHwmMb: number; samples: number };
};

export type StartupResult = {
  firstRunMs: number | null;
  secondRunMs: number | null;
  /** start.ts decided to build (sources newer than the build): that run's time includes a build. */
  rebuilt: boolean;
  note: string | null;
};

export type TargetResult = {
  id: string;
  description: string;
  threshold: string;
  measured: string;
  /** null when not measured */
  met: boolean | null;
  atQuestions: number | null;
  detail: string | null;
};

/** The builder scenario on one database: researchers editing their own questionnaires at once (bench/builder-load.ts). */
export type BuilderRun = BuilderLoad & {
  database: { kind: "postgres" | "pglite"; version: string };
  /** the bank's size */
  questions: number;
  startedAt: string;
  finishedAt: string;
  /** 1, 5 and 15 minute load averages before and after this run */
  loadBefore: number[];
  loadAfter: number[];
};

/** Several app instances on one PostgreSQL behind a round-robin balancer (bench/instances.ts). */
export type InstancesRun = {
  database: { kind: "postgres"; version: string };
  questions: number;
  /** one row per number of instances behind the balancer, 1 … N, all at 16 clients */
  rows: { instances: number; health: LoadRun; search: LoadRun }[];
  startedAt: string;
  finishedAt: string;
  loadBefore: number[];
  loadAfter: number[];
};

import type { ResultsRun } from "./results-scenario";

export type BenchResults = {
  mode: "quick" | "full";
  machine: Machine;
  database: { kind: "postgres" | "pglite"; version: string };
  sizes: number[];
  bounds: Bounds;
  startup: StartupResult | null;
  perSize: SizeResult[];
  targets: TargetResult[];
  notes: string[];
  /** The builder scenario, per database (a run with `--only builder` replaces its database's entries and keeps the rest). */
  builder?: BuilderRun[];
  /** `--instances N`: the same mix through 1 … N instances (replaced by the next such run). */
  instances?: InstancesRun;
  /** `--only lighthouse`: Lighthouse on the main pages (replaced by the next such run). */
  lighthouse?: LighthouseRun & { database: { kind: "postgres" | "pglite"; version: string }; questions: number };
  /** Results from collected data (bench/results-scenario.ts; `--only results` replaces it). */
  results?: ResultsRun;
};

/** How long and how much each measurement may run: every loop is bounded in count and time. */
export type Bounds = {
  oneClient: { maxRequests: number; maxSeconds: number };
  sixteenClients: { connections: number; maxRequests: number; maxSeconds: number };
  /** per query, for each of its two statement sets */
  sql: { maxRuns: number; maxSeconds: number };
  exportRuns: number;
  importRuns: number;
};
