// The geometry of the results chart, in one place for both of its renderings: the page's SVG (a
// React server component, components/results/ResultsChart.tsx) and the downloadable SVG file
// (lib/results/chart-svg.ts, a string). Lines in → positions out: the 0–100 % scale, its ticks and
// their labels, and per line the label, the interval's bar and the estimate's dot. Pure.
// Right to left the scale runs from the right and the labels stand on the right: a label is
// anchored at its "start" with direction rtl, which is its right edge, against the plot.
import { percent } from "./format";

export type ChartLine = {
  key: string;
  label: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
};

export const CHART_WIDTH = 720;
const LABEL = 230;
const PAD = 16;
/** Room beyond 100 % for half of its tick's label ("100.0%" was cut at the edge). */
const FAR = 30;
const ROW = 26;
const TOP = 12;
const AXIS = 34;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Longer labels are cut (the table beside the chart, and the file's description, say them whole). */
export const CHART_LABEL_MAX = 34;

export type ChartTick = { value: number; x: number; y1: number; y2: number; labelY: number; label: string };

export type ChartRow = {
  key: string;
  /** The label as drawn (cut to CHART_LABEL_MAX characters) and as given */
  label: string;
  fullLabel: string;
  y: number;
  labelX: number;
  labelY: number;
  anchor: "start" | "end";
  direction: "rtl" | "ltr";
  /** The 95 % interval's bar, when there is one */
  interval: { x1: number; x2: number } | null;
  /** The estimate's dot, when there is one; otherwise `missingX` is where "no value" is written */
  estimateX: number | null;
  missingX: number;
};

export type ChartLayout = {
  width: number;
  height: number;
  /** Top and bottom of the plot, between the space kept above and below it */
  plotTop: number;
  plotBottom: number;
  ticks: ChartTick[];
  rows: ChartRow[];
  rtl: boolean;
};

const round = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** Cut by characters, not UTF-16 units: a cut never splits a surrogate pair (an emoji, a rare letter). */
export function cutLabel(label: string, max = CHART_LABEL_MAX): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : label;
}

export function chartLayout(
  lines: readonly ChartLine[],
  {
    rtl,
    locale,
    above = 0,
    below = 0,
  }: {
    rtl: boolean;
    locale: string;
    /** Space kept above and below the plot (a file's heading and footer) */
    above?: number;
    below?: number;
  },
): ChartLayout {
  const plot = CHART_WIDTH - LABEL - PAD - FAR;
  // Shares outside 0–1 cannot happen; clamped anyway, so that a bar never leaves the plot.
  const ltr = (v: number) => LABEL + PAD + clamp(v) * plot;
  const x = (v: number) => round(rtl ? CHART_WIDTH - ltr(v) : ltr(v));
  const plotTop = above + TOP;
  const plotBottom = plotTop + lines.length * ROW;
  const ticks = TICKS.map((value) => ({
    value,
    x: x(value),
    y1: plotTop - 4,
    y2: plotBottom,
    labelY: plotBottom + 18,
    label: percent(locale, value) ?? "",
  }));
  const rows = lines.map((line, i): ChartRow => {
    const y = plotTop + i * ROW + ROW / 2;
    const hasInterval = line.lower !== null && line.upper !== null;
    return {
      key: line.key,
      label: cutLabel(line.label),
      fullLabel: line.label,
      y,
      labelX: rtl ? CHART_WIDTH - 4 : LABEL - 4,
      labelY: y + 4,
      anchor: rtl ? "start" : "end",
      direction: rtl ? "rtl" : "ltr",
      interval: hasInterval ? { x1: x(line.lower!), x2: x(line.upper!) } : null,
      estimateX: line.estimate !== null && Number.isFinite(line.estimate) ? x(line.estimate) : null,
      missingX: rtl ? x(0) - 6 : x(0) + 6,
    };
  });
  return { width: CHART_WIDTH, height: plotBottom + AXIS + below, plotTop, plotBottom, ticks, rows, rtl };
}
