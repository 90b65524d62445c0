// Computes a proportion indicator from submission rows, following its definition
// (lib/framework/schema.ts): per group, the estimate, the unweighted n of the denominator and the
// 95 % Wilson interval (with weights: the weighted share and Kish's effective sample size).
import type { IndicatorComputation } from "../framework/schema";
import { kishEffectiveSize, wilsonInterval, type Interval } from "./interval";

export type IndicatorResult = {
  group: string | null;
  /** Respondents in the denominator (unweighted) */
  n: number;
  /** Of them, respondents in the numerator (unweighted) */
  count: number;
  estimate: number | null;
  /** n itself without weights */
  effectiveN: number;
  interval: Interval | null;
};

export type ComputeInput = {
  definition: IndicatorComputation;
  rows: readonly (readonly string[])[];
  /** Column of the key question, and of the universe question when the definition has one */
  column: number;
  universeColumn?: number;
  weightColumn?: number;
  groupColumn?: number;
};

const answersOf = (cell: string | undefined) => (cell ?? "").trim().split(/\s+/).filter(Boolean);

type Outcome = "skip" | "in" | "out";

/** Where one respondent stands: out of the denominator (skip), counted in the numerator, or counted only. */
export function classifyAnswer(
  definition: IndicatorComputation,
  cell: string | undefined,
  universeCell?: string,
): Outcome {
  const { denominator: d } = definition;
  if (d.universe && !answersOf(universeCell).some((a) => d.universe!.choices.includes(a))) return "skip";
  const answers = answersOf(cell);
  if (answers.length === 0) return "skip";
  if (answers.some((a) => d.refused.choices.includes(a))) return d.refused.treatment === "include" ? "out" : "skip";
  if (answers.some((a) => d.dontKnow.choices.includes(a))) return d.dontKnow.treatment === "include" ? "out" : "skip";
  return answers.some((a) => definition.numerator.includes(a)) ? "in" : "out";
}

export function computeIndicator(input: ComputeInput): IndicatorResult[] {
  const groups = new Map<string | null, { weights: number[]; inWeight: number; n: number; count: number }>();
  for (const row of input.rows) {
    const outcome = classifyAnswer(
      input.definition,
      row[input.column],
      input.universeColumn === undefined ? undefined : row[input.universeColumn],
    );
    if (outcome === "skip") continue;
    const weight = input.weightColumn === undefined ? 1 : Number(row[input.weightColumn]);
    // A respondent without a usable weight cannot be weighted: left out, as survey packages do.
    if (!(weight > 0) || !Number.isFinite(weight)) continue;
    const key = input.groupColumn === undefined ? null : (row[input.groupColumn] ?? "").trim();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { weights: [], inWeight: 0, n: 0, count: 0 }));
    g.weights.push(weight);
    g.n++;
    if (outcome === "in") {
      g.count++;
      g.inWeight += weight;
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([group, g]) => {
      const total = g.weights.reduce((s, w) => s + w, 0);
      const estimate = total > 0 ? g.inWeight / total : null;
      const effectiveN = input.weightColumn === undefined ? g.n : kishEffectiveSize(g.weights);
      return {
        group,
        n: g.n,
        count: g.count,
        estimate,
        effectiveN,
        interval: estimate === null ? null : wilsonInterval(estimate, effectiveN),
      };
    });
}
