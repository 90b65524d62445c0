// Where a choice's value (its `name` in the choices sheet) is written elsewhere in the form, for a
// warned rename of that value. An answer to a select is the names of the choices picked, so an
// expression that compares an answer with 'old', a default 'old', or a cascading list's filter
// cell 'old' all stop matching once the choice is called something else.
//
// Conservative on purpose: a place counts (and is rewritten) only where it is provably about the
// list's own questions. This file walks the form's cells and says what each may hold; the forms
// of expression recognised inside a cell are listed in choice-value-literals.ts. Rewritten, with
// R = `${q}` or `${last-saved#q}` for a select_one/select_multiple/rank question q of the list
// (q's name used once in the form; a duplicated name made its references ambiguous):
//   - the literals compared with R in the survey's expression columns (EXPRESSION_COLUMNS);
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
// Not rewritten: labels and hints, `bind::` and other verbatim columns; a filter column also
// compared with another list's question; a choice_filter holding an instance path or a
// predicate (`name` there may be another list's).
import { parseType, type SelectKind } from "./question-types";
import { walkSurvey, type FormModel, type SurveyNode } from "./model";
import { expressionTokens, type ExpressionToken } from "./rename-references";
import { filterLinks, hasPaths, literalSites, type Context } from "./choice-value-literals";

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

/** pyxform's default_is_dynamic, near enough: a function, reference, predicate or arithmetic. */
const isDynamic = (value: string) => /[()[\]{}$+*|]/.test(value) || /(^|\s)(div|mod|-)(\s|$)/.test(value);

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
