// Interval estimates for a proportion. Wilson's score interval (Wilson 1927; Newcombe 1998,
// method 3) because it behaves at 0 and 1 and for small n where the Wald interval does not. With
// weights, the same formula with Kish's effective sample size (sum w)² / sum w² in place of n.

/** Two-sided 95 %: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

export type Interval = { lower: number; upper: number };

/** Wilson score interval for `p` observed over `n` (n may be an effective, non-integer size). */
export function wilsonInterval(p: number, n: number, z = Z_95): Interval | null {
  if (!(n > 0) || !(p >= 0 && p <= 1)) return null;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Kish's effective sample size of a set of weights. */
export function kishEffectiveSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}
