// The string literals of one expression that are values of a choice list, for
// choice-value-references.ts, which walks the form's cells and decides what each cell's `.`,
// `name` and choices columns stand for. Apart from it because reading an expression's shape is a
// job of its own. With R = a reference to a select question of the list (or `.` or `name` where
// the cell allows it), a literal is found in:
//   - `R = 'old'`, `R != "old"`, `'old' = R` (either quote), and `selected-at(R, n) = 'old'`;
//   - `selected(R, 'old')` (so `not(selected(…))` too);
//   - `jr:choice-name('old', 'R')`;
//   - in a choice_filter, `col = 'old'` for a choices column `col` known to hold the list's
//     values; filterLinks finds those columns from `col = R`, `R = col` and `selected(R, col)`.
// Not found: a literal compared with a question of another list, or with something not provably
// the list's answer (`coalesce(R, 'old')`, `string(R) = 'old'`, `indexed-repeat(R, …) = 'old'`,
// `a + R = 'old'`, a literal returned by `if(…, 'old', …)` in a dynamic default or calculation).
// `count-selected(R)` names no value and stays as it is.
import { expressionTokens, type ExpressionToken } from "./rename-references";

const significant = (tokens: ExpressionToken[]) =>
  tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind !== "space");

type Indexed = { t: ExpressionToken; i: number };
export type Context = {
  /** Question name → its list, for names used once */
  listOf: Map<string, string>;
  /** The list of the question whose cell this is (for `.` and `name`) */
  own: string | null;
  /** Which of `.` and `name` stand for the question's own answer in this column */
  self: "dot" | "name" | null;
  /** Filter column → the list whose values it holds (choice_filter cells only) */
  columns: Map<string, string>;
};

const isPunct = (x: Indexed | undefined, text: string) => x?.t.kind === "punct" && x.t.text === text;

/** The index (in `s`) of the `)` closing the `(` at `open`, or -1. */
function closing(s: Indexed[], open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    if (isPunct(s[k], "(") || isPunct(s[k], "[")) depth++;
    else if (isPunct(s[k], ")") || isPunct(s[k], "]")) if (--depth === 0) return k;
  }
  return -1;
}

/** The arguments of the call whose `(` is at `open`: ranges of `s`, split at top-level commas. */
function args(s: Indexed[], open: number): Indexed[][] | null {
  const end = closing(s, open);
  if (end < 0) return null;
  const out: Indexed[][] = [[]];
  let depth = 0;
  for (let k = open + 1; k < end; k++) {
    if (isPunct(s[k], "(") || isPunct(s[k], "[")) depth++;
    else if (isPunct(s[k], ")") || isPunct(s[k], "]")) depth--;
    if (depth === 0 && isPunct(s[k], ",")) out.push([]);
    else out[out.length - 1].push(s[k]);
  }
  return out;
}

/** The list a lone operand's value belongs to: a reference, `.`, `name` or a filter column. */
function operandList(x: Indexed | undefined, prev: Indexed | undefined, next: Indexed | undefined, c: Context) {
  if (!x) return null;
  if (x.t.kind === "reference") return c.listOf.get(x.t.name) ?? null;
  // A step of a path (`./x`, `../x`, `x/y`) or a function's name is not a lone operand.
  const alone = ![prev, next].some((n) => n?.t.kind === "other" && /^[./@]$/.test(n.t.text)) && !isPunct(next, "(");
  if (!alone) return null;
  if (x.t.kind === "other" && x.t.text === "." && c.self === "dot") return c.own;
  if (x.t.kind === "name" && x.t.text === "name" && c.self === "name") return c.own;
  if (x.t.kind === "name") return c.columns.get(x.t.text) ?? null;
  return null;
}

/** The list a single-token argument's value belongs to (`R`, `.`, `name`, a filter column). */
const argList = (arg: Indexed[] | undefined, c: Context) =>
  arg?.length === 1 ? operandList(arg[0], undefined, undefined, c) : null;

/** A token that binds an operand tighter than `=` does (`a + R`, `R div 2`, a path step, a predicate). */
const binds = (y: Indexed | undefined) =>
  y?.t.kind === "op" ||
  (y?.t.kind === "name" && (y.t.text === "div" || y.t.text === "mod")) ||
  (y?.t.kind === "other" && /^[./@]$/.test(y.t.text)) ||
  isPunct(y, "[");

/** The list of the call `selected-at(R, n)` whose name is at `at` (in `s`), and where it ends. */
function selectedAt(s: Indexed[], at: number, c: Context): { list: string | null; end: number } | null {
  const name = s[at];
  if (name?.t.kind !== "name" || name.t.text !== "selected-at" || !isPunct(s[at + 1], "(")) return null;
  return { list: argList(args(s, at + 1)?.[0], c), end: closing(s, at + 1) };
}

/** Each string literal of `tokens` that is a value of some list, by its token index. */
export function literalSites(tokens: ExpressionToken[], c: Context): { token: number; list: string }[] {
  const s = significant(tokens);
  const out: { token: number; list: string }[] = [];
  for (let k = 0; k < s.length; k++) {
    const x = s[k];
    if (x.t.kind === "op" && (x.t.text === "=" || x.t.text === "!=")) {
      const [left, right] = [s[k - 1], s[k + 1]];
      // `R = 'old'`: R alone on its side (not `a + R`, not a path's step), or `selected-at(R, n)`.
      if (right?.t.kind === "string" && !binds(s[k + 2])) {
        let list = binds(s[k - 2]) ? null : operandList(left, s[k - 2], x, c);
        if (!list && isPunct(left, ")")) {
          const open = s.findLastIndex((y, at) => at < k - 1 && isPunct(y, "(") && closing(s, at) === k - 1);
          const call = open > 0 && !binds(s[open - 2]) ? selectedAt(s, open - 1, c) : null;
          list = call?.list ?? null;
        }
        if (list) out.push({ token: right.i, list });
      }
      // `'old' = R`, the same the other way round.
      if (left?.t.kind === "string" && !binds(s[k - 2])) {
        let list = binds(s[k + 2]) ? null : operandList(right, x, s[k + 2], c);
        const call = list ? null : selectedAt(s, k + 1, c);
        if (call && call.end > 0 && !binds(s[call.end + 1])) list = call.list;
        if (list) out.push({ token: left.i, list });
      }
    }
    if (x.t.kind === "name" && isPunct(s[k + 1], "(") && !binds(s[k - 1])) {
      const a = args(s, k + 1);
      if (!a || a.length !== 2) continue;
      // `selected(R, 'old')`
      if (x.t.text === "selected" && a[1].length === 1 && a[1][0].t.kind === "string") {
        const list = argList(a[0], c);
        if (list) out.push({ token: a[1][0].i, list });
      }
      // `jr:choice-name('old', '${q}')`
      if (x.t.text === "jr:choice-name" && a[0].length === 1 && a[0][0].t.kind === "string" && a[1].length === 1) {
        const second = a[1][0].t;
        const inner = second.kind === "string" ? expressionTokens(second.value.trim()) : [];
        const list = inner.length === 1 && inner[0].kind === "reference" ? c.listOf.get(inner[0].name) : undefined;
        if (list) out.push({ token: a[0][0].i, list });
      }
    }
  }
  return out;
}

/** The choices columns a choice_filter compares with a question's answer: column → that question's list. */
export function filterLinks(tokens: ExpressionToken[], listOf: Map<string, string>, known: Set<string>) {
  const s = significant(tokens);
  const links: [string, string][] = [];
  const column = (x: Indexed | undefined, prev: Indexed | undefined, next: Indexed | undefined) =>
    x?.t.kind === "name" &&
    known.has(x.t.text) &&
    !isPunct(next, "(") &&
    ![prev, next].some((n) => n?.t.kind === "other" && /^[./@]$/.test(n.t.text))
      ? x.t.text
      : null;
  for (let k = 0; k < s.length; k++) {
    const x = s[k];
    if (x.t.kind === "op" && (x.t.text === "=" || x.t.text === "!=")) {
      const [left, right] = [s[k - 1], s[k + 1]];
      const pairs: [string | null, ExpressionToken | undefined][] = [
        [column(left, s[k - 2], x), right?.t],
        [column(right, x, s[k + 2]), left?.t],
      ];
      for (const [col, other] of pairs)
        if (col && other?.kind === "reference") links.push([col, listOf.get(other.name) ?? ""]);
    }
    if (x.t.kind === "name" && x.t.text === "selected" && isPunct(s[k + 1], "(")) {
      const a = args(s, k + 1);
      if (a?.length === 2 && a[0].length === 1 && a[0][0].t.kind === "reference" && a[1].length === 1) {
        const col = column(a[1][0], undefined, undefined);
        if (col) links.push([col, listOf.get(a[0][0].t.name) ?? ""]);
      }
    }
  }
  return links;
}

/** A choice_filter whose bare names might be another instance's (a path, a predicate). */
export const hasPaths = (tokens: ExpressionToken[]) =>
  tokens.some((t) => (t.kind === "punct" && t.text === "[") || (t.kind === "name" && t.text === "instance"));
