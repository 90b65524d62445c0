// Where a choice's value (its `name` in the choices sheet) is written elsewhere in the form, for a
// warned rename of that value. An answer to a select is the names of the choices picked, so an
// expression that compares an answer with 'old', a default 'old', or a cascading list's filter
// cell 'old' all stop matching once the choice is called something else.
//
// Conservative on purpose: a place counts (and is rewritten) only where it is provably about the
// list's own questions. Rewritten, in the survey's expression columns (EXPRESSION_COLUMNS), with
// R = `${q}` or `${last-saved#q}` for a select_one/select_multiple/rank question q of the list
// (q's name used once in the form; a duplicated name made its references ambiguous):
//   - `R = 'old'`, `R != "old"`, `'old' = R` (either quote), and `selected-at(R, n) = 'old'`;
//   - `selected(R, 'old')` (so `not(selected(…))` too);
//   - `jr:choice-name('old', 'R')`;
//   - in q's own constraint, `.` for R (`. != 'old'`, `selected(., 'old')`);
//   - in the choice_filter of a question of the list, the choice's own `name` for R
//     (`name != 'old'`);
//   - in the choice_filter of a question of list M, a choices column `col` compared with R
//     (`col = R`, `R = col`, `selected(R, col)`) holds values of the list: the cells of that
//     column in M's choices equal to 'old', and `col = 'old'` in such filters, are rewritten
//     (when every such comparison of M's `col` is with questions of the same list);
//   - a static default (no function, reference or operator, as pyxform's default_is_dynamic) of
//     q: each space-separated word equal to old (select_multiple defaults list several), quoted
//     or not.
// Not rewritten: a literal compared with a question of another list, or with something not
// provably the list's answer (`coalesce(R, 'old')`, `string(R) = 'old'`, `indexed-repeat(R, …) =
// 'old'`, a literal returned by `if(…, 'old', …)` in a dynamic default or calculation, labels and
// hints, `bind::` and other verbatim columns); a filter column also compared with another list's
// question; a choice_filter holding an instance path or a predicate (`name` there may be another
// list's). `count-selected(R)` names no value and stays as it is.
import { parseType, type SelectKind } from "./question-types";
import { walkSurvey, type FormModel, type SurveyNode } from "./model";
import { expressionTokens, type ExpressionToken } from "./rename-references";

/** The survey columns the model keeps that hold expressions. */
export const EXPRESSION_COLUMNS = [
  "relevant",
  "constraint",
  "calculation",
  "choice_filter",
  "default",
  "required",
  "read_only",
  "repeat_count",
] as const;

const LOCAL_SELECTS: ReadonlySet<SelectKind> = new Set(["select_one", "select_multiple", "rank"]);

/** A place a value of `list` is written: `where` is "question (column)" or "list → choice (column)". */
export type ChoiceValueSite = { list: string; value: string; where: string };

type Cell = { where: string; tokens: ExpressionToken[]; set: (value: string) => void };
type Site = ChoiceValueSite & { cell: Cell; token: number };

/** The list a select of the form's own choice lists takes its answers from; null for any other question. */
function listOfNode(form: FormModel, node: SurveyNode): string | null {
  if (node.kind !== "question") return null;
  const parsed = parseType(node.type);
  if (parsed.kind !== "select" || !LOCAL_SELECTS.has(parsed.select)) return null;
  return form.choiceLists.some((l) => l.name === parsed.listName) ? parsed.listName : null;
}

const significant = (tokens: ExpressionToken[]) =>
  tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind !== "space");

type Indexed = { t: ExpressionToken; i: number };
type Context = {
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
function literalSites(tokens: ExpressionToken[], c: Context): { token: number; list: string }[] {
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
function filterLinks(tokens: ExpressionToken[], listOf: Map<string, string>, known: Set<string>) {
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

/** pyxform's default_is_dynamic, near enough: a function, reference, predicate or arithmetic. */
const isDynamic = (value: string) => /[()[\]{}$+*|]/.test(value) || /(^|\s)(div|mod|-)(\s|$)/.test(value);

/** A choice_filter whose bare names might be another instance's (a path, a predicate). */
const hasPaths = (tokens: ExpressionToken[]) =>
  tokens.some((t) => (t.kind === "punct" && t.text === "[") || (t.kind === "name" && t.text === "instance"));

function analyse(form: FormModel): Site[] {
  const nodes = [...walkSurvey(form.survey)].filter((n) => n.kind !== "skipped");
  const uses = new Map<string, number>();
  for (const n of nodes) uses.set(n.name, (uses.get(n.name) ?? 0) + 1);
  const listOf = new Map<string, string>();
  for (const n of nodes) {
    const list = listOfNode(form, n);
    if (list && uses.get(n.name) === 1) listOf.set(n.name, list);
  }
  const sites: Site[] = [];
  const cellOf = (node: SurveyNode, column: string): Cell => ({
    where: `${node.name} (${column})`,
    tokens: expressionTokens(node.values[column]),
    set: (value) => (node.values[column] = value),
  });

  // Which choices columns hold which list's values: from the choice_filters comparing them.
  const known = new Set(form.columns.choices.filter((c) => c.kind === "verbatim").map((c) => c.header));
  const filterCells = new Map<SurveyNode, Cell>();
  const linked = new Map<string, Map<string, Set<string>>>(); // list M → column → lists
  for (const node of nodes) {
    const own = listOfNode(form, node);
    if (!own || !node.values.choice_filter) continue;
    const cell = cellOf(node, "choice_filter");
    filterCells.set(node, cell);
    if (hasPaths(cell.tokens)) continue;
    for (const [col, list] of filterLinks(cell.tokens, listOf, known)) {
      const columns = linked.get(own) ?? new Map<string, Set<string>>();
      linked.set(own, columns.set(col, (columns.get(col) ?? new Set()).add(list)));
    }
  }
  const columnsOf = new Map<string, Map<string, string>>();
  for (const [m, columns] of linked)
    for (const [col, lists] of columns) {
      // Compared with one list's questions only (and never with something unknown).
      const [list] = [...lists];
      if (lists.size !== 1 || !list) continue;
      columnsOf.set(m, (columnsOf.get(m) ?? new Map<string, string>()).set(col, list));
      for (const choice of form.choiceLists.find((l) => l.name === m)?.choices ?? []) {
        const value = choice.verbatim[col];
        if (value === undefined || value.trim() === "") continue;
        const cell: Cell = {
          where: `${m} → ${choice.name} (${col})`,
          tokens: [{ kind: "other", text: value.trim() }],
          set: (v) => (choice.verbatim[col] = v),
        };
        sites.push({ list, value: value.trim(), where: cell.where, cell, token: 0 });
      }
    }

  for (const node of nodes) {
    const own = listOfNode(form, node);
    for (const column of EXPRESSION_COLUMNS) {
      const text = node.values[column];
      if (!text) continue;
      if (column === "default" && own && !isDynamic(text)) {
        // A static default: the choice names it starts with, space-separated.
        const words = text.split(/(\s+)/);
        const cell: Cell = {
          where: `${node.name} (default)`,
          tokens: words.map((w) => ({ kind: "other", text: w })),
          set: (v) => (node.values.default = v),
        };
        words.forEach((word, token) => {
          const value = /^(['"])(.*)\1$/.exec(word)?.[2] ?? word;
          if (value && !/\s/.test(word)) sites.push({ list: own, value, where: cell.where, cell, token });
        });
        continue;
      }
      const isFilter = column === "choice_filter";
      const cell = (isFilter && filterCells.get(node)) || cellOf(node, column);
      const guarded = isFilter && hasPaths(cell.tokens);
      const context: Context = {
        listOf,
        own,
        self: column === "constraint" ? "dot" : isFilter && !guarded ? "name" : null,
        columns: isFilter && !guarded && own ? (columnsOf.get(own) ?? new Map()) : new Map(),
      };
      for (const { token, list } of literalSites(cell.tokens, context)) {
        const t = cell.tokens[token] as Extract<ExpressionToken, { kind: "string" }>;
        sites.push({ list, value: t.value, where: cell.where, cell, token });
      }
    }
  }
  return sites;
}

/** Every place a value of one of the form's own lists is written, in form order. */
export function choiceValueSites(form: FormModel): ChoiceValueSite[] {
  return analyse(form).map(({ list, value, where }) => ({ list, value, where }));
}

/**
 * Rewrites, in place, every place (as above) where `from`, a value of `list`, is written, to
 * `to`; returns them. Quotes stay as written; `to` must hold neither quote nor space.
 */
export function renameChoiceValue(form: FormModel, list: string, from: string, to: string): ChoiceValueSite[] {
  const sites = analyse(form).filter((s) => s.list === list && s.value === from);
  const touched = new Set<Cell>();
  for (const site of sites) {
    const token = site.cell.tokens[site.token];
    // A literal or a quoted default word keeps its quotes; a bare word or filter cell is the value.
    token.text = token.text === from ? to : `${token.text[0]}${to}${token.text[token.text.length - 1]}`;
    touched.add(site.cell);
  }
  for (const cell of touched) cell.set(cell.tokens.map((t) => t.text).join(""));
  return sites.map(({ list: l, value, where }) => ({ list: l, value, where }));
}
