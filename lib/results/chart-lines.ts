// What the results chart draws, one line per row: a dataset's indicators per group, or the
// datasets compared per indicator. The page, its comparison and the SVG file build their lines
// here, so that the downloaded chart has the page's lines and labels. Pure.
import type { ChartLine } from "./chart-layout";
import type { Comparison, DatasetResults } from "./view";

/** `noValue` names the group of the rows whose grouping column is empty. */
export function datasetChartLines(results: DatasetResults, noValue: string): ChartLine[] {
  return results.indicators.flatMap(({ code, results: rows }) =>
    rows.map((r) => ({
      key: `${code}-${r.group ?? ""}`,
      label: r.group === null ? code : `${code} · ${r.group || noValue}`,
      estimate: r.estimate,
      lower: r.interval?.lower ?? null,
      upper: r.interval?.upper ?? null,
    })),
  );
}

/** Per indicator, one line per dataset (a dataset without the indicator: a line without a value). */
export function comparisonChartLines(comparison: Comparison): ChartLine[] {
  return comparison.rows.flatMap((row) =>
    row.cells.map((r, i) => ({
      key: `${row.code}-${comparison.datasets[i].id}`,
      label: `${row.code} · ${comparison.datasets[i].name}`,
      estimate: r?.estimate ?? null,
      lower: r?.interval?.lower ?? null,
      upper: r?.interval?.upper ?? null,
    })),
  );
}
