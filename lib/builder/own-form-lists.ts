// The choice lists of a questionnaire's own form in the builder: a list saved whole (its choices'
// names, labels in every language, order, additions and removals, a cascading list's filter
// values), or a new list. Pure, like own-form-edit.ts. Every other column of a choice (media,
// columns the builder does not know) stays with it: choices are matched by their place in the
// list as it was read, not by name, so a renamed choice keeps them too.
import { walkSurvey, type Choice, type FormModel, type SurveyNode } from "../xlsform/form";
import { parseType } from "../xlsform/form/question-types";
import { EXPRESSION_COLUMNS } from "../xlsform/form/choice-value-references";
import { checked, setText, type OwnEditOutcome } from "./own-form-edit";
import type { OwnChoiceListSave } from "./own-form-schema";

/** The extra columns of the choices sheet a list may fill (a cascading select's filter columns). */
export function filterColumns(form: FormModel): string[] {
  return form.columns.choices.filter((c) => c.kind === "verbatim").map((c) => c.header);
}

const quoted = (name: string) => new RegExp(`(['"])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1`);

/**
 * Where a choice's name is still written: a select using the list has it as its default, or an
 * expression that names such a select (or filters choices) compares with it in quotes. pyxform
 * would not refuse those, but the form would silently stop working: "why (relevant)".
 */
export function choiceUses(form: FormModel, listName: string, choiceName: string): string[] {
  const selects = new Set<string>();
  const usingList: SurveyNode[] = [];
  for (const node of walkSurvey(form.survey)) {
    if (node.kind !== "question") continue;
    const parsed = parseType(node.type);
    if (parsed.kind === "select" && parsed.listName === listName) {
      selects.add(node.name);
      usingList.push(node);
    }
  }
  if (!selects.size) return [];
  const pattern = quoted(choiceName);
  const uses: string[] = [];
  for (const node of walkSurvey(form.survey)) {
    if (node.kind === "skipped") continue;
    for (const column of EXPRESSION_COLUMNS) {
      const expression = node.values[column];
      if (!expression) continue;
      const namesSelect = [...selects].some((s) => expression.includes(`\${${s}}`));
      const ownDefault =
        column === "default" && usingList.includes(node) && expression.split(/\s+/).includes(choiceName);
      if (ownDefault || (namesSelect && pattern.test(expression))) uses.push(`${node.name} (${column})`);
    }
  }
  return uses;
}

export function saveOwnChoiceList(own: FormModel, save: OwnChoiceListSave): OwnEditOutcome {
  const form = structuredClone(own);
  const list = form.choiceLists.find((l) => l.name === save.listName);
  if (save.create && list) return { ok: false, code: "listExists" };
  if (!save.create && !list) return { ok: false, code: "notFound" };
  const allowed = new Set(filterColumns(form));
  const before = list?.choices ?? [];
  const choices: Choice[] = [];
  for (const input of save.choices) {
    if (input.from !== null && !before[input.from]) return { ok: false, code: "notFound" };
    const choice: Choice =
      input.from === null
        ? { name: input.name, row: 0, texts: {}, values: {}, verbatim: {} }
        : structuredClone(before[input.from]);
    choice.name = input.name;
    setText(choice, "label", input.label);
    for (const [header, value] of Object.entries(input.filters)) {
      // Only the sheet's own extra columns: a new column would need a header pyxform may misread.
      if (!allowed.has(header)) return { ok: false, code: "notFound" };
      if (value) choice.verbatim[header] = value;
      else delete choice.verbatim[header];
    }
    choices.push(choice);
  }
  // A choice whose name goes away (removed or renamed) must not be what the form still compares with.
  const kept = new Set(choices.map((c) => c.name));
  const gone = [...new Set(before.map((c) => c.name))].filter((name) => name && !kept.has(name));
  const inUse = gone.flatMap((name) => choiceUses(own, save.listName, name).map((where) => `${name} → ${where}`));
  if (inUse.length) return { ok: false, code: "choiceInUse", codes: inUse };
  if (list) list.choices = choices;
  // The writer gives a form without a choices sheet one, with the columns its choices need.
  else form.choiceLists.push({ name: save.listName, choices });
  return checked(form);
}
