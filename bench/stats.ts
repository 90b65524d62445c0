// Percentiles and summaries of latency samples (pure, unit-tested in tests/unit/bench-report.test.ts).

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile of ascending samples: the smallest sample with at least p % of samples at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round = (x: number) => Math.round(x * 10) / 10;

export function summarize(samples: readonly number[]): LatencySummary | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(mean),
  };
}

/** Median of a few repeated timings (exports, imports, start-ups). */
export function median(samples: readonly number[]): number {
  return summarize(samples)?.p50 ?? NaN;
}

/** b / a rounded to two decimals, null when either is missing or a is zero. */
export function ratio(b: number | null | undefined, a: number | null | undefined): number | null {
  if (b == null || a == null || !Number.isFinite(a) || !Number.isFinite(b) || a === 0) return null;
  return Math.round((b / a) * 100) / 100;
}
