// A stored dataset → its results as the page, the chart and the exports show them: every
// computable indicator per group (with the weight and grouping columns chosen, when the file has
// them), and several datasets side by side with a note wherever the bank versions behind an
// indicator differ between them (not comparable as is). Pure.
import { usableColumns } from "./column-store";
import type { IndicatorResult } from "./compute";
import type { StoredDataset } from "./data";
import type { InRepeat, ResultsPlan } from "./plan";
import { computeResults, indicatorHeaders } from "./submissions";

export type DatasetResults = {
  weight: string | undefined;
  group: string | undefined;
  indicators: { code: string; results: IndicatorResult[] }[];
  /** Indicators not computed because the file has no column for their question */
  notComputable: { code: string; question: string }[];
  /** Indicators not computed because their question is inside a repeat (plan.ts) */
  inRepeat: InRepeat[];
};

/** The columns a person may weight and group this dataset by (column-store.ts). */
export function choicesOfDataset(dataset: Pick<StoredDataset, "source">): { weights: string[]; groups: string[] } {
  return usableColumns(dataset.source.columns);
}

/** The headers the page reads of a dataset: every indicator's columns, and the weight and group chosen. */
export function headersNeeded(
  headers: readonly string[],
  plan: ResultsPlan,
  options: { weight?: string; group?: string },
) {
  const extra = [options.weight, options.group].filter((h): h is string => !!h && headers.includes(h));
  return [...indicatorHeaders(headers, plan.variables, plan.definitions), ...extra];
}

export function resultsOfDataset(
  dataset: Pick<StoredDataset, "source">,
  plan: ResultsPlan,
  options: { weight?: string; group?: string },
): DatasetResults {
  // A column this file does not have, or did not keep (a choice made for another dataset, or a
  // grouping by a column of free text), is not applied.
  const { source } = dataset;
  const usable = (name: string | undefined, kind: "weight" | "group") => {
    const index = name ? source.headers.indexOf(name) : -1;
    const data = index < 0 ? null : source.column(index);
    return data && (kind === "weight" || data.kind === "codes") ? name : undefined;
  };
  const weight = usable(options.weight, "weight");
  const group = usable(options.group, "group");
  const out = computeResults({
    source,
    variables: plan.variables,
    definitions: plan.definitions,
    weightColumn: weight,
    groupColumn: group,
  });
  // An indicator whose question is in a repeat is said so, not "no column" (the export has one, in
  // another table).
  const repeated = new Set(plan.inRepeat.map((r) => r.code));
  return {
    weight,
    group,
    indicators: out.indicators,
    notComputable: out.notComputable.filter((n) => !repeated.has(n.code)),
    inRepeat: plan.inRepeat.filter((r) => out.notComputable.some((n) => n.code === r.code)),
  };
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
