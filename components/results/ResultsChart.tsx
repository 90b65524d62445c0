// Estimates with their 95 % intervals as an SVG drawn on the server: one line per indicator and
// group (or dataset), a dot for the estimate and a bar for the interval, on a 0–100 % scale. Plain
// SVG rather than a charting library: this one chart needs a scale and a few shapes, it renders
// without JavaScript, and no library here renders SVG on the server without a DOM (README).
// Right to left, the scale runs from the right and the labels stand on the right. The table
// beside it is its text alternative.
import { percent } from "./format";

export type ChartLine = {
  key: string;
  label: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
};

const WIDTH = 720;
const LABEL = 230;
const PAD = 16;
const ROW = 26;
const TOP = 12;
const AXIS = 34;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export function ResultsChart({
  lines,
  title,
  description,
  locale,
  rtl,
  id,
}: {
  lines: ChartLine[];
  title: string;
  description: string;
  locale: string;
  rtl: boolean;
  id: string;
}) {
  const plot = WIDTH - LABEL - 2 * PAD;
  const x = (v: number) => (rtl ? WIDTH - LABEL - PAD - v * plot : LABEL + PAD + v * plot);
  // Right-aligned against the plot in either direction: "start" of right-to-left text is its right edge.
  const labelX = rtl ? WIDTH - 4 : LABEL - 4;
  const height = TOP + lines.length * ROW + AXIS;
  const bottom = TOP + lines.length * ROW;
  return (
    <figure className="results-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 4} y2={bottom} stroke="#c8c8c8" strokeWidth={1} />
            <text x={x(tick)} y={bottom + 18} textAnchor="middle" fontSize={12} fill="#333">
              {percent(locale, tick)}
            </text>
          </g>
        ))}
        {lines.map((line, i) => {
          const y = TOP + i * ROW + ROW / 2;
          return (
            <g key={line.key}>
              <text
                x={labelX}
                y={y + 4}
                textAnchor={rtl ? "start" : "end"}
                direction={rtl ? "rtl" : "ltr"}
                fontSize={12}
                fill="#1a1a1a"
              >
                {line.label.length > 34 ? `${line.label.slice(0, 33)}…` : line.label}
              </text>
              {line.lower !== null && line.upper !== null && (
                <line x1={x(line.lower)} x2={x(line.upper)} y1={y} y2={y} stroke="#1f5f8b" strokeWidth={3} />
              )}
              {line.estimate !== null && <circle cx={x(line.estimate)} cy={y} r={5} fill="#0b3954" />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
