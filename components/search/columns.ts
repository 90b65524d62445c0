// The search results' optional columns and which show by default; the visible ones travel in the
// URL as cols=code,type,… (undefined: the defaults; "none": only the question).
export const TOGGLEABLE_COLUMNS = ["code", "type", "status", "indicators", "translations", "source", "tags"] as const;
export type ColumnId = (typeof TOGGLEABLE_COLUMNS)[number];
export const DEFAULT_HIDDEN: readonly ColumnId[] = ["source", "tags"];

export function visibleColumns(cols: string | undefined): Record<ColumnId, boolean> {
  const shown = cols === undefined ? null : new Set(cols.split(",").filter(Boolean));
  return Object.fromEntries(
    TOGGLEABLE_COLUMNS.map((c) => [c, shown ? shown.has(c) : !DEFAULT_HIDDEN.includes(c)]),
  ) as Record<ColumnId, boolean>;
}
