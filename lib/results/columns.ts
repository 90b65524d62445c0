// Which column of a submissions export holds which questionnaire variable. KoboToolbox ("XML values
// and headers") writes the group path with `/` or `.`; ODK Central writes it with `-`; both may add
// one column per choice of a select_multiple ("name/choice"), which belongs to the variable but
// is not read (the variable's own column holds the ticked choices, space-separated).

export type Variable = { name: string; groups: readonly string[] };
export type ColumnMatch = {
  /** variable name → column index */
  columns: Map<string, number>;
  /** headers that belong to no variable (metadata such as _id, start, __version__ too) */
  unmatched: string[];
  /** variables with no column */
  missing: string[];
};

const SEPARATORS = ["/", ".", "-"] as const;

export function matchColumns(headers: readonly string[], variables: readonly Variable[]): ColumnMatch {
  const byHeader = new Map<string, string>();
  for (const v of variables) for (const sep of SEPARATORS) byHeader.set([...v.groups, v.name].join(sep), v.name);
  for (const v of variables) if (!byHeader.has(v.name)) byHeader.set(v.name, v.name);
  const columns = new Map<string, number>();
  const unmatched: string[] = [];
  headers.forEach((raw, index) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    const name = byHeader.get(header);
    if (name !== undefined && !columns.has(name)) {
      columns.set(name, index);
      return;
    }
    // A select_multiple's per-choice column: "<variable's header>/<choice>".
    const cut = header.lastIndexOf("/");
    if (cut > 0 && byHeader.has(header.slice(0, cut))) return;
    unmatched.push(raw);
  });
  return { columns, unmatched, missing: variables.map((v) => v.name).filter((n) => !columns.has(n)) };
}
