// `${name}` references, checked as pyxform 4.5.0 checks them before it converts a form
// (validators/pyxform/pyxform_reference.py, called from xls2json.py): in every survey column but
// type, name and trigger, in every settings and entities column (entities' list_name and repeat
// aside), and in the choices' text columns. A reference must be well formed, and name exactly one
// question, group or repeat of the survey (or instanceID, which pyxform adds to every form).
// Names that or_other generates (`x_other`) do not count, as in pyxform.
import { walkSurvey, type ColumnRef, type FormModel, type RowCells, bareLanguage } from "./model";
import type { FormProblem } from "./problems";

// pyxform's ncname pattern (parsing/expression.py), character for character, its slip in the
// \xc0-\xd6 range included: a name pyxform cannot reference must not pass here either.
const NAME_START =
  "(?:[A-Z]|_|[a-z]|\\xc0-\\xd6\\]|[\\xd8-\\xf6]|[\\xf8-\\u02ff]|[\\u0370-\\u037d]|[\\u037f-\\u1fff]|[\\u200c-\\u200d]|[\\u2070-\\u218f]|[\\u2c00-\\u2fef]|[\\u3001-\\uD7FF]|[\\uF900-\\uFDCF]|[\\uFDF0-\\uFFFD]|[\\u{10000}-\\u{EFFFF}])";
const NAME_CHAR = "[-.0-9\\xb7\\u0300-\\u036f\\u203f-\\u2040]";
const OUTER = /\$\{([^}]+)\}|\$\{[^}]*$/gu;
const INNER = new RegExp(`^(?:last-saved#)?(${NAME_START}(?:${NAME_START}|${NAME_CHAR})*)$`, "u");

type Where = { sheet: string; row: number; column: string };

/** The survey's element names with how often each appears (pyxform's element_names Counter). */
function elementNames(form: FormModel): Map<string, number> {
  const names = new Map<string, number>([["instanceID", 1]]);
  for (const node of walkSurvey(form.survey)) {
    if (node.kind === "skipped") continue;
    // A note without a name gets generated_note_name_ROW from pyxform.
    const name = node.name || (node.kind === "question" ? `generated_note_name_${node.row}` : "");
    if (name) names.set(name, (names.get(name) ?? 0) + 1);
  }
  return names;
}

function checkValue(value: string, where: Where, names: Map<string, number>, problems: FormProblem[]) {
  if (value.length <= 2 || !value.includes("${")) return;
  for (const match of value.matchAll(OUTER)) {
    const inner = match[1] === undefined ? null : INNER.exec(match[1]);
    if (!inner) {
      problems.push({ code: "malformed_reference", severity: "error", ...where, value: match[0] });
      return;
    }
    const count = names.get(inner[1]);
    if (count === undefined) {
      problems.push({ code: "unknown_reference", severity: "error", ...where, value: inner[1] });
      return;
    }
    if (count !== 1) {
      problems.push({ code: "ambiguous_reference", severity: "error", ...where, value: inner[1] });
      return;
    }
  }
}

/** The header a model cell came from, for the message (the key itself for a column the model added). */
function headerOf(columns: ColumnRef[], bare: string, kind: "text" | "value", key: string, language?: string) {
  const ref = columns.find(
    (c) => c.kind === kind && c.key === key && (kind === "value" || (c.language ?? bare) === language),
  );
  return ref?.header ?? key;
}

function checkCells(
  cells: RowCells,
  sheet: string,
  columns: ColumnRef[],
  bare: string,
  names: Map<string, number>,
  problems: FormProblem[],
  { textsOnly = false }: { textsOnly?: boolean } = {},
) {
  const at = (column: string) => ({ sheet, row: cells.row, column });
  for (const [key, texts] of Object.entries(cells.texts))
    for (const [language, text] of Object.entries(texts))
      checkValue(text, at(headerOf(columns, bare, "text", key, language)), names, problems);
  if (textsOnly) return;
  for (const [key, value] of Object.entries(cells.values))
    if (key !== "trigger") checkValue(value, at(headerOf(columns, bare, "value", key)), names, problems);
  for (const [header, value] of Object.entries(cells.verbatim)) checkValue(value, at(header), names, problems);
}

export function checkReferences(form: FormModel): FormProblem[] {
  const problems: FormProblem[] = [];
  const names = elementNames(form);
  const bare = bareLanguage(form.settings);
  for (const node of walkSurvey(form.survey)) {
    checkCells(node, form.sheets.survey, form.columns.survey, bare, names, problems);
    if (node.kind === "group" || node.kind === "repeat" || node.kind === "loop")
      checkCells(node.end, form.sheets.survey, form.columns.survey, bare, names, problems);
  }
  for (const list of form.choiceLists)
    for (const choice of list.choices)
      checkCells(choice, form.sheets.choices ?? "choices", form.columns.choices, bare, names, problems, {
        textsOnly: true,
      });
  const settingsSheet = form.sheets.settings ?? "settings";
  for (const [key, value] of Object.entries(form.settings.values))
    checkValue(
      value,
      { sheet: settingsSheet, row: 2, column: headerOf(form.columns.settings, bare, "value", key) },
      names,
      problems,
    );
  for (const [header, value] of Object.entries(form.settings.verbatim))
    checkValue(value, { sheet: settingsSheet, row: 2, column: header }, names, problems);
  const entities = form.otherSheets.find((s) => s.name.trim().toLowerCase() === "entities");
  for (const row of entities?.rows ?? [])
    for (const [header, value] of Object.entries(row.cells))
      if (!["list_name", "repeat"].includes(header.trim().toLowerCase()))
        checkValue(value, { sheet: entities!.name, row: row.row, column: header }, names, problems);
  return problems;
}
