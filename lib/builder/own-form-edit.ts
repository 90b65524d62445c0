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
  type RowCells,
  type SurveyContainer,
  type SurveyNode,
  type SurveyQuestion,
} from "../xlsform/form";
import { parseType } from "../xlsform/form/question-types";
import type { OwnQuestionAdd, OwnQuestionEdit } from "./own-form-schema";

export type OwnEditOutcome =
  /** `movedTo`: where a moved question, group or repeat is now (its bank link follows it) */
  | { ok: true; form: FormModel; movedTo?: string[] }
  | {
      ok: false;
      code: "notFound" | "constraintMessageStale" | "typeNeedsList" | "listExists" | "cannotMove";
      problems?: FormProblem[];
    }
  | { ok: false; code: "choiceInUse"; codes: string[]; problems?: FormProblem[] }
  | { ok: false; code: "ownFormInvalid"; problems: FormProblem[] };

export const isContainer = (node: SurveyNode): node is SurveyContainer =>
  node.kind === "group" || node.kind === "repeat" || node.kind === "loop";

/** The list of nodes holding the node at `path`, and its index there; null when there is none. */
export function locate(form: FormModel, names: string[]): { siblings: SurveyNode[]; index: number } | null {
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

export function setText(node: Pick<RowCells, "texts">, key: string, values: Record<string, string>) {
  const kept = cleaned(values);
  if (Object.keys(kept).length) node.texts[key] = kept;
  else delete node.texts[key];
}

export function setValue(node: Pick<RowCells, "values">, key: string, value: string) {
  if (value) node.values[key] = value;
  else delete node.values[key];
}

/** The form read back as pyxform would read it: the change stands only if the reader accepts it. */
export function checked(form: FormModel): OwnEditOutcome {
  const tables = formToWorkbook(form);
  const read = readForm({
    sheets: tables.sheets.map((s) => ({ name: s.name, headers: s.headers, rows: s.rows })),
  });
  return read.ok ? { ok: true, form } : { ok: false, code: "ownFormInvalid", problems: read.problems };
}

/** pyxform's truthy spellings of a yes/no column. */
export const isYes = (value: string | undefined) => /^(yes|true|true\(\))$/i.test((value ?? "").trim());

/**
 * The columns beyond texts and logic (issue #18): each given one is set, each absent one left as
 * it is; every column the builder does not know stays untouched. Null when done; else the refusal.
 */
function editOtherColumns(node: SurveyNode, edit: OwnQuestionEdit): OwnEditOutcome | null {
  if (edit.guidanceHint !== undefined) setText(node, "guidance_hint", edit.guidanceHint);
  if (edit.appearance !== undefined) setValue(node, "appearance", edit.appearance);
  if (node.kind === "repeat" && edit.repeatCount !== undefined) setValue(node, "repeat_count", edit.repeatCount);
  if (node.kind !== "question") return null;
  if (edit.default !== undefined) setValue(node, "default", edit.default);
  if (edit.choiceFilter !== undefined) setValue(node, "choice_filter", edit.choiceFilter);
  if (edit.readOnly !== undefined && edit.readOnly !== isYes(node.values.read_only))
    setValue(node, "read_only", edit.readOnly ? "yes" : "");
  if (edit.listName !== undefined) {
    const parsed = parseType(node.type);
    if (parsed.kind !== "select" || parsed.listName === edit.listName) return null;
    if (parsed.select !== "select_one" && parsed.select !== "select_multiple" && parsed.select !== "rank")
      return { ok: false, code: "notFound" };
    // Only the list's word changes: `select one yn or_other` keeps its spelling and or_other.
    const words = node.type.trim().split(/\s+/);
    const at = words.lastIndexOf(parsed.listName);
    words[at] = edit.listName;
    node.type = words.join(" ");
  }
  return null;
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
    // `TRUE`, `true()`… as written stay as they are when the answer stays required.
    if (edit.required !== isYes(node.values.required)) setValue(node, "required", edit.required ? "yes" : "");
    setValue(node, "constraint", edit.constraint);
    if (node.values.calculation !== undefined || edit.calculation) setValue(node, "calculation", edit.calculation);
  }
  const outcome = editOtherColumns(node, edit);
  return outcome ?? checked(form);
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
