// A questionnaire's own form (imported, lib/xlsform/form) with the bank questions added to it in
// the builder → one form model. The own form comes first, exactly as held; each bank section
// follows as a group, read back from the bank build (build.ts) so that both halves are the same
// kind of rows. The bank's language columns are renamed to the form's own names for them
// (`EN`, `English`, its unnamed default), a bank list whose name the form already uses for other
// choices is renamed, and the settings get the questionnaire's form_id and version.
import type { Language } from "../i18n/languages";
import { formLanguageFor } from "./bank-languages";
import { readForm, walkSurvey, type ChoiceList, type FormModel, type RowCells, type SurveyNode } from "./form";
import type { RawWorkbook } from "./form/read-tables";
import { languageString, type XlsformWorkbook } from "./workbook";

/**
 * The settings an export sets: form_id and version; `title` (the file's name) is written only where
 * the form has neither form_title nor form_id (pyxform would otherwise show the new form_id as the
 * title).
 */
export type Identity = { formId: string; version: string; title: string };

/** The bank build's tables as the reader's raw tables: only cells that hold something. */
export function rawTables(workbook: XlsformWorkbook): RawWorkbook {
  return {
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      headers: sheet.headers,
      rows: sheet.rows.map((r) => ({
        row: r.row,
        cells: Object.fromEntries(Object.entries(r.cells).filter(([, v]) => v.trim() !== "")),
      })),
    })),
  };
}

function renameTexts(cells: RowCells, names: Map<string, string>) {
  for (const [key, texts] of Object.entries(cells.texts)) {
    cells.texts[key] = Object.fromEntries(Object.entries(texts).map(([lang, text]) => [names.get(lang) ?? lang, text]));
  }
  // Rows made here have no place in the file yet: the writer puts them after the form's own.
  cells.row = 0;
}

const sameChoices = (a: ChoiceList, b: ChoiceList) =>
  JSON.stringify(a.choices.map((c) => [c.name, c.texts])) === JSON.stringify(b.choices.map((c) => [c.name, c.texts]));

function freeName(wanted: string, taken: Set<string>): string {
  let name = `${wanted}_bank`;
  for (let n = 2; taken.has(name); n++) name = `${wanted}_bank_${n}`;
  return name;
}

/** The select type `select_one yes_no` with its list renamed. */
function withList(type: string, from: string, to: string): string {
  const parts = type.trim().split(/\s+/);
  return parts[parts.length - 1] === from ? [...parts.slice(0, -1), to].join(" ") : type;
}

export function composeForm(
  own: FormModel,
  bank: { workbook: XlsformWorkbook; languages: Language[]; defaultLanguage: Language } | null,
  identity: Identity,
): FormModel {
  const form: FormModel = structuredClone(own);
  // pyxform titles a form without form_title by its form_id, else by its file's name.
  if (!form.settings.values.form_title?.trim())
    form.settings.values.form_title =
      form.settings.values.form_id?.trim() || form.settings.values.id_string?.trim() || identity.title;
  // The form id goes where the form keeps it: a sheet with an `id_string` column and no `form_id`
  // gets it there (a form_id beside it would make two columns of one meaning); else in form_id,
  // and the reader's id_string alias is written as form_id, never both.
  const spellsIdString =
    own.columns.settings.some((c) => c.key === "id_string") && !own.columns.settings.some((c) => c.key === "form_id");
  if (spellsIdString) {
    form.settings.values.id_string = identity.formId;
    delete form.settings.values.form_id;
  } else {
    form.settings.values.form_id = identity.formId;
    delete form.settings.values.id_string;
  }
  form.settings.values.version = identity.version;
  if (!bank) return form;

  const read = readForm(rawTables(bank.workbook));
  if (!read.ok) throw new Error(`the bank part did not read back: ${JSON.stringify(read.problems.slice(0, 3))}`);
  const bankForm = read.form;

  const names = new Map<string, string>();
  for (const lang of bank.languages) {
    const target = formLanguageFor(own, lang, bank.defaultLanguage);
    if (target) names.set(languageString(lang), target);
  }

  const lists = new Map(form.choiceLists.map((l) => [l.name, l]));
  const renamedLists = new Map<string, string>();
  for (const list of bankForm.choiceLists) {
    list.choices.forEach((c) => renameTexts(c, names));
    const mine = lists.get(list.name);
    if (mine && sameChoices(mine, list)) continue;
    if (mine) {
      const name = freeName(list.name, new Set(lists.keys()));
      renamedLists.set(list.name, name);
      list.name = name;
    }
    lists.set(list.name, list);
    form.choiceLists.push(list);
  }

  const adopt = (nodes: SurveyNode[]) => {
    for (const node of walkSurvey(nodes)) {
      renameTexts(node, names);
      if (node.kind === "group" || node.kind === "repeat" || node.kind === "loop") node.end.row = 0;
      for (const [from, to] of renamedLists) node.type = withList(node.type, from, to);
    }
  };
  adopt(bankForm.survey);
  form.survey.push(...bankForm.survey);
  return form;
}

/** Every question and group name the form uses, at any depth: bank items must not reuse them. */
export function namesInForm(form: FormModel): Set<string> {
  const names = new Set<string>();
  for (const node of walkSurvey(form.survey)) if (node.kind !== "skipped" && node.name) names.add(node.name);
  return names;
}
