// Computes a proportion indicator from submissions kept column by column (column-store.ts),
// following its definition (lib/framework/schema.ts): per group, the estimate, the unweighted n of
// the denominator and the 95 % Wilson interval (with weights: the weighted share and Kish's
// effective sample size). An answer is classified once per distinct value, not once per row.
import type { IndicatorComputation } from "../framework/schema";
import type { ColumnData } from "./column-store";
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
  rowCount: number;
  /** The key question's column, and the universe question's when the definition has one */
  key: ColumnData;
  universe?: ColumnData;
  /** Each row's weight (NaN: none) */
  weights?: Float64Array;
  group?: ColumnData;
};

const answersOf = (cell: string | undefined) => (cell ?? "").trim().split(/\s+/).filter(Boolean);

type Outcome = "skip" | "in" | "out";

/** Whether a respondent's answer to the universe question puts them in the denominator's population. */
export function inUniverse(definition: IndicatorComputation, universeCell: string | undefined): boolean {
  const u = definition.denominator.universe;
  return !u || answersOf(universeCell).some((a) => u.choices.includes(a));
}

/** Where one respondent stands: out of the denominator (skip), counted in the numerator, or counted only. */
export function classifyAnswer(
  definition: IndicatorComputation,
  cell: string | undefined,
  universeCell?: string,
): Outcome {
  return inUniverse(definition, universeCell) ? classifyKey(definition, cell) : "skip";
}

/** Where one respondent stands by their answer to the key question alone. */
function classifyKey(definition: IndicatorComputation, cell: string | undefined): Outcome {
  const { denominator: d } = definition;
  const answers = answersOf(cell);
  if (answers.length === 0) return "skip";
  if (answers.some((a) => d.refused.choices.includes(a))) return d.refused.treatment === "include" ? "out" : "skip";
  if (answers.some((a) => d.dontKnow.choices.includes(a))) return d.dontKnow.treatment === "include" ? "out" : "skip";
  return answers.some((a) => definition.numerator.includes(a)) ? "in" : "out";
}

const SKIP = 0;
const IN = 1;
const OUT = 2;
const CODE = { skip: SKIP, in: IN, out: OUT } as const;

/** Per row, a code and the table of what each code means: a column of numbers is its values as text. */
function codedOf(column: ColumnData, rowCount: number): { codes: ArrayLike<number>; values: string[] } {
  if (column.kind === "codes") return { codes: column.codes, values: column.values };
  const byValue = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const n = column.numbers[i];
    const text = Number.isNaN(n) ? "" : String(n);
    let code = byValue.get(text);
    if (code === undefined) byValue.set(text, (code = values.push(text) - 1));
    codes[i] = code;
  }
  return { codes, values };
}

export function computeIndicator(input: ComputeInput): IndicatorResult[] {
  const { definition, rowCount, weights } = input;
  const key = codedOf(input.key, rowCount);
  // The universe's condition ignores the key's answer: classified on its own, then combined.
  const outcome = Uint8Array.from(key.values, (v) => CODE[classifyKey(definition, v)]);
  const universe = input.universe && definition.denominator.universe ? codedOf(input.universe, rowCount) : null;
  const universeHolds = universe ? Uint8Array.from(universe.values, (v) => (inUniverse(definition, v) ? 1 : 0)) : null;
  const group = input.group ? codedOf(input.group, rowCount) : null;
  const groups = new Map<number, { weights: number[]; inWeight: number; n: number; count: number }>();
  for (let i = 0; i < rowCount; i++) {
    if (universeHolds && !universeHolds[universe!.codes[i]]) continue;
    const o = outcome[key.codes[i]];
    if (o === SKIP) continue;
    const weight = weights ? weights[i] : 1;
    // A respondent without a usable weight cannot be weighted: left out, as survey packages do.
    if (!(weight > 0) || !Number.isFinite(weight)) continue;
    const g = group ? group.codes[i] : -1;
    let tally = groups.get(g);
    if (!tally) groups.set(g, (tally = { weights: [], inWeight: 0, n: 0, count: 0 }));
    tally.weights.push(weight);
    tally.n++;
    if (o === IN) {
      tally.count++;
      tally.inWeight += weight;
    }
  }
  return [...groups.entries()]
    .map(([g, tally]) => [g < 0 ? null : group!.values[g], tally] as const)
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([name, g]) => {
      const total = g.weights.reduce((s, w) => s + w, 0);
      const estimate = total > 0 ? g.inWeight / total : null;
      const effectiveN = weights === undefined ? g.n : kishEffectiveSize(g.weights);
      return {
        group: name,
        n: g.n,
        count: g.count,
        estimate,
        effectiveN,
        interval: estimate === null ? null : wilsonInterval(estimate, effectiveN),
      };
    });
}
