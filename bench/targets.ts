// The issue's targets (2-core machine, 100,000 questions), judged on the largest size measured.
// Pure: unit-tested in tests/unit/bench-report.test.ts.
import type { SizeResult, StartupResult, TargetResult } from "./types";

export const TARGETS = {
  searchP95Ms: 50,
  sixteenClientsRps: 200,
  overheadRatio: 2,
  xlsformExportMs: 1000,
  startupMs: 10_000,
  questions: 100_000,
} as const;

const ms = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? "not measured" : `${x.toLocaleString("en")} ms`);

export function evaluateTargets(perSize: SizeResult[], startup: StartupResult | null): TargetResult[] {
  const size = [...perSize].sort((a, b) => b.questions - a.questions)[0];
  const at = size?.questions ?? null;
  const smaller = at !== null && at < TARGETS.questions ? ` (measured at ${at.toLocaleString("en")} questions, not the target's ${TARGETS.questions.toLocaleString("en")})` : "";
  const out: TargetResult[] = [];

  const one = size?.search.oneClient.latency ?? null;
  const slowest = size ? [...size.search.perQuery].sort((a, b) => (b.app.latency?.p95 ?? 0) - (a.app.latency?.p95 ?? 0))[0] : undefined;
  const sqlBound = slowest?.sql && slowest.sql.p50 > TARGETS.searchP95Ms;
  out.push({
    id: "search-p95-one-client",
    description: "Search p95 at one client, over the whole query mix",
    threshold: `< ${TARGETS.searchP95Ms} ms`,
    measured: ms(one?.p95),
    met: one ? one.p95 < TARGETS.searchP95Ms && size!.search.oneClient.errors === 0 : null,
    atQuestions: at,
    detail: slowest?.app.latency
      ? `slowest query: ${slowest.name} (p95 ${ms(slowest.app.latency.p95)}${slowest.sql ? `, its SQL alone p50 ${ms(slowest.sql.p50)}` : ""})` +
        (sqlBound ? ": the database time alone is over the target, so the cost is in the queries, not the app" : "") +
        smaller
      : smaller || null,
  });

  const sixteen = size?.search.sixteenClients;
  out.push({
    id: "sixteen-clients-throughput",
    description: `Throughput at ${sixteen?.connections ?? 16} concurrent clients (query mix), no errors`,
    threshold: `>= ${TARGETS.sixteenClientsRps} requests/s, 0 errors`,
    measured: sixteen ? `${sixteen.requestsPerSecond} requests/s, ${sixteen.errors} errors` : "not measured",
    met: sixteen ? sixteen.requestsPerSecond >= TARGETS.sixteenClientsRps && sixteen.errors === 0 : null,
    atQuestions: at,
    detail: sixteen?.latency ? `p50 ${ms(sixteen.latency.p50)}, p95 ${ms(sixteen.latency.p95)} under load${smaller}` : smaller || null,
  });

  const overhead = size?.search.sql.overhead ?? null;
  const worst = size ? [...size.search.perQuery].filter((q) => q.overhead !== null).sort((a, b) => b.overhead! - a.overhead!)[0] : undefined;
  out.push({
    id: "app-overhead",
    description: "App time over SQL time (sum of the mix's p50 over HTTP / sum of the same SQL run directly)",
    threshold: `<= ${TARGETS.overheadRatio}×`,
    measured: overhead === null ? "not measured" : `${overhead}×`,
    met: overhead === null ? null : overhead <= TARGETS.overheadRatio,
    atQuestions: at,
    detail: overhead === null ? (size?.search.sql.note ?? null) : `highest for one query: ${worst?.name} ${worst?.overhead}×${smaller}`,
  });

  const xlsform = size?.export?.xlsform;
  out.push({
    id: "xlsform-export",
    description: "XLSForm export of a 300-item questionnaire in four languages (median)",
    threshold: `< ${ms(TARGETS.xlsformExportMs)}`,
    measured: ms(xlsform?.medianMs),
    met: xlsform ? xlsform.status === 200 && xlsform.medianMs < TARGETS.xlsformExportMs : null,
    atQuestions: at,
    detail: xlsform ? `first (cold) request ${ms(xlsform.firstMs)}${smaller}` : (size?.exportImportNote ?? null),
  });

  out.push({
    id: "startup",
    description: "Embedded start-up (npm start on PGlite) to the first page, after the first run",
    threshold: `< ${ms(TARGETS.startupMs)}`,
    measured: ms(startup?.secondRunMs),
    met: startup?.secondRunMs == null ? null : startup.secondRunMs < TARGETS.startupMs,
    atQuestions: null,
    detail: startup ? `first run (migrate + seed) ${ms(startup.firstRunMs)}${startup.rebuilt ? "; start.ts rebuilt the app during this measurement (sources changed meanwhile)" : ""}` : null,
  });
  return out;
}
