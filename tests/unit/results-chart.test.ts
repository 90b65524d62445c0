// The results chart's one geometry (lib/results/chart-layout.ts) and its SVG file
// (lib/results/chart-svg.ts): positions on the 0–100 % scale, mirrored right to left, lines
// without an estimate, many groups, and a file that a real XML parser reads back with every user
// text (dataset names, group values) as text, never markup.
import { describe, expect, it } from "vitest";
import { chartLayout, cutLabel, CHART_WIDTH, type ChartLine } from "@/lib/results/chart-layout";
import { chartSvg, escapeXml, type ChartFile } from "@/lib/results/chart-svg";
import { comparisonChartLines, datasetChartLines } from "@/lib/results/chart-lines";
import type { DatasetResults } from "@/lib/results/view";
import { elementsNamed, parseXml } from "./svg-tree";

const line = (key: string, estimate: number | null, lower: number | null = null, upper: number | null = null) => ({
  key,
  label: key,
  estimate,
  lower,
  upper,
});

const file = (lines: ChartLine[], overrides: Partial<ChartFile> = {}): ChartFile => ({
  lines,
  locale: "en",
  rtl: false,
  title: "Estimates with 95% confidence intervals: Country A",
  caption: "Not weighted · All respondents",
  description: "Each line is one indicator.",
  footer: "Vaccine acceptance · Country A · dot: estimate, bar: 95% interval",
  noValue: "—",
  ...overrides,
});

describe("the results chart's layout", () => {
  it("puts 0 % at the plot's left edge and 100 % at its right, labels right-aligned before it", () => {
    const layout = chartLayout([line("PER-03", 0.5, 0.4, 0.6)], { rtl: false, locale: "en" });
    const [zero, , half, , full] = layout.ticks;
    expect(zero.x).toBeLessThan(half.x);
    expect(half.x).toBeLessThan(full.x);
    expect(full.x).toBeLessThanOrEqual(CHART_WIDTH);
    expect(layout.ticks.map((t) => t.label)).toEqual(["0.0%", "25.0%", "50.0%", "75.0%", "100.0%"]);
    const [row] = layout.rows;
    expect(row.estimateX).toBe(half.x);
    expect(row.interval!.x1).toBeLessThan(row.estimateX!);
    expect(row.interval!.x2).toBeGreaterThan(row.estimateX!);
    expect(row.anchor).toBe("end");
    expect(row.labelX).toBeLessThan(zero.x);
  });

  it("mirrors the scale in Arabic: 0 % on the right, labels anchored at their right edge on the right", () => {
    const ltr = chartLayout([line("a", 0.25, 0.2, 0.3)], { rtl: false, locale: "ar" });
    const rtl = chartLayout([line("a", 0.25, 0.2, 0.3)], { rtl: true, locale: "ar" });
    expect(rtl.ticks[0].x).toBeGreaterThan(rtl.ticks[4].x);
    expect(rtl.ticks[0].x + ltr.ticks[0].x).toBeCloseTo(rtl.ticks[4].x + ltr.ticks[4].x, 5);
    const [row] = rtl.rows;
    expect(row).toMatchObject({ anchor: "start", direction: "rtl" });
    expect(row.labelX).toBeGreaterThan(rtl.ticks[0].x);
    expect(row.interval!.x1).toBeGreaterThan(row.interval!.x2);
    // Arabic digits and percent sign, as the page shows them.
    expect(rtl.ticks[2].label).toBe(
      new Intl.NumberFormat("ar", { style: "percent", minimumFractionDigits: 1 }).format(0.5),
    );
  });

  it("keeps a line without an estimate or interval: no dot, no bar, a place for 'no value'", () => {
    const layout = chartLayout([line("none", null), line("dot only", 0.3)], { rtl: false, locale: "en" });
    expect(layout.rows[0]).toMatchObject({ estimateX: null, interval: null });
    expect(layout.rows[0].missingX).toBeGreaterThan(layout.ticks[0].x);
    expect(layout.rows[1]).toMatchObject({ interval: null });
    expect(layout.rows[1].estimateX).not.toBeNull();
  });

  it("gives many groups a row each, in order, inside the chart, and cuts long labels by characters", () => {
    const lines = Array.from({ length: 400 }, (_, i) => line(`PER-03 · group ${i} ${"x".repeat(i % 50)}`, i / 400));
    const layout = chartLayout(lines, { rtl: false, locale: "en", above: 50, below: 20 });
    const ys = layout.rows.map((r) => r.y);
    expect(ys.every((y, i) => i === 0 || y > ys[i - 1])).toBe(true);
    expect(ys[0]).toBeGreaterThan(50);
    expect(layout.height).toBeGreaterThan(ys.at(-1)! + 20);
    expect(Math.max(...layout.rows.map((r) => Array.from(r.label).length))).toBe(34);
    expect(cutLabel("ab😀cd", 4)).toBe("ab😀…");
    expect(cutLabel("short")).toBe("short");
  });

  it("builds a dataset's lines per indicator and group, and a comparison's per indicator and dataset", () => {
    const results: DatasetResults = {
      weight: undefined,
      group: "region",
      notComputable: [],
      indicators: [
        {
          code: "PER-03",
          results: [
            { group: "north", estimate: 0.4, interval: { lower: 0.3, upper: 0.5 }, n: 10, count: 4, effectiveN: 10 },
            { group: "", estimate: null, interval: null, n: 0, count: 0, effectiveN: 0 },
          ],
        },
      ],
    } as unknown as DatasetResults;
    expect(datasetChartLines(results, "—").map((l) => l.label)).toEqual(["PER-03 · north", "PER-03 · —"]);
    const lines = comparisonChartLines({
      datasets: [
        { id: "a", name: "Country A" },
        { id: "b", name: "Country B" },
      ],
      rows: [{ code: "PER-03", cells: [results.indicators[0].results[0], null], notes: [] }],
    });
    expect(lines.map((l) => [l.label, l.estimate])).toEqual([
      ["PER-03 · Country A", 0.4],
      ["PER-03 · Country B", null],
    ]);
  });
});

describe("the results chart as an SVG file", () => {
  it("is a standalone, sized SVG with a title, description, white background and one mark per line", () => {
    const lines = [line("PER-03", 0.5, 0.4, 0.6), line("PER-04", null), line("PER-05", 0.1, 0.05, 0.2)];
    const svg = parseXml(chartSvg(file(lines)));
    expect(svg.name).toBe("svg");
    expect(svg.ns).toBe("http://www.w3.org/2000/svg");
    const { width, height, viewBox } = svg.attributes;
    expect(viewBox).toBe(`0 0 ${width} ${height}`);
    expect(Number(width)).toBe(CHART_WIDTH);
    expect(svg.attributes["font-family"]).toMatch(/Noto Sans Arabic.*DejaVu Sans.*sans-serif$/);
    expect(elementsNamed(svg, "title")[0].text).toBe("Estimates with 95% confidence intervals: Country A");
    expect(elementsNamed(svg, "desc")[0].text).toBe("Each line is one indicator.");
    const background = elementsNamed(svg, "rect")[0];
    expect(background.attributes).toMatchObject({ fill: "#ffffff", width, height });
    const groups = svg.children.filter((c) => c.attributes.class === "chart-line");
    expect(groups).toHaveLength(3);
    expect(groups.map((g) => elementsNamed(g, "circle").length)).toEqual([1, 0, 1]);
    expect(elementsNamed(groups[1], "text").map((t) => t.text)).toEqual(["PER-04", "—"]);
    const texts = elementsNamed(svg, "text").map((t) => t.text);
    expect(texts).toContain("Not weighted · All respondents");
    expect(texts.at(-1)).toBe("Vaccine acceptance · Country A · dot: estimate, bar: 95% interval");
  });

  it("writes dataset names and group values as text, never markup", () => {
    const hostile = `<b>A&B</b> "quoted" 'single' <script>alert(1)</script> ]]> &amp;`;
    const source = chartSvg(
      file([{ key: "k", label: `PER-03 · ${hostile}`, estimate: 0.2, lower: 0.1, upper: 0.3 }], {
        title: `Estimates: ${hostile}`,
        footer: `Form · ${hostile}`,
        caption: `By “<i>region</i>”`,
      }),
    );
    expect(source).not.toMatch(/<b>|<script|<i>/);
    const svg = parseXml(source);
    expect(elementsNamed(svg, "script")).toEqual([]);
    expect(elementsNamed(svg, "b")).toEqual([]);
    expect(elementsNamed(svg, "title")[0].text).toBe(`Estimates: ${hostile}`);
    const texts = elementsNamed(svg, "text").map((t) => t.text);
    expect(texts).toContain(`By “<i>region</i>”`);
    expect(texts).toContain(cutLabel(`PER-03 · ${hostile}`));
    expect(escapeXml(`a<b>&"'`)).toBe("a&lt;b&gt;&amp;&quot;&apos;");
    // Characters XML forbids would make the file unreadable: they become U+FFFD.
    expect(escapeXml("a\u0001b\uD800c")).toBe("a\uFFFDb\uFFFDc");
    expect(() => parseXml(chartSvg(file([line("bad\u0000name\u001b", 0.5)])))).not.toThrow();
  });

  it("reads right to left in Arabic: language, direction and the labels' right edge at the right", () => {
    const svg = parseXml(
      chartSvg(
        file([line("PER-03 · شمال", 0.5, 0.4, 0.6)], {
          locale: "ar",
          rtl: true,
          title: "التقديرات مع فترات الثقة 95٪: البلد أ",
        }),
      ),
    );
    expect(svg.attributes).toMatchObject({ "xml:lang": "ar", lang: "ar", direction: "rtl" });
    const [heading, caption] = elementsNamed(svg, "text");
    expect(heading.text).toBe("التقديرات مع فترات الثقة 95٪: البلد أ");
    for (const t of [heading, caption]) {
      expect(t.attributes).toMatchObject({ "text-anchor": "start", direction: "rtl" });
      expect(Number(t.attributes.x)).toBeGreaterThan(CHART_WIDTH / 2);
    }
    const label = elementsNamed(svg, "text").find((t) => t.text === "PER-03 · شمال")!;
    expect(label.attributes).toMatchObject({ "text-anchor": "start", direction: "rtl" });
    expect(Number(label.attributes.x)).toBeGreaterThan(CHART_WIDTH - 230);
  });

  it("draws a chart of no lines and of many groups alike, every line in the picture", () => {
    expect(parseXml(chartSvg(file([]))).name).toBe("svg");
    const many = Array.from({ length: 300 }, (_, i) => line(`PER-03 · <g${i}>`, (i % 100) / 100, 0, 1));
    const svg = parseXml(chartSvg(file(many)));
    const height = Number(svg.attributes.height);
    const circles = elementsNamed(svg, "circle");
    expect(circles).toHaveLength(300);
    expect(circles.every((c) => Number(c.attributes.cy) > 0 && Number(c.attributes.cy) < height - 30)).toBe(true);
  });
});
