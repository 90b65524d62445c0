// The rules pyxform (the XLSForm converter ODK Central and KoboToolbox run on every upload)
// enforces, checked on our own tables: a file this accepts without errors or warnings is one that
// converts cleanly. pyxform itself cannot run here, so these rules are written from its documented
// behaviour (xlsform.org, /work/shared/notes/xlsform.md); where pyxform merely warns, so does this.
// Each problem names its sheet, spreadsheet row and column, with a code the interface translates.
import { FORM_ROOT_NAME, RESERVED_NAMES, XLSFORM_NAME } from "../vocabulary/names";
import { referencedNames } from "./relevant";
import {
  cell,
  findSheet,
  isEmptyRow,
  languageCodeOf,
  splitHeader,
  type Sheet,
  type SheetRow,
  type XlsformWorkbook,
} from "./workbook";

export type IssueCode =
  | "missing_sheet"
  | "missing_column"
  | "missing_type"
  | "unknown_type"
  | "bad_select_type"
  | "unknown_list"
  | "missing_name"
  | "invalid_name"
  | "reserved_name"
  | "duplicate_name"
  | "duplicate_name_case"
  | "missing_label"
  | "group_without_label"
  | "missing_translation"
  | "unmatched_end"
  | "unclosed_group"
  | "unknown_reference"
  | "later_reference"
  | "ambiguous_reference"
  | "malformed_reference"
  | "expression_syntax"
  | "missing_list_name"
  | "invalid_list_name"
  | "missing_choice_name"
  | "missing_choice_label"
  | "duplicate_choice"
  | "choice_name_with_space"
  | "bare_and_translated_columns"
  | "missing_language_column"
  | "language_without_code"
  | "default_language_unknown"
  | "no_default_language"
  | "missing_setting"
  | "or_other_translated";

export type XlsformIssue = {
  severity: "error" | "warning";
  code: IssueCode;
  sheet: string;
  /** Spreadsheet row (1 is the header row); absent for problems of a whole sheet */
  row?: number;
  column?: string;
  /** What the message names: a question, list, language, reference… */
  value?: string;
};

const PLAIN_TYPES = new Set([
  "text",
  "integer",
  "decimal",
  "date",
  "time",
  "datetime",
  "note",
  "geopoint",
  "geotrace",
  "geoshape",
  "image",
  "audio",
  "video",
  "file",
  "barcode",
  "calculate",
  "acknowledge",
  "hidden",
  "range",
  "start",
  "end",
  "today",
  "deviceid",
  "phonenumber",
  "username",
  "simserial",
  "subscriberid",
  "email",
  "audit",
  "start-geopoint",
  "background-audio",
  "xml-external",
  "csv-external",
  "background-geopoint",
]);
const GROUP_TYPES: Record<string, { opens?: "group" | "repeat"; closes?: "group" | "repeat" }> = {
  begin_group: { opens: "group" },
  "begin group": { opens: "group" },
  end_group: { closes: "group" },
  "end group": { closes: "group" },
  begin_repeat: { opens: "repeat" },
  "begin repeat": { opens: "repeat" },
  end_repeat: { closes: "repeat" },
  "end repeat": { closes: "repeat" },
};
/** Types that are collected silently and need no label. */
const UNLABELLED_TYPES = new Set([
  "calculate",
  "hidden",
  "start",
  "end",
  "today",
  "deviceid",
  "phonenumber",
  "username",
  "simserial",
  "subscriberid",
  "email",
  "audit",
  "start-geopoint",
  "background-audio",
  "xml-external",
  "csv-external",
  "background-geopoint",
]);
const SELECT = /^(select_one|select_multiple|select one|select multiple|rank)(\s+)(\S+)(?:\s+(or_other))?$/;
const SELECT_FROM_FILE = /^(select_one_from_file|select_multiple_from_file)\s+\S+\.(csv|xml|geojson)$/;
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

export type ParsedType =
  | { kind: "plain"; type: string }
  | { kind: "select"; select: "select_one" | "select_multiple" | "rank"; list: string; orOther: boolean }
  | { kind: "select_from_file"; type: string }
  | { kind: "structure"; opens?: "group" | "repeat"; closes?: "group" | "repeat" }
  | { kind: "bad_select" }
  | { kind: "unknown" };

export function parseType(raw: string): ParsedType {
  const type = raw.trim();
  if (PLAIN_TYPES.has(type)) return { kind: "plain", type };
  if (GROUP_TYPES[type]) return { kind: "structure", ...GROUP_TYPES[type] };
  const select = SELECT.exec(type);
  if (select) {
    const kind = select[1].replace(" ", "_") as "select_one" | "select_multiple" | "rank";
    if (select[2] !== " ") return { kind: "bad_select" };
    return { kind: "select", select: kind, list: select[3], orOther: !!select[4] };
  }
  if (SELECT_FROM_FILE.test(type)) return { kind: "select_from_file", type };
  if (/^(select_one|select_multiple|select one|select multiple|rank)\b/.test(type)) return { kind: "bad_select" };
  return { kind: "unknown" };
}

type Element = { name: string; row: number; index: number };

export function validateXlsform(workbook: XlsformWorkbook): XlsformIssue[] {
  const issues: XlsformIssue[] = [];
  const add = (issue: XlsformIssue) => issues.push(issue);
  const survey = findSheet(workbook, "survey");
  if (!survey) {
    add({ severity: "error", code: "missing_sheet", sheet: "survey", value: "survey" });
    return issues;
  }
  const choices = findSheet(workbook, "choices");
  const settings = findSheet(workbook, "settings");
  for (const column of ["type", "name"]) {
    if (!survey.headers.includes(column))
      add({ severity: "error", code: "missing_column", sheet: "survey", column, value: column });
  }

  const languages = checkLanguages(
    [survey, choices].filter((s): s is Sheet => !!s),
    add,
  );
  const settingsRow = settings?.rows.find((r) => !isEmptyRow(r));
  checkSettings(settings, settingsRow, languages, add);
  const formName = (settingsRow && cell(settingsRow, "name")) || FORM_ROOT_NAME;
  const lists = checkChoices(choices, languages, settingsRow, add);

  // Survey rows: types, names, labels, group balance; remember the elements for references.
  const elements: Element[] = [];
  const stack: { kind: "group" | "repeat"; row: number; names: Map<string, string> }[] = [];
  const rootNames = new Map<string, string>();
  const multipleLists = new Set<string>();
  const rowsWithRefs: { row: SheetRow; index: number; ownName: string }[] = [];
  const labelColumns = survey.headers.filter((h) => splitHeader(h)?.base === "label");
  const hintColumns = survey.headers.filter((h) => splitHeader(h)?.base === "hint");
  const translatedColumns = survey.headers.filter((h) => splitHeader(h)?.language);

  survey.rows.forEach((row, index) => {
    if (isEmptyRow(row)) return;
    const typeText = cell(row, "type");
    const name = cell(row, "name");
    const at = { sheet: "survey", row: row.row };
    if (!typeText) {
      add({ severity: "error", code: "missing_type", ...at, column: "type", value: name });
      return;
    }
    const type = parseType(typeText);
    if (type.kind === "unknown") {
      add({ severity: "error", code: "unknown_type", ...at, column: "type", value: typeText });
      return;
    }
    if (type.kind === "bad_select") {
      add({ severity: "error", code: "bad_select_type", ...at, column: "type", value: typeText });
      return;
    }
    if (type.kind === "structure" && type.closes) {
      const open = stack.pop();
      if (!open || open.kind !== type.closes) {
        add({ severity: "error", code: "unmatched_end", ...at, column: "type", value: typeText });
        if (open) stack.push(open);
      }
      return;
    }
    if (type.kind === "select") {
      if (!lists.has(type.list))
        add({ severity: "error", code: "unknown_list", ...at, column: "type", value: type.list });
      if (type.select === "select_multiple") multipleLists.add(type.list);
      if (type.orOther && languages.length > 0)
        add({ severity: "warning", code: "or_other_translated", ...at, column: "type", value: typeText });
    }

    if (!name) add({ severity: "error", code: "missing_name", ...at, column: "name" });
    else if (!XLSFORM_NAME.test(name))
      add({ severity: "error", code: "invalid_name", ...at, column: "name", value: name });
    else if (RESERVED_NAMES.has(name) || name === formName)
      add({ severity: "error", code: "reserved_name", ...at, column: "name", value: name });
    else {
      const siblings = stack.at(-1)?.names ?? rootNames;
      const clash = siblings.get(name.toLowerCase());
      if (clash === name) add({ severity: "error", code: "duplicate_name", ...at, column: "name", value: name });
      else if (clash !== undefined)
        add({ severity: "warning", code: "duplicate_name_case", ...at, column: "name", value: name });
      siblings.set(name.toLowerCase(), name);
      elements.push({ name, row: row.row, index });
    }

    const hasLabel = labelColumns.some((c) => cell(row, c));
    const hasHint = hintColumns.some((c) => cell(row, c));
    if (type.kind === "structure") {
      if (!hasLabel)
        add({
          severity: "warning",
          code: "group_without_label",
          ...at,
          column: labelColumns[0] ?? "label",
          value: name,
        });
      stack.push({ kind: type.opens!, row: row.row, names: new Map() });
    } else if (!(type.kind === "plain" && UNLABELLED_TYPES.has(type.type)) && !hasLabel && !hasHint) {
      add({ severity: "error", code: "missing_label", ...at, column: labelColumns[0] ?? "label", value: name });
    }
    checkTranslatedCells(row, "survey", translatedColumns, add);
    rowsWithRefs.push({ row, index, ownName: name });
  });
  for (const open of stack)
    add({ severity: "error", code: "unclosed_group", sheet: "survey", row: open.row, column: "type" });

  checkReferences(survey, rowsWithRefs, elements, add);
  checkChoiceNamesForMultiple(choices, multipleLists, add);
  return issues;
}

/** Languages of the translated columns; the same set must appear on every translated column. */
function checkLanguages(sheets: Sheet[], add: (i: XlsformIssue) => void): string[] {
  const all = new Set<string>();
  const byBase = new Map<string, { sheet: string; languages: Set<string> }>();
  const bare: { sheet: string; column: string }[] = [];
  for (const sheet of sheets) {
    for (const header of sheet.headers) {
      const split = splitHeader(header);
      if (!split) continue;
      if (split.language === null) {
        bare.push({ sheet: sheet.name, column: header });
        continue;
      }
      all.add(split.language);
      const key = `${sheet.name}\u0000${split.base}`;
      if (!byBase.has(key)) byBase.set(key, { sheet: sheet.name, languages: new Set() });
      byBase.get(key)!.languages.add(split.language);
    }
  }
  if (all.size === 0) return [];
  for (const b of bare)
    add({
      severity: "warning",
      code: "bare_and_translated_columns",
      sheet: b.sheet,
      column: b.column,
      value: b.column,
    });
  for (const [key, { sheet, languages }] of byBase) {
    const base = key.split("\u0000")[1];
    for (const lang of all) {
      if (!languages.has(lang))
        add({ severity: "warning", code: "missing_language_column", sheet, column: `${base}::${lang}`, value: lang });
    }
  }
  for (const lang of all)
    if (!languageCodeOf(lang))
      add({ severity: "warning", code: "language_without_code", sheet: sheets[0].name, value: lang });
  return [...all];
}

function checkSettings(
  settings: Sheet | undefined,
  row: SheetRow | undefined,
  languages: string[],
  add: (i: XlsformIssue) => void,
) {
  for (const column of ["form_title", "form_id", "version"]) {
    if (!row || !cell(row, column))
      add({ severity: "warning", code: "missing_setting", sheet: "settings", row: row?.row, column, value: column });
  }
  if (languages.length === 0) return;
  const defaultLanguage = row ? cell(row, "default_language") : "";
  if (!defaultLanguage)
    add({
      severity: "warning",
      code: "no_default_language",
      sheet: "settings",
      row: row?.row,
      column: "default_language",
    });
  else if (!languages.includes(defaultLanguage)) {
    add({
      severity: "error",
      code: "default_language_unknown",
      sheet: settings?.name ?? "settings",
      row: row?.row,
      column: "default_language",
      value: defaultLanguage,
    });
  }
}

/** Checks the choices sheet and returns the list names it defines. */
function checkChoices(
  choices: Sheet | undefined,
  languages: string[],
  settingsRow: SheetRow | undefined,
  add: (i: XlsformIssue) => void,
): Set<string> {
  const lists = new Set<string>();
  if (!choices) return lists;
  for (const column of ["list_name", "name"]) {
    if (!choices.headers.includes(column))
      add({ severity: "error", code: "missing_column", sheet: "choices", column, value: column });
  }
  const allowDuplicates = settingsRow && /^(yes|true)$/i.test(cell(settingsRow, "allow_choice_duplicates"));
  const labelColumns = choices.headers.filter((h) => splitHeader(h)?.base === "label");
  const translated = choices.headers.filter((h) => splitHeader(h)?.language);
  const seen = new Map<string, Set<string>>();
  for (const row of choices.rows) {
    if (isEmptyRow(row)) continue;
    const at = { sheet: "choices", row: row.row };
    const list = cell(row, "list_name");
    const name = cell(row, "name");
    if (!list) {
      add({ severity: "error", code: "missing_list_name", ...at, column: "list_name", value: name });
      continue;
    }
    if (!XLSFORM_NAME.test(list))
      add({ severity: "error", code: "invalid_list_name", ...at, column: "list_name", value: list });
    lists.add(list);
    if (!name) add({ severity: "error", code: "missing_choice_name", ...at, column: "name", value: list });
    if (!labelColumns.some((c) => cell(row, c)))
      add({ severity: "error", code: "missing_choice_label", ...at, column: labelColumns[0] ?? "label", value: name });
    else if (languages.length > 0) checkTranslatedCells(row, "choices", translated, add);
    if (name) {
      const names = seen.get(list) ?? new Set<string>();
      if (names.has(name) && !allowDuplicates)
        add({ severity: "error", code: "duplicate_choice", ...at, column: "name", value: name });
      names.add(name);
      seen.set(list, names);
    }
  }
  return lists;
}

/** A translated column that is empty in one language while another has text shows as "-" in the form. */
function checkTranslatedCells(row: SheetRow, sheet: string, columns: string[], add: (i: XlsformIssue) => void) {
  const byBase = new Map<string, string[]>();
  for (const column of columns) {
    const base = splitHeader(column)!.base;
    byBase.set(base, [...(byBase.get(base) ?? []), column]);
  }
  for (const [, cols] of byBase) {
    if (!cols.some((c) => cell(row, c))) continue;
    for (const c of cols)
      if (!cell(row, c))
        add({
          severity: "warning",
          code: "missing_translation",
          sheet,
          row: row.row,
          column: c,
          value: splitHeader(c)!.language ?? "",
        });
  }
}

function checkChoiceNamesForMultiple(
  choices: Sheet | undefined,
  multipleLists: Set<string>,
  add: (i: XlsformIssue) => void,
) {
  if (!choices) return;
  for (const row of choices.rows) {
    const name = cell(row, "name");
    if (multipleLists.has(cell(row, "list_name")) && /\s/.test(name)) {
      add({
        severity: "error",
        code: "choice_name_with_space",
        sheet: "choices",
        row: row.row,
        column: "name",
        value: name,
      });
    }
  }
}

/** `${name}` must name exactly one question that comes earlier (a constraint may name its own question). */
function checkReferences(
  survey: Sheet,
  rows: { row: SheetRow; index: number; ownName: string }[],
  elements: Element[],
  add: (i: XlsformIssue) => void,
) {
  const byName = new Map<string, Element[]>();
  for (const e of elements) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const textColumns = survey.headers.filter((h) => {
    const split = splitHeader(h);
    return (
      split &&
      (split.base === "label" ||
        split.base === "hint" ||
        split.base === "constraint_message" ||
        split.base === "required_message" ||
        split.base === "guidance_hint")
    );
  });
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

export function errorsOf(issues: XlsformIssue[]): XlsformIssue[] {
  return issues.filter((i) => i.severity === "error");
}
