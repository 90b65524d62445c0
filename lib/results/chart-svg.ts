// The results chart as a standalone SVG file (the export route's `format=svg`): the page's chart
// (the same layout, lib/results/chart-layout.ts) with what a file opened on its own needs: a white
// background, a visible heading (dataset, weight and grouping), a footer naming the questionnaire,
// the dataset and the 95 % interval, a <title> and <desc> in the page's language, fonts that cover
// Arabic, and right to left in Arabic. Written as a string: no DOM on the server, and every text
// (dataset names, group values, column names: all user text) goes through escapeXml, so user text
// is never markup. Pure.
import { chartLayout, cutLabel, type ChartLine } from "./chart-layout";

export type ChartFile = {
  lines: readonly ChartLine[];
  locale: string;
  rtl: boolean;
  /** The heading, and the file's <title> */
  title: string;
  /** Under the heading: weight and grouping, or the datasets compared */
  caption: string;
  /** The file's <desc>: how to read the chart */
  description: string;
  /** The last line: questionnaire, dataset(s), "95 % interval" */
  footer: string;
  /** Written on a line without an estimate */
  noValue: string;
};

/** Fonts with Arabic first among the common ones: Noto and DejaVu (Linux), Segoe UI and Tahoma (Windows), Arial (macOS too). */
export const CHART_FONTS = "'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', 'Segoe UI', Tahoma, Arial, sans-serif";

const ABOVE = 58;
const BELOW = 24;
const SIDE = 16;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF): a dataset
// name carrying one would make the whole file unreadable, so it becomes U+FFFD.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or an attribute value as XML character data: never markup, always well-formed. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

type Attributes = Record<string, string | number>;
const attributes = (a: Attributes) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
const element = (name: string, a: Attributes, text?: string) =>
  text === undefined ? `<${name}${attributes(a)}/>` : `<${name}${attributes(a)}>${escapeXml(text)}</${name}>`;

export function chartSvg(file: ChartFile): string {
  const { rtl } = file;
  const layout = chartLayout(file.lines, { rtl, locale: file.locale, above: ABOVE, below: BELOW });
  const { width, height } = layout;
  const direction = rtl ? "rtl" : "ltr";
  // Headings start at the reading side: the right edge in Arabic ("start" with direction rtl).
  const edge = rtl ? width - SIDE : SIDE;
  const text = (y: number, value: string, extra: Attributes = {}) =>
    element("text", { x: edge, y, "text-anchor": "start", direction, ...extra }, value);
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg${attributes({
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": "chart-title chart-desc",
      "xml:lang": file.locale,
      lang: file.locale,
      direction,
      "font-family": CHART_FONTS,
    })}>`,
    element("title", { id: "chart-title" }, file.title),
    element("desc", { id: "chart-desc" }, file.description),
    element("rect", { x: 0, y: 0, width, height, fill: "#ffffff" }),
    text(24, cutLabel(file.title, 80), { "font-size": 15, "font-weight": "bold", fill: "#1a1a1a" }),
    text(44, cutLabel(file.caption, 100), { "font-size": 12, fill: "#333333" }),
  ];
  for (const tick of layout.ticks)
    out.push(
      element("line", { x1: tick.x, x2: tick.x, y1: tick.y1, y2: tick.y2, stroke: "#c8c8c8", "stroke-width": 1 }),
      element(
        "text",
        { x: tick.x, y: tick.labelY, "text-anchor": "middle", "font-size": 12, fill: "#333333" },
        tick.label,
      ),
    );
  for (const row of layout.rows) {
    out.push(`<g${attributes({ class: "chart-line" })}>`);
    out.push(
      element(
        "text",
        {
          x: row.labelX,
          y: row.labelY,
          "text-anchor": row.anchor,
          direction: row.direction,
          "font-size": 12,
          fill: "#1a1a1a",
        },
        row.label,
      ),
    );
    if (row.interval)
      out.push(
        element("line", {
          x1: row.interval.x1,
          x2: row.interval.x2,
          y1: row.y,
          y2: row.y,
          stroke: "#1f5f8b",
          "stroke-width": 3,
        }),
      );
    out.push(
      row.estimateX !== null
        ? element("circle", { cx: row.estimateX, cy: row.y, r: 5, fill: "#0b3954" })
        : element(
            "text",
            {
              x: row.missingX,
              y: row.labelY,
              "text-anchor": "start",
              direction: row.direction,
              "font-size": 12,
              fill: "#555555",
            },
            file.noValue,
          ),
    );
    out.push("</g>");
  }
  out.push(text(height - 10, cutLabel(file.footer, 130), { "font-size": 11, fill: "#555555" }), "</svg>", "");
  return out.join("\n");
}
