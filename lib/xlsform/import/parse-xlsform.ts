// XLSForm tables → a questionnaire description, or the list of what must be fixed first. Pure.
// The pyxform rules run first (a form ODK would refuse is refused here too); then what the bank
// cannot hold is refused row by row (repeats, nested groups, calculations, skip logic beyond
// and/or of comparisons) rather than dropped, so that an import never loses part of a form
// silently. Columns the bank does not keep (appearance…) and metadata fields are imported around,
// with a notice.
import type { Language, PartialLocalizedText } from "../../i18n/languages";
import type { QuestionKind, QuestionnaireDoc, TranslatedText } from "../../questionnaires/model";
import { checkReadiness } from "../../questionnaires/readiness";
import { DEFAULT_REQUIRED_MESSAGE } from "../field-texts";
import { MAX_CODE_LENGTH } from "../../vocabulary/names";
import { parseRelevant } from "../relevant";
import { parseType, validateXlsform } from "../validate";
import { cell, findSheet, isEmptyRow, splitHeader, type SheetRow, type XlsformWorkbook } from "../workbook";
import { readLanguageColumns, type LanguageColumns } from "./languages";
import type { ImportIssue, ImportResult, ImportedChoiceList, ImportedItem, ImportedSection } from "./types";

const BANK_TYPES = new Set<QuestionKind>(["text", "integer", "decimal", "date", "note"]);
const METADATA_TYPES = new Set([
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
]);
/** Survey columns the bank keeps; any other column with content draws a notice. */
const KEPT_COLUMNS = new Set([
  "type",
  "name",
  "label",
  "hint",
  "required",
  "required_message",
  "relevant",
  "constraint",
  "constraint_message",
]);
const MAX_NAME_LENGTH = 64;

export function parseXlsform(workbook: XlsformWorkbook): ImportResult {
  const errors: ImportIssue[] = [];
  const notices: ImportIssue[] = [];
  for (const issue of validateXlsform(workbook)) {
    const { severity, ...rest } = issue;
    if (severity === "error") errors.push({ severity: "error", ...rest });
    else if (issue.code !== "bare_and_translated_columns" && issue.code !== "missing_language_column")
      notices.push({ severity: "notice", ...rest });
  }
  if (errors.length) return { ok: false, errors, notices };

  const survey = findSheet(workbook, "survey")!;
  const choicesSheet = findSheet(workbook, "choices");
  const settingsRow = findSheet(workbook, "settings")?.rows.find((r) => !isEmptyRow(r));
  const setting = (name: string) => (settingsRow ? cell(settingsRow, name) : "");
  const columns = readLanguageColumns(
    [survey, ...(choicesSheet ? [choicesSheet] : [])],
    setting("default_language"),
    notices,
  );
  if (!columns)
    return {
      ok: false,
      errors: [{ severity: "error", code: "no_language_column", sheet: "survey", column: "label" }],
      notices,
    };

  const texts = (row: SheetRow, base: string): PartialLocalizedText => {
    const out: PartialLocalizedText = {};
    for (const [header, lang] of columns.columnLanguage) {
      if (splitHeader(header)?.base !== base || !(header in row.cells)) continue;
      const value = cell(row, header);
      if (value) out[lang] = value;
    }
    return out;
  };

  const ignoredColumns = new Set<string>();
  const sections: ImportedSection[] = [];
  const names = new Map<string, number>();
  let open: ImportedSection | null = null;
  let loose: ImportedSection | null = null;
  let depth = 0;
  const formTitle = setting("form_title") || setting("form_id") || "";

  for (const row of survey.rows) {
    if (isEmptyRow(row)) continue;
    const at = { sheet: "survey", row: row.row };
    const typeText = cell(row, "type");
    const type = parseType(typeText);
    const name = cell(row, "name");
    for (const header of survey.headers) {
      const base = splitHeader(header)?.base ?? header;
      if (!KEPT_COLUMNS.has(base) && cell(row, header) && !ignoredColumns.has(header)) {
        ignoredColumns.add(header);
        notices.push({ severity: "notice", code: "column_ignored", ...at, column: header, value: header });
      }
    }
    if (type.kind === "structure") {
      if (type.opens === "repeat" || type.closes === "repeat") {
        if (type.opens)
          errors.push({ severity: "error", code: "repeat_not_supported", ...at, column: "type", value: name });
        continue;
      }
      if (type.closes) {
        depth--;
        if (depth === 0) open = null;
        continue;
      }
      depth++;
      if (depth > 1) {
        errors.push({ severity: "error", code: "nested_group", ...at, column: "type", value: name });
        continue;
      }
      loose = null;
      open = { row: row.row, name, title: texts(row, "label"), relevant: readRelevant(row, errors), items: [] };
      sections.push(open);
      continue;
    }
    if (type.kind === "plain" && METADATA_TYPES.has(type.type)) {
      notices.push({ severity: "notice", code: "metadata_skipped", ...at, column: "type", value: typeText });
      continue;
    }
    let kind: QuestionKind;
    let listName: string | null = null;
    if (type.kind === "plain" && BANK_TYPES.has(type.type as QuestionKind)) kind = type.type as QuestionKind;
    else if (type.kind === "select" && type.select !== "rank" && !type.orOther) {
      kind = type.select;
      listName = type.list;
    } else {
      errors.push({
        severity: "error",
        code: type.kind === "select" && type.orOther ? "or_other_not_supported" : "unsupported_type",
        ...at,
        column: "type",
        value: typeText,
      });
      continue;
    }
    if (name.length > MAX_NAME_LENGTH)
      errors.push({ severity: "error", code: "name_too_long", ...at, column: "name", value: name });
    if (names.has(name.toLowerCase()))
      errors.push({ severity: "error", code: "duplicate_name_in_form", ...at, column: "name", value: name });
    names.set(name.toLowerCase(), row.row);
    const required = readRequired(row, errors);
    const item: ImportedItem = {
      row: row.row,
      name,
      type: kind,
      listName,
      label: texts(row, "label"),
      hint: texts(row, "hint"),
      required,
      requiredMessage: withoutDefaultMessage(texts(row, "required_message")),
      relevant: readRelevant(row, errors),
      constraint: cell(row, "constraint") || null,
      constraintMessage: texts(row, "constraint_message"),
    };
    if (!open) {
      // Questions outside any group (the usual ODK form) go into one section per run of them.
      if (!loose) {
        loose = {
          row: null,
          name: "",
          title: formTitle ? { [columns.defaultLanguage]: formTitle } : {},
          relevant: null,
          items: [],
        };
        sections.push(loose);
      }
      loose.items.push(item);
    } else open.items.push(item);
  }

  nameLooseSections(sections, names);
  for (const section of sections.filter((s) => s.items.length === 0)) {
    notices.push({
      severity: "notice",
      code: "empty_group_dropped",
      sheet: "survey",
      row: section.row ?? undefined,
      value: section.name,
    });
  }
  const kept = sections.filter((s) => s.items.length > 0);
  const choiceLists = readChoiceLists(choicesSheet, kept, texts);
  if (!errors.length) errors.push(...structuralErrors(kept, choiceLists, columns));
  if (kept.length === 0 && !errors.length) errors.push({ severity: "error", code: "no_questions", sheet: "survey" });
  if (errors.length) return { ok: false, errors, notices };
  return {
    ok: true,
    notices,
    questionnaire: {
      title: formTitle,
      formId: setting("form_id") || null,
      languages: columns.languages,
      defaultLanguage: columns.defaultLanguage,
      sections: kept,
      choiceLists,
    },
  };
}

function readRequired(row: SheetRow, errors: ImportIssue[]): boolean {
  const value = cell(row, "required").toLowerCase();
  if (/^(yes|true|true\(\)|1)$/.test(value)) return true;
  if (/^(no|false|false\(\)|0|)$/.test(value)) return false;
  errors.push({
    severity: "error",
    code: "required_unreadable",
    sheet: "survey",
    row: row.row,
    column: "required",
    value,
  });
  return false;
}

function readRelevant(row: SheetRow, errors: ImportIssue[]) {
  const expression = cell(row, "relevant");
  if (!expression) return null;
  const parsed = parseRelevant(expression);
  if (parsed.ok) return parsed.relevance;
  errors.push({
    severity: "error",
    code: parsed.reason === "mixed_combinators" ? "relevant_mixed" : "relevant_unreadable",
    sheet: "survey",
    row: row.row,
    column: "relevant",
    value: expression,
  });
  return null;
}

/** The bank's own export writes a standard required message; reading it back is not a custom one. */
function withoutDefaultMessage(message: PartialLocalizedText): PartialLocalizedText {
  const entries = Object.entries(message) as [Language, string][];
  return entries.length > 0 && entries.every(([lang, text]) => DEFAULT_REQUIRED_MESSAGE[lang] === text) ? {} : message;
}

function nameLooseSections(sections: ImportedSection[], taken: Map<string, number>) {
  const used = new Set([...taken.keys(), ...sections.map((s) => s.name.toLowerCase()).filter(Boolean)]);
  for (const section of sections.filter((s) => !s.name)) {
    let n = 1;
    let candidate = "questions";
    while (used.has(candidate)) candidate = `questions_${++n}`;
    section.name = candidate.slice(0, MAX_CODE_LENGTH);
    used.add(candidate);
  }
}

function readChoiceLists(
  sheet: ReturnType<typeof findSheet>,
  sections: ImportedSection[],
  texts: (row: SheetRow, base: string) => PartialLocalizedText,
): ImportedChoiceList[] {
  const used = [...new Set(sections.flatMap((s) => s.items.map((i) => i.listName).filter((l): l is string => !!l)))];
  const lists = new Map<string, ImportedChoiceList>(used.map((name) => [name, { name, choices: [] }]));
  for (const row of sheet?.rows ?? []) {
    const list = lists.get(cell(row, "list_name"));
    if (list) list.choices.push({ row: row.row, name: cell(row, "name"), label: texts(row, "label") });
  }
  return [...lists.values()];
}

/**
 * The readiness rules, at import: skip logic that names a question of another type or a choice
 * that does not exist, and a group named like a question (the bank needs names unique in a form).
 */
function structuralErrors(
  sections: ImportedSection[],
  lists: ImportedChoiceList[],
  columns: LanguageColumns,
): ImportIssue[] {
  const approved = (text: PartialLocalizedText): TranslatedText =>
    Object.fromEntries(Object.entries(text).map(([l, t]) => [l, { text: t, status: "approved" as const }]));
  const doc: QuestionnaireDoc = {
    id: "import",
    slug: null,
    title: {},
    description: {},
    languages: columns.languages,
    defaultLanguage: columns.defaultLanguage,
    fallbackLanguage: null,
    visibility: "private",
    version: "",
    choiceLists: lists.map((l) => ({
      name: l.name,
      choices: l.choices.map((c) => ({ name: c.name, label: approved(c.label) })),
    })),
    sections: sections.map((s) => ({
      name: s.name,
      title: approved(s.title),
      relevant: s.relevant,
      items: s.items.map((i) => ({
        ...i,
        code: i.name,
        label: approved(i.label),
        hint: {},
        requiredMessage: {},
        constraintMessage: {},
      })),
    })),
  };
  const rowOf = (section: string, item?: string) => {
    const s = sections.find((x) => x.name === section);
    return item ? s?.items.find((i) => i.name === item)?.row : (s?.row ?? undefined);
  };
  return checkReadiness(doc).issues.flatMap((issue): ImportIssue[] => {
    if (issue.kind === "broken_skip_logic") {
      return [
        {
          severity: "error",
          code: `relevant_${issue.problem}`,
          sheet: "survey",
          row: rowOf(issue.section, issue.item),
          column: "relevant",
          value: issue.question,
        },
      ];
    }
    if (issue.kind === "duplicate_name") {
      const section = sections.find((s) => s.name.toLowerCase() === issue.name.toLowerCase());
      return [
        {
          severity: "error",
          code: "duplicate_name_in_form",
          sheet: "survey",
          row: section?.row ?? undefined,
          column: "name",
          value: issue.name,
        },
      ];
    }
    return [];
  });
}
