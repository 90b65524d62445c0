// `${name}` references rewritten when a question, group or repeat is renamed (issue #18). pyxform
// substitutes every `${…}` it finds in a cell, inside quotes or not, so a reference is exactly
// `${name}` (or `${last-saved#name}`) wherever it is written; a bare `name` (a choice value in
// `selected(${q}, 'name')`, a word of a label) is never one, and stays as written. The closing `}`
// is the word boundary: `${age}` is not a reference to `age_group`.
import { walkSurvey, type FormModel, type RowCells } from "./model";

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const referenceTo = (name: string) => new RegExp(`\\$\\{(last-saved#)?${escaped(name)}\\}`, "gu");
/** Any `${name}` (or `${last-saved#name}`), its name in group 1: the one spelling of a reference here. */
const REFERENCE = "\\$\\{(?:last-saved#)?([^}\\s]+)\\}";

/**
 * An expression cut into tokens whose texts, joined, give it back exactly (so a rewrite changes
 * one token and nothing else). A reference is `${…}` as above; a string literal is XPath's
 * (`'…'` or `"…"`, no escapes in XPath 1.0) and is one token, a reference written inside it
 * included (`'${q}'`, as jr:choice-name takes it); a name is an XPath name (`selected`,
 * `jr:choice-name`, `count-selected`, a choices column in a choice_filter); an unclosed quote
 * leaves the rest as one `other` token.
 */
export type ExpressionToken =
  | { kind: "reference"; text: string; name: string }
  | { kind: "string"; text: string; quote: "'" | '"'; value: string }
  | { kind: "name" | "number" | "op" | "punct" | "space" | "other"; text: string };

const TOKEN = new RegExp(
  [
    `(?<reference>${REFERENCE})`,
    `(?<string>'[^']*'|"[^"]*")`,
    `(?<name>[\\p{L}_][\\p{L}\\p{N}_.:-]*)`,
    `(?<number>\\d+(?:\\.\\d+)?)`,
    `(?<op>!=|<=|>=|=|<|>|\\+|-|\\*|\\|)`,
    `(?<punct>[(),[\\]])`,
    `(?<space>\\s+)`,
    `(?<other>['"][\\s\\S]*|[\\s\\S])`,
  ].join("|"),
  "gu",
);

export function expressionTokens(text: string): ExpressionToken[] {
  const tokens: ExpressionToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    if (g.reference !== undefined) tokens.push({ kind: "reference", text: m[0], name: m[2] });
    else if (g.string !== undefined)
      tokens.push({ kind: "string", text: m[0], quote: m[0][0] as "'" | '"', value: m[0].slice(1, -1) });
    else {
      const kind = (["name", "number", "op", "punct", "space"] as const).find((k) => g[k] !== undefined) ?? "other";
      tokens.push({ kind, text: m[0] });
    }
  }
  return tokens;
}

/** `text` with every reference to `from` naming `to` instead, and how many there were. */
export function rewriteReferences(text: string, from: string, to: string): { text: string; count: number } {
  let count = 0;
  const rewritten = text.replace(referenceTo(from), (_whole, lastSaved: string | undefined) => {
    count++;
    return `\${${lastSaved ?? ""}${to}}`;
  });
  return { text: rewritten, count };
}

/** Every cell of the form that can hold a reference, as a setter: survey rows (texts in every
 * language, values, verbatim `bind::`/other columns, end rows), choices, settings, other sheets. */
function* cellsOf(form: FormModel): Generator<{ value: string; set: (v: string) => void }> {
  function* row(cells: RowCells) {
    for (const texts of Object.values(cells.texts))
      for (const language of Object.keys(texts))
        yield { value: texts[language], set: (v: string) => (texts[language] = v) };
    for (const bag of [cells.values, cells.verbatim])
      for (const key of Object.keys(bag)) yield { value: bag[key], set: (v: string) => (bag[key] = v) };
  }
  for (const node of walkSurvey(form.survey)) {
    yield* row(node);
    if (node.kind === "group" || node.kind === "repeat" || node.kind === "loop") yield* row(node.end);
  }
  for (const list of form.choiceLists) for (const choice of list.choices) yield* row(choice);
  for (const bag of [form.settings.values, form.settings.verbatim])
    for (const key of Object.keys(bag)) yield { value: bag[key], set: (v: string) => (bag[key] = v) };
  for (const sheet of form.otherSheets)
    for (const r of sheet.rows)
      for (const key of Object.keys(r.cells)) yield { value: r.cells[key], set: (v: string) => (r.cells[key] = v) };
}

/** Rewrites, in place, every reference to `from` in the form; returns how many changed. */
export function renameReferences(form: FormModel, from: string, to: string): number {
  let total = 0;
  for (const cell of cellsOf(form)) {
    if (!cell.value.includes("${")) continue;
    const { text, count } = rewriteReferences(cell.value, from, to);
    if (count) {
      cell.set(text);
      total += count;
    }
  }
  return total;
}

/** How many references each name has in the form (one pass, for the builder to say before a rename). */
export function referenceCounts(form: FormModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of cellsOf(form)) {
    if (!cell.value.includes("${")) continue;
    for (const match of cell.value.matchAll(new RegExp(REFERENCE, "gu")))
      counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  }
  return counts;
}
