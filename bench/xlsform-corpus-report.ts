// What a corpus run (bench/xlsform-corpus.ts) found, form by form, and the summary it prints:
// each form's outcome, differences grouped into categories by their first differing line, and
// issue #18's targets (≥ 95% equivalent, no silent loss, no refusal of a valid form, no 5xx).
import { structuredPatch } from "diff";

export type Outcome =
  // pyxform converts the original
  | "equivalent" // the export converts to the same XForm (form id and version aside)
  | "differs" // imported and exported without a word, but the XForm is not the same: a silent loss
  | "refused" // we refused a form pyxform accepts
  | "server_error" // a 5xx (or no answer) on import or export
  | "export_failed" // the export answered 4xx
  | "export_invalid" // pyxform refuses our export
  // pyxform refuses (or crashes on) the original
  | "invalid_refused" // we refuse it too
  | "invalid_imported" // we import it (the reader leaves expression-level checks to pyxform)
  | "invalid_server_error"
  // the corpus file could not be made into a spreadsheet
  | "unreadable";

export const VALID_OUTCOMES: Outcome[] = [
  "equivalent",
  "differs",
  "refused",
  "server_error",
  "export_failed",
  "export_invalid",
];

export type FormResult = {
  file: string;
  /** The corpus's MANIFEST.tsv row for it (where it came from, what its source expects) */
  manifest?: Record<string, string>;
  folder: string;
  outcome: Outcome;
  pyxform: { ok: boolean; kind?: string; error?: string; warnings?: string[] };
  import?: { status: number; ms: number; code?: string; message?: string; errors?: unknown[]; notices?: unknown[] };
  export?: { status: number; message?: string };
  exportPyxform?: { ok: boolean; error?: string; warnings?: string[] };
  /** A refusal that speaks of a name being taken or used elsewhere (never a reason: names are each form's own) */
  namesElsewhere?: boolean;
  /** pyxform's message names a row and our first error names another (or none) */
  rowDisagrees?: boolean;
  /** differs: the category (first differing line, values left out) and that line pair */
  category?: string;
  firstDifference?: { original: string | null; exported: string | null };
  /** equivalent or differs: pyxform warned differently about the export */
  warningsDiffer?: boolean;
};

const NAMES_ELSEWHERE = /already (used|exists|taken)|used elsewhere|in the bank|another (form|questionnaire)|in use/i;

export function speaksOfNamesElsewhere(texts: string[]): boolean {
  return texts.some((t) => NAMES_ELSEWHERE.test(t));
}

/** The row pyxform's message names ("[row : 5]", "row 5", "on row 5"), if any. */
export function pyxformRow(message: string): number | null {
  const match = /\[row\s*:\s*(\d+)\]|\brow\s*(?:#|:)?\s*(\d+)/i.exec(message);
  return match ? Number(match[1] ?? match[2]) : null;
}

/** The canonical XForm as lines (one element or text per line), the version attribute left out. */
export function xformLines(canonical: string): string[] {
  return canonical
    .replace(/(<instance><[^>]*?) version="[^"]*"/, "$1")
    .split("><")
    .join(">\n<")
    .split("\n");
}

export function unifiedDiff(original: string, exported: string): string {
  const patch = structuredPatch("original.xml", "export.xml", original, exported, "", "", { context: 3 });
  const lines = ["--- original.xml", "+++ export.xml"];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return lines.join("\n") + "\n";
}

/** The first line each side has that the other has not, at the first place they part. */
export function firstDifference(original: string[], exported: string[]) {
  let i = 0;
  while (i < original.length && i < exported.length && original[i] === exported[i]) i++;
  return { original: original[i] ?? null, exported: exported[i] ?? null };
}

/** A line's shape: its element and attribute names, values and text left out ("<bind nodeset=… type=…/>"). */
function shape(line: string | null): string {
  if (line === null) return "(nothing)";
  return line
    .replace(/="[^"]*"/g, "=…")
    .replace(/>[^<]+</g, ">…<")
    .replace(/>[^<]+$/, ">…")
    .slice(0, 160);
}

export function categoryOf(difference: { original: string | null; exported: string | null }): string {
  const { original, exported } = difference;
  const tag = (line: string | null) => /^<\/?([\w:-]+)/.exec(line ?? "")?.[1] ?? null;
  if (original && exported && tag(original) === tag(exported)) {
    const attrs = (line: string) => new Map([...line.matchAll(/ ([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const a = attrs(original);
    const b = attrs(exported);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    if (changed.length) return `<${tag(original)}>: attribute ${changed.join(", ")} differs`;
    return `<${tag(original)}>: text differs`;
  }
  return `original ${shape(original)} | export ${shape(exported)}`;
}

export type Summary = {
  forms: number;
  pyxformValid: number;
  counts: Record<Outcome, number>;
  equivalentPercent: number;
  targetMet: boolean;
  silentLosses: number;
  refusalsNamingNamesElsewhere: number;
  refusalsOfValidForms: number;
  serverErrors: number;
  warningsDiffer: number;
  invalidWithRowDisagreeing: number;
  categories: Group[];
  /** valid forms we refused, by our first error's code */
  refusals: Group[];
  /** forms pyxform refuses and we refuse too, by our first error's code beside pyxform's reason (to read for misleading messages) */
  invalidRefused: Group[];
  /** forms pyxform refuses that we import, by pyxform's message (names and rows left out), and whether our export then answered */
  invalidImported: Group[];
};

export type Group = { category: string; count: number; examples: string[] };

function groupBy(results: FormResult[], keyOf: (r: FormResult) => string | null): Group[] {
  const groups = new Map<string, string[]>();
  for (const r of results) {
    const key = keyOf(r);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), r.file]);
  }
  return [...groups]
    .map(([category, files]) => ({ category, count: files.length, examples: files.slice(0, 5) }))
    .sort((a, b) => b.count - a.count);
}

/** pyxform's message without what changes from form to form: rows, quoted names, ${names}. */
const messageShape = (message: string) =>
  message
    .replace(/\[row : \d+\]/g, "[row]")
    .replace(/'[^']*'/g, "'…'")
    .replace(/\$\{[^}]*\}/g, "${…}")
    .slice(0, 140);

export function summarise(results: FormResult[]): Summary {
  const counts = Object.fromEntries(
    [...VALID_OUTCOMES, "invalid_refused", "invalid_imported", "invalid_server_error", "unreadable"].map((o) => [o, 0]),
  ) as Record<Outcome, number>;
  for (const r of results) counts[r.outcome]++;
  const pyxformValid = VALID_OUTCOMES.reduce((n, o) => n + counts[o], 0);
  const equivalentPercent = pyxformValid ? (100 * counts.equivalent) / pyxformValid : 0;
  const categories = groupBy(results, (r) => (r.outcome === "differs" ? (r.category ?? "?") : null));
  const refusals = groupBy(results, (r) => {
    if (r.outcome !== "refused") return null;
    const first = r.import?.errors?.[0] as { code?: string } | undefined;
    return `${first?.code ?? r.import?.code}${r.namesElsewhere ? " (names a name used elsewhere)" : ""}`;
  });
  const invalidRefused = groupBy(results, (r) => {
    if (r.outcome !== "invalid_refused") return null;
    const first = r.import?.errors?.[0] as { code?: string } | undefined;
    return `${first?.code ?? r.import?.code} ← ${messageShape(r.pyxform.error ?? "")}`;
  });
  const invalidImported = groupBy(results, (r) =>
    r.outcome === "invalid_imported"
      ? `${messageShape(r.pyxform.error ?? "")} → export ${r.export?.status ?? "not tried"}`
      : null,
  );
  return {
    forms: results.length,
    pyxformValid,
    counts,
    equivalentPercent: Math.round(equivalentPercent * 10) / 10,
    targetMet: equivalentPercent >= 95,
    silentLosses: counts.differs,
    refusalsNamingNamesElsewhere: results.filter((r) => r.namesElsewhere).length,
    refusalsOfValidForms: counts.refused,
    serverErrors: counts.server_error + counts.invalid_server_error,
    warningsDiffer: results.filter((r) => r.warningsDiffer).length,
    invalidWithRowDisagreeing: results.filter((r) => r.rowDisagrees).length,
    categories,
    refusals,
    invalidRefused,
    invalidImported,
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "–");

export function summaryTable(s: Summary, bank: { before: number; after: number }): string {
  const rows: [string, string, string][] = [
    ["forms in the corpus", String(s.forms), ""],
    ["pyxform-valid", String(s.pyxformValid), "100%"],
    ["  equivalent XForm", String(s.counts.equivalent), `${pct(s.counts.equivalent, s.pyxformValid)} (target ≥ 95%)`],
    ["  differs (silent loss)", String(s.counts.differs), pct(s.counts.differs, s.pyxformValid)],
    ["  refused by us", String(s.counts.refused), pct(s.counts.refused, s.pyxformValid)],
    ["    of which naming names used elsewhere", String(s.refusalsNamingNamesElsewhere), ""],
    ["  5xx / no answer", String(s.counts.server_error), pct(s.counts.server_error, s.pyxformValid)],
    ["  export refused (4xx)", String(s.counts.export_failed), pct(s.counts.export_failed, s.pyxformValid)],
    ["  pyxform refused our export", String(s.counts.export_invalid), pct(s.counts.export_invalid, s.pyxformValid)],
    ["  pyxform warned differently", String(s.warningsDiffer), ""],
    [
      "pyxform refuses (or crashes on) the original",
      String(s.counts.invalid_refused + s.counts.invalid_imported + s.counts.invalid_server_error),
      "",
    ],
    ["  refused by us too", String(s.counts.invalid_refused), ""],
    ["    our first error names another row than pyxform", String(s.invalidWithRowDisagreeing), ""],
    ["  imported by us", String(s.counts.invalid_imported), ""],
    ["  5xx / no answer", String(s.counts.invalid_server_error), ""],
    ["unreadable corpus files", String(s.counts.unreadable), ""],
    [
      "public bank size before → after",
      `${bank.before} → ${bank.after}`,
      bank.before === bank.after ? "unchanged" : "CHANGED",
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = rows.map(([a, b, c]) => `${a.padEnd(width)}  ${b.padStart(6)}  ${c}`);
  const list = (title: string, groups: Group[]) => {
    if (!groups.length) return;
    lines.push("", title);
    for (const g of groups) lines.push(`  ${String(g.count).padStart(4)}  ${g.category}   e.g. ${g.examples[0]}`);
  };
  list("differences, by their first differing line:", s.categories);
  list("valid forms we refused, by our first error:", s.refusals);
  list("forms pyxform refuses and we refuse too, by our first error ← pyxform's reason:", s.invalidRefused);
  list("forms pyxform refuses that we import, by pyxform's reason → our export's answer:", s.invalidImported);
  return lines.join("\n");
}
