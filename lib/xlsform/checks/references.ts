// `${name}` references and expressions of the survey sheet: each reference names exactly one
// question that comes earlier, and each expression has balanced parentheses and closed quotes.
import { referencedNames } from "../relevant";
import { cell, splitHeader, type Sheet, type SheetRow } from "../workbook";
import type { AddIssue } from "./issues";

/** Columns whose text may hold `${name}` references. */
const EXPRESSION_COLUMNS = [
  "relevant",
  "constraint",
  "calculation",
  "choice_filter",
  "required",
  "readonly",
  "default",
  "repeat_count",
  "trigger",
];
/** Text columns shown to people, in every language, which may name a question to show its answer. */
const TEXT_COLUMNS = new Set(["label", "hint", "constraint_message", "required_message", "guidance_hint"]);

/** A named survey element: where it is, for the references that name it. */
export type Element = { name: string; row: number; index: number };
/** A survey row whose columns may hold references; `ownName` is the question the row defines. */
export type RowWithReferences = { row: SheetRow; index: number; ownName: string };

/** `${name}` must name exactly one question that comes earlier (a constraint may name its own question). */
export function checkReferences(survey: Sheet, rows: RowWithReferences[], elements: Element[], add: AddIssue) {
  const byName = new Map<string, Element[]>();
  for (const e of elements) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const textColumns = survey.headers.filter((h) => TEXT_COLUMNS.has(splitHeader(h)?.base ?? ""));
  for (const { row, index, ownName } of rows) {
    for (const column of [...EXPRESSION_COLUMNS.filter((c) => survey.headers.includes(c)), ...textColumns]) {
      const value = cell(row, column);
      if (!value) continue;
      const at = { sheet: "survey", row: row.row, column };
      if (/\$\{[^}]*$/.test(value) || /\$\{\s*\}/.test(value)) {
        add({ severity: "error", code: "malformed_reference", ...at, value });
        continue;
      }
      if (EXPRESSION_COLUMNS.includes(column) && !isBalanced(value))
        add({ severity: "error", code: "expression_syntax", ...at, value });
      for (const ref of referencedNames(value)) {
        const targets = byName.get(ref);
        if (!targets) add({ severity: "error", code: "unknown_reference", ...at, value: ref });
        else if (targets.length > 1) add({ severity: "error", code: "ambiguous_reference", ...at, value: ref });
        else if (
          targets[0].index > index ||
          (targets[0].index === index && !(column === "constraint" && ref === ownName))
        ) {
          add({ severity: "error", code: "later_reference", ...at, value: ref });
        }
      }
    }
  }
}

/** Parentheses balanced and quotes closed: the mistakes that make an expression unreadable. */
export function isBalanced(expression: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of expression) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}
