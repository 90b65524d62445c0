// The benchmark's pure parts: percentiles, target verdicts, the readable report, CSV row counts.
import { describe, expect, it } from "vitest";
import { percentile, ratio, summarize } from "@/bench/stats";
import { evaluateBuilderTargets, evaluateLighthouseTargets, evaluateTargets } from "@/bench/targets";
import { summarizeLhr } from "@/bench/lighthouse";
import { parseActionAnswer, thinkTimes } from "@/bench/builder-load";
import { renderMarkdown } from "@/bench/report";
import { countCsvRecords } from "@/bench/export-import";
import { QUERIES } from "@/bench/queries";
import { parseSearchParams } from "@/lib/search/schema";
import type { BenchResults, BuilderRun, LoadRun, SizeResult, StartupResult } from "@/bench/types";

const load = (p50: number, p95: number, extra: Partial<LoadRun> = {}): LoadRun => ({
  connections: 1,
  requests: 100,
  seconds: 2,
  requestsPerSecond: 50,
  latency: { count: 100, p50, p95, p99: p95 + 5, max: p95 + 10, mean: p50 },
  errors: 0,
  non2xx: 0,
  timeouts: 0,
  statusCodes: { "200": 100 },
  ...extra,
});

const sqlTiming = (p50: number) => ({
  count: 30,
  p50,
  p95: p50 + 2,
  p99: p50 + 3,
  max: p50 + 4,
  mean: p50,
  statements: 4,
});

function size(
  questions: number,
  { p95 = 30, rps = 250, sqlP50 = 10 as number | null, xlsformMs = 400, errors = 0, noCacheP95 = 90 } = {},
): SizeResult {
  const perQuery = QUERIES.slice(0, 3).map((q, i) => ({
    ...q,
    total: 100 * (i + 1),
    correctedQuery: q.kind === "typo" ? "vaccine" : null,
    app: load(15 + i, p95 - 2 + i),
    appNoCache: load(40 + i, noCacheP95 - 2 + i),
    sql: sqlP50 === null ? { cold: null, warm: null } : { cold: sqlTiming(sqlP50 * 2), warm: sqlTiming(sqlP50) },
    overhead: sqlP50 === null ? null : ratio(15 + i, sqlP50),
    overheadNoCache: sqlP50 === null ? null : ratio(40 + i, sqlP50 * 2),
  }));
  const timing = (ms: number) => ({
    runsMs: [ms + 50, ms, ms],
    medianMs: ms,
    firstMs: ms + 50,
    bytes: 200_000,
    status: 200,
  });
  const searchLoad = (p50: number, p95: number, rps: number) => ({
    oneClient: { latency: { count: 300, p50, p95, p99: p95 + 5, max: p95 + 9, mean: p50 + 1 }, errors, requests: 300 },
    sixteenClients: load(p50 * 2, p95 * 2, { connections: 16, requestsPerSecond: rps, errors }),
  });
  return {
    questions,
    database: { questions, texts: questions * 4, publishedQuestions: Math.round(questions * 0.9) },
    fillSeconds: questions / 1000,
    search: {
      perQuery,
      cached: searchLoad(16, p95, rps),
      noCache: searchLoad(41, noCacheP95, Math.round((rps / 3) * 10) / 10),
      floor: searchLoad(4, 8, 600),
      sql: {
        totalAppP50: 48,
        totalSqlWarmP50: sqlP50 === null ? null : sqlP50 * 3,
        overhead: sqlP50 === null ? null : ratio(48, sqlP50 * 3),
        totalAppNoCacheP50: 123,
        totalSqlColdP50: sqlP50 === null ? null : sqlP50 * 6,
        overheadNoCache: sqlP50 === null ? null : ratio(123, sqlP50 * 6),
      },
    },
    export: {
      xlsform: timing(xlsformMs),
      csv: timing(100),
      bankCsv: { ...timing(900), rows: 5000, cappedAt: questions > 5000 ? 5000 : null },
    },
    import: { ...timing(1200), questions: 300 },
    exportImportNote: null,
    memory: { peakTreeRssMb: 400, peakProcessHwmMb: 380, samples: 40 },
  };
}

const startup: StartupResult = { firstRunMs: 25_000, secondRunMs: 6_000, rebuilt: false, note: null };

describe("percentiles", () => {
  it("takes the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it("summarizes unsorted samples", () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40, mean: 25 });
    expect(summarize([])).toBeNull();
  });

  it("gives a ratio only when both sides are there", () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(10, 3)).toBe(3.33);
    expect(ratio(null, 10)).toBeNull();
    expect(ratio(10, 0)).toBeNull();
  });
});

describe("targets", () => {
  it("are judged on the largest size", () => {
    const targets = evaluateTargets([size(100_000, { p95: 80, rps: 150 }), size(1_000)], startup);
    const byId = Object.fromEntries(targets.map((t) => [t.id, t]));
    expect(byId["search-p95-one-client"].met).toBe(false);
    expect(byId["search-p95-one-client"].atQuestions).toBe(100_000);
    expect(byId["search-p95-one-client"].detail).toContain("with the counts cache off: p95 90 ms");
    expect(byId["sixteen-clients-throughput"].met).toBe(false);
    expect(byId["sixteen-clients-throughput"].measured).toBe("25% (150 of 600 requests/s), 0 errors");
    expect(byId["sixteen-clients-throughput"].detail).toContain("GET /api/health (no search) reaches 600 requests/s");
    expect(byId["app-overhead"].measured).toBe("1.6×; 2.05×");
    expect(byId["app-overhead"].met).toBe(false);
    expect(byId["xlsform-export"].met).toBe(true);
    expect(byId.startup.met).toBe(true);
    expect(byId.startup.measured).toBe("6,000 ms");
  });

  it("say why throughput is low on PGlite", () => {
    const pglite = evaluateTargets([size(1_000, { rps: 50 })], startup, "pglite").find(
      (t) => t.id === "sixteen-clients-throughput",
    )!;
    expect(pglite.met).toBe(false);
    expect(pglite.detail).toMatch(/PGlite runs one statement at a time/);
    expect(
      evaluateTargets([size(1_000, { rps: 50 })], startup).find((t) => t.id === "sixteen-clients-throughput")!.detail,
    ).not.toMatch(/PGlite/);
  });

  it("meet the overhead target only when both ways are within it", () => {
    const [, , overhead] = evaluateTargets([size(100_000, { sqlP50: 14 })], startup);
    expect(overhead.measured).toBe("1.14×; 1.46×");
    expect(overhead.met).toBe(true);
    const [, , over] = evaluateTargets([size(100_000, { sqlP50: 12 })], startup);
    expect(over.measured).toBe("1.33×; 1.71×");
    expect(over.met).toBe(false);
  });

  it("say when the database alone is over the search target", () => {
    const [search] = evaluateTargets([size(100_000, { p95: 200, sqlP50: 60 })], startup);
    expect(search.met).toBe(false);
    expect(search.detail).toMatch(/the first request's SQL alone takes 120 ms .* not in the app/);
  });

  it("count errors under load as a miss even with enough throughput", () => {
    const targets = evaluateTargets([size(100_000, { rps: 900, errors: 3 })], startup);
    expect(targets.find((t) => t.id === "sixteen-clients-throughput")!.met).toBe(false);
    expect(targets.find((t) => t.id === "search-p95-one-client")!.met).toBe(false);
  });

  it("judge search on the realistic mix when the run has it, with its counts cache hit rate", () => {
    const withMix = size(100_000, { p95: 20, rps: 400 });
    withMix.search.realistic = {
      mix: { distinct: 600, requests: 6000, byLanguage: {}, byWords: {}, byKind: {}, topTenShare: 0.4 },
      oneClient: load(20, 45),
      sixteenClients: load(60, 140, {
        connections: 16,
        requestsPerSecond: 150,
        countsCache: { hits: 700, misses: 300, hitRate: 0.7 },
      }),
    };
    const targets = evaluateTargets([withMix], startup);
    const search = targets.find((t) => t.id === "search-p95-one-client")!;
    expect(search.description).toContain("the realistic mix");
    expect(search.measured).toBe("45 ms");
    expect(search.met).toBe(false);
    expect(search.detail).toContain("fixed mix: p95 20 ms");
    const throughput = targets.find((t) => t.id === "sixteen-clients-throughput")!;
    expect(throughput.measured).toBe("25% (150 of 600 requests/s), 0 errors");
    expect(throughput.met).toBe(false);
    expect(throughput.detail).toContain("counts cache hit rate 70%");
  });

  it("are 'not measured' rather than met when a figure is missing", () => {
    const targets = evaluateTargets([size(1_000, { sqlP50: null })], null);
    expect(targets.find((t) => t.id === "app-overhead")!.met).toBeNull();
    expect(targets.find((t) => t.id === "startup")!.met).toBeNull();
    expect(targets.find((t) => t.id === "search-p95-one-client")!.detail).toMatch(
      /measured at 1,000 questions, not the target's 100,000/,
    );
  });
});

describe("RESULTS.md", () => {
  const perSize = [size(1_000, { p95: 20 }), size(10_000, { p95: 40, xlsformMs: 500 })];
  const results: BenchResults = {
    mode: "full",
    machine: {
      cores: 2,
      cpuModel: "Test CPU",
      memoryMb: 4096,
      node: "v20.19.0",
      platform: "Linux",
      loadBefore: [0.5, 0.4, 0.3],
      loadAfter: [2, 1, 0.5],
      startedAt: "2026-11-29T20:00:00Z",
      finishedAt: "2026-11-29T20:15:00Z",
    },
    database: { kind: "postgres", version: "15.20" },
    sizes: [1_000, 10_000],
    bounds: {
      oneClient: { maxRequests: 200, maxSeconds: 6 },
      sixteenClients: { connections: 16, maxRequests: 5000, maxSeconds: 30 },
      sql: { maxRuns: 30, maxSeconds: 4 },
      exportRuns: 5,
      importRuns: 3,
    },
    startup,
    perSize,
    targets: evaluateTargets(perSize, startup),
    notes: ["Shared machine: other helpers were building."],
  };
  const md = renderMarkdown(results);

  it("states the conditions and each target's verdict", () => {
    expect(md).toContain("2 cores (Test CPU)");
    expect(md).toContain("PostgreSQL 15.20");
    expect(md).toContain("Shared machine: other helpers were building.");
    expect(md).toMatch(
      /\| Search p95 at one client, over the fixed query mix \| ≤ 30 ms \| 40 ms \| \*\*missed\*\* \|/,
    );
    expect(md).toMatch(/XLSForm export of a 300-item questionnaire.*\| 500 ms \| \*\*met\*\*/);
  });

  it("shows how the figures grow between sizes", () => {
    expect(md).toMatch(/\| search p95, 1 client \(mix\) \| 20 ms \| 40 ms \| 2× \|/);
    expect(md).toMatch(/\| requests\/s, 16 clients, counts cache off \| 83.3 \| 83.3 \| 1× \|/);
    expect(md).toMatch(/\| XLSForm export, 300 items \| 400 ms \| 500 ms \| 1.3× \|/);
  });

  it("says when the whole-bank CSV held fewer questions than the bank (a defect: it streams them all)", () => {
    expect(md).toContain("The whole-bank CSV held 5,000 questions");
  });

  it("escapes table cells", () => {
    const odd = renderMarkdown({ ...results, targets: [{ ...results.targets[0], detail: "a | b" }] });
    expect(odd).toContain("a \\| b");
  });
});

describe("the query mix", () => {
  it("has every kind in each of the four languages, all valid search parameters", () => {
    for (const lang of ["en", "es", "fr", "ar"] as const)
      for (const kind of ["common", "rare", "typo", "facets"] as const)
        expect(
          QUERIES.some((q) => q.lang === lang && q.kind === kind),
          `${lang} ${kind}`,
        ).toBe(true);
    for (const q of QUERIES) expect(parseSearchParams(new URLSearchParams(q.query)).ok, q.query).toBe(true);
    expect(new Set(QUERIES.map((q) => q.name)).size).toBe(QUERIES.length);
  });
});

describe("CSV rows", () => {
  it("counts records by their first cell, not lines", () => {
    const csv = new TextEncoder().encode(
      '\uFEFFrow_type,code,label\nquestion,q1,"two\nlines"\nchoice,q1,"say ""hi"""\nquestion,q2,x\n"question",q3,"a,b"\n',
    );
    expect(countCsvRecords(csv, "question")).toBe(3);
    expect(countCsvRecords(csv, "choice")).toBe(1);
    expect(countCsvRecords(new TextEncoder().encode("row_type,code\r\nquestion,q1\r\nquestion,q2"), "question")).toBe(
      2,
    );
    expect(countCsvRecords(new Uint8Array(), "question")).toBe(0);
  });
});

describe("the builder scenario", () => {
  const summary = (p50: number, p95: number) => ({ count: 400, p50, p95, p99: p95 + 20, max: p95 + 40, mean: p50 + 5 });
  const run = (kind: "postgres" | "pglite", p95: number, errors = 0): BuilderRun => ({
    researchers: 16,
    seconds: 60,
    writes: summary(40, p95),
    perOp: {
      addQuestions: summary(45, p95),
      moveItem: summary(50, p95 + 10),
      updateSettings: summary(20, p95 - 30),
      removeItem: summary(48, p95),
    },
    reload: summary(90, 200),
    writesPerSecond: 120,
    errors,
    conflicts: 0,
    errorSamples: errors ? ["moveItem: HTTP 500"] : [],
    database: { kind, version: kind === "postgres" ? "15.20" : "17.5" },
    questions: 1000,
    startedAt: "2026-12-05T09:00:00.000Z",
    finishedAt: "2026-12-05T09:01:00.000Z",
    loadBefore: [3, 2, 1],
    loadAfter: [5, 3, 1],
  });

  it("judges writes p95 against 150 ms per database, errors included", () => {
    const [pg, pglite] = evaluateBuilderTargets([run("postgres", 120), run("pglite", 180)]);
    expect(pg).toMatchObject({ id: "builder-writes-p95-postgres", met: true, measured: "120 ms, 0 errors" });
    expect(pg.detail).toContain("slowest change: moveItem (p95 130 ms)");
    expect(pglite).toMatchObject({ id: "builder-writes-p95-pglite", met: false });
    expect(evaluateBuilderTargets([run("postgres", 100, 2)])[0].met).toBe(false);
    expect(evaluateBuilderTargets([])).toEqual([]);
  });

  it("reports each database's run and each change in RESULTS.md", () => {
    const md = renderMarkdown({
      ...({} as BenchResults),
      mode: "full",
      machine: {
        cores: 2,
        cpuModel: "CPU",
        memoryMb: 1,
        node: "v20",
        platform: "Linux",
        loadBefore: [1, 1, 1],
        loadAfter: [1, 1, 1],
        startedAt: "",
        finishedAt: "",
      },
      database: { kind: "postgres", version: "15" },
      sizes: [],
      bounds: {
        oneClient: { maxRequests: 1, maxSeconds: 1 },
        sixteenClients: { connections: 16, maxRequests: 1, maxSeconds: 1 },
        sql: { maxRuns: 1, maxSeconds: 1 },
        exportRuns: 1,
        importRuns: 1,
      },
      startup: null,
      perSize: [],
      targets: [],
      notes: [],
      builder: [run("postgres", 120, 1)],
    });
    expect(md).toContain("## Builder: researchers editing their questionnaires at once");
    expect(md).toMatch(
      /\| PostgreSQL 15.20 \| 1,000 \| 16 \| 0 \| 2026-12-05 09:00 \| 3, 2, 1 → 5, 3, 1 \| 60 \| 400 \| 120 \| 40 \| \*\*120\*\* \| 140 \| 160 \| 1 \| 0 \|/,
    );
    expect(md).toMatch(/\| PostgreSQL \| moveItem \| 400 \| 50 \| 130 \|/);
    expect(md).toContain("page re-read (GET, RSC)");
    expect(md).toContain("postgres: moveItem: HTTP 500");
  });

  it("draws researchers' pauses around the mean, within bounds, the same for the same seed", () => {
    const draws = Array.from({ length: 20_000 }, thinkTimes(2000, 7));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    // Exponential with mean 2 s, kept within [0.5 s, 10 s]: the clipped mean is a little above 2 s.
    expect(mean).toBeGreaterThan(1900);
    expect(mean).toBeLessThan(2300);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...draws)).toBeLessThanOrEqual(10_000);
    expect(Array.from({ length: 5 }, thinkTimes(2000, 7))).toEqual(draws.slice(0, 5));
    expect(Array.from({ length: 5 }, thinkTimes(2000, 8))).not.toEqual(draws.slice(0, 5));
    expect(Array.from({ length: 3 }, thinkTimes(0, 7))).toEqual([0, 0, 0]);
  });

  it("reads the action's answer out of React's flight format", () => {
    expect(
      parseActionAnswer(
        '0:{"a":"$@1","f":"","b":"x"}\n1:{"ok":true,"data":{"revision":7,"details":{"added":["a"],"itemIds":["i1"]}}}\n',
      ),
    ).toEqual({ ok: true, revision: 7, itemIds: ["i1"] });
    expect(
      parseActionAnswer('0:{"a":"$@1"}\n1:{"ok":false,"code":"conflict","message":"…","details":{"revision":9}}\n'),
    ).toMatchObject({
      ok: false,
      failure: "conflict",
      revision: 9,
    });
    expect(parseActionAnswer("<html>error</html>")).toBeNull();
  });
});

describe("the Lighthouse scenario", () => {
  const lhr = (performance: number, accessibility: number, failed: string[] = []) => ({
    lighthouseVersion: "12.8.2",
    categories: {
      performance: { score: performance / 100, auditRefs: [] },
      accessibility: {
        score: accessibility / 100,
        auditRefs: [
          { id: "color-contrast", weight: 7 },
          { id: "label", weight: 7 },
          { id: "skip-link", weight: 0 },
        ],
      },
    },
    audits: {
      "largest-contentful-paint": { score: 0.9, numericValue: 1234.4 },
      "total-blocking-time": { score: 1, numericValue: 80.2 },
      "cumulative-layout-shift": { score: 1, numericValue: 0.0123 },
      "resource-summary": {
        score: null,
        details: {
          items: [
            { resourceType: "total", transferSize: 400_000 },
            { resourceType: "script", transferSize: 164_864 },
          ],
        },
      },
      "color-contrast": { score: failed.includes("color-contrast") ? 0 : 1, scoreDisplayMode: "binary" },
      label: { score: 1, scoreDisplayMode: "binary" },
      "skip-link": { score: 0, scoreDisplayMode: "binary" },
    },
  });
  const search = { name: "search", path: "/en/search?q=vaccine", as: "visitor" as const };
  const home = { name: "home", path: "/en", as: "visitor" as const };

  it("keeps the scores, timings, script bytes and failed weighted accessibility audits of a report", () => {
    const audit = summarizeLhr(lhr(93, 96, ["color-contrast"]), search, "mobile");
    expect(audit).toMatchObject({
      performance: 93,
      accessibility: 96,
      largestContentfulPaintMs: 1234,
      totalBlockingTimeMs: 80,
      cumulativeLayoutShift: 0.012,
      scriptTransferBytes: 164_864,
      failedAccessibilityAudits: ["color-contrast"],
      firstContentfulPaintMs: null,
      runtimeError: null,
    });
  });

  it("judges performance on the mobile preset, accessibility on both, and the search page's script", () => {
    const run = {
      lighthouseVersion: "12.8.2",
      chromium: "Chrome/156.0.0.0",
      database: { kind: "postgres" as const, version: "15.20" },
      questions: 1000,
      startedAt: "2026-12-06T22:00:00.000Z",
      finishedAt: "2026-12-06T22:03:00.000Z",
      loadBefore: [1, 1, 1],
      loadAfter: [1, 1, 1],
      audits: [
        summarizeLhr(lhr(95, 100), home, "mobile"),
        summarizeLhr(lhr(100, 100), home, "desktop"),
        { ...summarizeLhr(lhr(88, 100), search, "mobile"), performanceRuns: [91, 88, 79, 88, 86] },
        summarizeLhr(lhr(99, 96, ["color-contrast"]), search, "desktop"),
      ],
    };
    const targets = evaluateLighthouseTargets(run);
    expect(targets.find((t) => t.id === "lighthouse-performance")).toMatchObject({ met: false, measured: "lowest 88" });
    expect(targets.find((t) => t.id === "lighthouse-accessibility")).toMatchObject({
      met: false,
      measured: "lowest 96",
      detail: "search: color-contrast",
    });
    expect(targets.find((t) => t.id === "search-page-javascript")).toMatchObject({ met: false, measured: "161 kB" });
    const md = renderMarkdown({
      mode: "full",
      machine: {
        cores: 2,
        cpuModel: "CPU",
        memoryMb: 1,
        node: "v20",
        platform: "Linux",
        loadBefore: [1, 1, 1],
        loadAfter: [1, 1, 1],
        startedAt: "",
        finishedAt: "",
      },
      database: { kind: "postgres", version: "15" },
      sizes: [],
      bounds: {
        oneClient: { maxRequests: 1, maxSeconds: 1 },
        sixteenClients: { connections: 16, maxRequests: 1, maxSeconds: 1 },
        sql: { maxRuns: 1, maxSeconds: 1 },
        exportRuns: 1,
        importRuns: 1,
      },
      startup: null,
      perSize: [],
      targets,
      notes: [],
      lighthouse: run,
    });
    expect(md).toContain("## Lighthouse (12.8.2, Chrome/156.0.0.0)");
    expect(md).toMatch(/\| search \(`\/en\/search\?q=vaccine`\) \| visitor \| desktop \| 99 \| 96 \|/);
    // The median run's score, then every run's: the spread is part of the figure.
    expect(md).toMatch(
      /\| search \(`\/en\/search\?q=vaccine`\) \| visitor \| mobile \| 88 \(91, 88, 79, 88, 86\) \| 100 \|/,
    );
    expect(md).toContain("Each page audited 5 times with the mobile preset");
  });
});
