// The shape of a questionnaire's own form in the builder: a group or repeat of one's own added at
// the end of the form or of a group, and a question, group or repeat moved one step up or down
// the tree. Pure, like own-form-edit.ts: the form comes back checked by the reader, or refused.
import { walkSurvey, type FormModel, type SurveyContainer, type SurveyNode } from "../xlsform/form";
import { checked, isContainer, locate, setText, setValue, type OwnEditOutcome } from "./own-form-edit";
import type { OwnContainerAdd, OwnMove } from "./own-form-schema";

export function addOwnContainer(own: FormModel, add: OwnContainerAdd): OwnEditOutcome {
  const form = structuredClone(own);
  let siblings = form.survey;
  if (add.parent.length) {
    const found = locate(form, add.parent);
    const parent = found?.siblings[found.index];
    if (!parent || !isContainer(parent)) return { ok: false, code: "notFound" };
    siblings = parent.children;
  }
  const container: SurveyContainer = {
    kind: add.kind,
    type: `begin_${add.kind}`,
    name: add.name,
    row: 0,
    texts: {},
    values: {},
    verbatim: {},
    children: [],
    end: { type: `end_${add.kind}`, row: 0, texts: {}, values: {}, verbatim: {} },
  };
  setText(container, "label", add.label);
  setValue(container, "relevant", add.relevant);
  setValue(container, "appearance", add.appearance);
  if (add.kind === "repeat") setValue(container, "repeat_count", add.repeatCount);
  siblings.push(container);
  return checked(form);
}

/**
 * A moved row has no place in the file any more: row 0 lets the writer put it right after the row
 * before it, instead of pushing every later row down to keep its old number.
 */
function unplace(node: SurveyNode) {
  for (const n of walkSurvey([node])) {
    n.row = 0;
    if (isContainer(n)) n.end.row = 0;
  }
}

/**
 * One step in the order a person reads the form: up past the previous row (into a group just
 * above, at its end; out of the group when first in it), down past the next one (into a group
 * just below, at its start; out of the group when last in it). So any question can reach any
 * place by repeated steps, with two buttons a keyboard can press.
 */
export function moveOwnNode(own: FormModel, move: OwnMove): OwnEditOutcome {
  const form = structuredClone(own);
  const found = locate(form, move.path);
  if (!found) return { ok: false, code: "notFound" };
  const { siblings, index } = found;
  const node = siblings[index];
  const parent = move.path.length > 1 ? locate(form, move.path.slice(0, -1)) : null;
  // Rows pyxform skips (comments, disabled rows) are stepped over: they stay where they were.
  const step = move.direction === "up" ? -1 : 1;
  let next = index + step;
  while (next >= 0 && next < siblings.length && siblings[next].kind === "skipped") next += step;
  siblings.splice(index, 1);
  // After taking the node out, the row it steps past sits at `next` going up, `next - 1` going down.
  const past = step < 0 ? next : next - 1;
  const neighbour = past >= 0 ? siblings[past] : undefined;
  const name = move.path[move.path.length - 1];
  let movedTo = move.path;
  if (neighbour && isContainer(neighbour)) {
    if (step < 0) neighbour.children.push(node);
    else neighbour.children.unshift(node);
    movedTo = [...move.path.slice(0, -1), neighbour.name, name];
  } else if (neighbour) siblings.splice(step < 0 ? past : past + 1, 0, node);
  else if (parent) {
    // First (or last) in its group: out of it, just before (or after) the group.
    parent.siblings.splice(parent.index + (step > 0 ? 1 : 0), 0, node);
    movedTo = [...move.path.slice(0, -2), name];
  } else return { ok: false, code: "cannotMove" };
  unplace(node);
  const outcome = checked(form);
  return outcome.ok ? { ...outcome, movedTo } : outcome;
}
