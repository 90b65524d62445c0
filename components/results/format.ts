// The results page's number formats live in lib/results/format.ts, beside the chart's layout and
// SVG writer that share them; the page's components keep importing them from here.
export { count, percent } from "@/lib/results/format";
