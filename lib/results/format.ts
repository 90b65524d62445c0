// Numbers as the results page, its chart and the chart's SVG file show them: shares as percentages
// with one decimal in the page's language, sizes as whole numbers (an effective size with one decimal). Pure.
export function percent(locale: string, value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

export function count(locale: string, value: number, decimals = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value);
}
