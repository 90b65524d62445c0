// A stored dataset → its results as the page, the chart and the exports show them: every
// computable indicator per group (with the weight and grouping columns chosen, when the file has
// them), and several datasets side by side with a note wherever the bank versions behind an
// indicator differ between them (not comparable as is). Pure.
import type { IndicatorResult } from "./compute";
import type { StoredDataset } from "./data";
import type { ResultsPlan } from "./plan";
import { computeResults } from "./submissions";

export type DatasetResults = {
  weight: string | undefined;
  group: string | undefined;
  indicators: { code: string; results: IndicatorResult[] }[];
  notComputable: { code: string; question: string }[];
};

export function resultsOfDataset(
  dataset: Pick<StoredDataset, "headers" | "rows">,
  plan: ResultsPlan,
  options: { weight?: string; group?: string },
): DatasetResults {
  // A column this file does not have (a choice made for another dataset) is not applied.
  const weight = options.weight && dataset.headers.includes(options.weight) ? options.weight : undefined;
  const group = options.group && dataset.headers.includes(options.group) ? options.group : undefined;
  const out = computeResults({
    table: { headers: dataset.headers, rows: dataset.rows },
    variables: plan.variables,
    definitions: plan.definitions,
    weightColumn: weight,
    groupColumn: group,
  });
  return { weight, group, indicators: out.indicators, notComputable: out.notComputable };
}

export type ComparisonNote =
  | { kind: "versionsDiffer"; versions: { dataset: string; defined: number; used: number | null }[] }
  | { kind: "notIn"; datasets: string[] };

export type Comparison = {
  datasets: { id: string; name: string }[];
  rows: { code: string; cells: (IndicatorResult | null)[]; notes: ComparisonNote[] }[];
};

export function compareDatasets(datasets: StoredDataset[], plan: ResultsPlan, weight?: string): Comparison {
  const each = datasets.map((d) => resultsOfDataset(d, plan, { weight }));
  const codes = Object.keys(plan.definitions).sort();
  const rows = codes.map((code) => {
    const cells = each.map((r) => r.indicators.find((i) => i.code === code)?.results[0] ?? null);
    const notes: ComparisonNote[] = [];
    // Versions as each upload recorded them (the questionnaire or the definition may have changed since).
    const versions = datasets.map((d) => ({ dataset: d.name, ...(d.definitions[code] ?? plan.versions[code]) }));
    const distinct = new Set(versions.map((v) => `${v.defined}/${v.used}`));
    if (distinct.size > 1 || versions.some((v) => v.used !== null && v.used !== v.defined))
      notes.push({ kind: "versionsDiffer", versions });
    const missing = datasets.filter((_, i) => cells[i] === null).map((d) => d.name);
    if (missing.length) notes.push({ kind: "notIn", datasets: missing });
    return { code, cells, notes };
  });
  return { datasets: datasets.map((d) => ({ id: d.id, name: d.name })), rows };
}
