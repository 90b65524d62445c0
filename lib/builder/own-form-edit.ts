// Changes a researcher makes to their questionnaire's own (imported) form in the builder: edit a
// question's texts and settings, add a question of their own, delete one. Pure: form model in,
// form model out, or the reason it cannot be done. Questions are found by their path of names
// from the top (names are unique within their group or repeat, as pyxform requires). After each
// change the whole form is read again by the reader (lib/xlsform/form), so a change that would
// make pyxform refuse the form (a name taken, a reference to nothing, a list that does not exist)
// is refused with the reader's own problem.
import {
  formToWorkbook,
  readForm,
  type FormModel,
  type FormProblem,
  type SurveyContainer,
  type SurveyNode,
  type SurveyQuestion,
} from "../xlsform/form";
import type { OwnQuestionAdd, OwnQuestionEdit } from "./own-form-schema";

export type OwnEditOutcome =
  | { ok: true; form: FormModel }
  | { ok: false; code: "notFound" | "constraintMessageStale" | "typeNeedsList"; problems?: FormProblem[] }
  | { ok: false; code: "ownFormInvalid"; problems: FormProblem[] };

const isContainer = (node: SurveyNode): node is SurveyContainer =>
  node.kind === "group" || node.kind === "repeat" || node.kind === "loop";

/** The list of nodes holding the node at `path`, and its index there; null when there is none. */
function locate(form: FormModel, names: string[]): { siblings: SurveyNode[]; index: number } | null {
  let siblings = form.survey;
  for (const [depth, name] of names.entries()) {
    const index = siblings.findIndex((n) => n.kind !== "skipped" && n.name === name);
    if (index < 0) return null;
    if (depth === names.length - 1) return { siblings, index };
    const node = siblings[index];
    if (!isContainer(node)) return null;
    siblings = node.children;
  }
  return null;
}

/** Texts without empty entries: a cleared language leaves no empty cell behind. */
function cleaned(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
}

function setText(node: SurveyNode, key: string, values: Record<string, string>) {
  const kept = cleaned(values);
  if (Object.keys(kept).length) node.texts[key] = kept;
  else delete node.texts[key];
}

function setValue(node: SurveyNode, key: string, value: string) {
  if (value) node.values[key] = value;
  else delete node.values[key];
}

/** The form read back as pyxform would read it: the change stands only if the reader accepts it. */
function checked(form: FormModel): OwnEditOutcome {
  const tables = formToWorkbook(form);
  const read = readForm({
    sheets: tables.sheets.map((s) => ({ name: s.name, headers: s.headers, rows: s.rows })),
  });
  return read.ok ? { ok: true, form } : { ok: false, code: "ownFormInvalid", problems: read.problems };
}

const sameTexts = (a: Record<string, string> | undefined, b: Record<string, string>) =>
  JSON.stringify(cleaned(a ?? {})) === JSON.stringify(cleaned(b));

export function editOwnQuestion(own: FormModel, edit: OwnQuestionEdit): OwnEditOutcome {
  const form = structuredClone(own);
  const found = locate(form, edit.path);
  if (!found) return { ok: false, code: "notFound" };
  const node = found.siblings[found.index];
  if (node.kind === "skipped") return { ok: false, code: "notFound" };
  // A new range with the old message would tell respondents the old range: the message must change too.
  const oldConstraint = node.values.constraint ?? "";
  const oldMessage = node.texts.constraint_message;
  if (
    edit.constraint !== oldConstraint &&
    edit.constraint &&
    oldMessage &&
    Object.keys(cleaned(oldMessage)).length > 0 &&
    sameTexts(oldMessage, edit.constraintMessage)
  )
    return { ok: false, code: "constraintMessageStale" };
  setText(node, "label", edit.label);
  setText(node, "hint", edit.hint);
  setText(node, "constraint_message", edit.constraintMessage);
  setValue(node, "relevant", edit.relevant);
  if (node.kind === "question") {
    setValue(node, "required", edit.required ? "yes" : "");
    setValue(node, "constraint", edit.constraint);
    if (node.values.calculation !== undefined || edit.calculation) setValue(node, "calculation", edit.calculation);
  }
  return checked(form);
}

export function addOwnQuestion(own: FormModel, add: OwnQuestionAdd): OwnEditOutcome {
  const form = structuredClone(own);
  let siblings = form.survey;
  if (add.parent.length) {
    const found = locate(form, add.parent);
    const parent = found?.siblings[found.index];
    if (!parent || !isContainer(parent)) return { ok: false, code: "notFound" };
    siblings = parent.children;
  }
  const isSelect = add.type === "select_one" || add.type === "select_multiple";
  if (isSelect && !add.listName) return { ok: false, code: "typeNeedsList" };
  const question: SurveyQuestion = {
    kind: "question",
    type: isSelect ? `${add.type} ${add.listName}` : add.type,
    name: add.name,
    row: 0,
    texts: {},
    values: {},
    verbatim: {},
  };
  setText(question, "label", add.label);
  setText(question, "hint", add.hint);
  if (add.required && add.type !== "note" && add.type !== "calculate") question.values.required = "yes";
  if (add.type === "calculate") setValue(question, "calculation", add.calculation);
  siblings.push(question);
  return checked(form);
}

export function deleteOwnQuestion(own: FormModel, names: string[]): OwnEditOutcome {
  const form = structuredClone(own);
  const found = locate(form, names);
  if (!found) return { ok: false, code: "notFound" };
  found.siblings.splice(found.index, 1);
  return checked(form);
}
