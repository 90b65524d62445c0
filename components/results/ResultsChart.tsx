// Estimates with their 95 % intervals as an SVG drawn on the server: one line per indicator and
// group (or dataset), a dot for the estimate and a bar for the interval, on a 0–100 % scale. Plain
// SVG rather than a charting library: this one chart needs a scale and a few shapes, it renders
// without JavaScript, and no library here renders SVG on the server without a DOM (README).
// The geometry is lib/results/chart-layout.ts, shared with the downloadable SVG file
// (lib/results/chart-svg.ts), so that the file is the chart on the page. The table beside it is
// its text alternative.
import { chartLayout, type ChartLine } from "@/lib/results/chart-layout";

export type { ChartLine };

export function ResultsChart({
  lines,
  title,
  description,
  noValue,
  locale,
  rtl,
  id,
}: {
  lines: ChartLine[];
  title: string;
  description: string;
  /** Written on a line without an estimate */
  noValue: string;
  locale: string;
  rtl: boolean;
  id: string;
}) {
  const layout = chartLayout(lines, { rtl, locale });
  return (
    <figure className="results-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxWidth: layout.width }}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.x} x2={tick.x} y1={tick.y1} y2={tick.y2} stroke="#c8c8c8" strokeWidth={1} />
            <text x={tick.x} y={tick.labelY} textAnchor="middle" fontSize={12} fill="#333">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.rows.map((row) => (
          <g key={row.key}>
            <text
              x={row.labelX}
              y={row.labelY}
              textAnchor={row.anchor}
              direction={row.direction}
              fontSize={12}
              fill="#1a1a1a"
            >
              {row.label}
            </text>
            {row.interval && (
              <line x1={row.interval.x1} x2={row.interval.x2} y1={row.y} y2={row.y} stroke="#1f5f8b" strokeWidth={3} />
            )}
            {row.estimateX !== null ? (
              <circle cx={row.estimateX} cy={row.y} r={5} fill="#0b3954" />
            ) : (
              <text
                x={row.missingX}
                y={row.labelY}
                textAnchor="start"
                direction={row.direction}
                fontSize={12}
                fill="#555"
              >
                {noValue}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
