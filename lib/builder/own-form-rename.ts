// Renaming in a questionnaire's own form (issue #18): a question, group or repeat (its XLSForm
// `name`, with every `${old}` reference rewritten), a choice list (with the selects that use it),
// a choice's value (with the comparisons, defaults and filter cells provably about it:
// lib/xlsform/form/choice-value-references.ts says which), and deleting a list no question uses. Pure, like own-form-edit.ts: the form comes back checked by
// the reader, or the refusal with the field it concerns.
import { parseType, walkSurvey, type FormModel } from "../xlsform/form";
import { XML_NAME } from "../xlsform/form/read-survey";
import { renameReferences } from "../xlsform/form/rename-references";
import { renameChoiceValue } from "../xlsform/form/choice-value-references";
import { checked, locate, type OwnEditOutcome } from "./own-form-edit";

export type OwnRenameOutcome =
  | (Extract<OwnEditOutcome, { ok: true }> & { references: number })
  | Exclude<OwnEditOutcome, { ok: true }>
  | { ok: false; code: "nameInvalid" | "nameTaken" | "choiceValueInvalid" | "choiceValueTaken"; field: "name" }
  | { ok: false; code: "listInUse"; codes: string[] };

/** pyxform's rule for a name: an XML name, and not `meta` (reserved for the form's metadata). */
export const isFormName = (name: string) => XML_NAME.test(name) && name !== "meta";

/**
 * The new name of a question, group or repeat: valid as pyxform reads names, used by no other
 * element of the form (anywhere, not only beside it: references name elements form-wide, and a
 * name differing only in case draws a pyxform warning) nor by `taken` (the questionnaire's bank
 * items). Every `${old}` becomes `${new}`, in every column and language.
 */
export function renameOwnNode(
  own: FormModel,
  rename: { path: string[]; name: string },
  taken: ReadonlySet<string> = new Set(),
): OwnRenameOutcome {
  const form = structuredClone(own);
  const found = locate(form, rename.path);
  if (!found) return { ok: false, code: "notFound" };
  const node = found.siblings[found.index];
  if (node.kind === "skipped") return { ok: false, code: "notFound" };
  const from = node.name;
  if (!isFormName(rename.name)) return { ok: false, code: "nameInvalid", field: "name" };
  const wanted = rename.name.toLowerCase();
  const others = [...walkSurvey(form.survey)].filter((n) => n !== node && n.kind !== "skipped");
  if (others.some((n) => n.name.toLowerCase() === wanted) || [...taken].some((t) => t.toLowerCase() === wanted))
    return { ok: false, code: "nameTaken", field: "name" };
  node.name = rename.name;
  // A name used twice already made its references ambiguous (the reader refused them): only a
  // name that was unique is one every reference meant.
  const references = others.some((n) => n.name === from) ? 0 : renameReferences(form, from, rename.name);
  const outcome = checked(form);
  if (!outcome.ok) return outcome;
  return { ...outcome, movedTo: [...rename.path.slice(0, -1), rename.name], references };
}

/** Questions (by name) whose type or list_name column uses the list. */
export function listUsers(form: FormModel, listName: string): string[] {
  const users: string[] = [];
  for (const node of walkSurvey(form.survey)) {
    if (node.kind !== "question") continue;
    const parsed = parseType(node.type);
    if ((parsed.kind === "select" && parsed.listName === listName) || node.values.list_name === listName)
      users.push(node.name);
  }
  return users;
}

const instanceOf = (name: string) =>
  new RegExp(`instance\\((['"])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1\\)`, "g");

/** A choice list renamed; the select types using it (and `instance('old')` in expressions) follow. */
export function renameOwnChoiceList(own: FormModel, rename: { listName: string; name: string }): OwnRenameOutcome {
  const form = structuredClone(own);
  const list = form.choiceLists.find((l) => l.name === rename.listName);
  if (!list) return { ok: false, code: "notFound" };
  if (!XML_NAME.test(rename.name)) return { ok: false, code: "nameInvalid", field: "name" };
  if (form.choiceLists.some((l) => l !== list && l.name === rename.name))
    return { ok: false, code: "nameTaken", field: "name" };
  list.name = rename.name;
  let references = 0;
  for (const node of walkSurvey(form.survey)) {
    if (node.kind === "skipped") continue;
    if (node.kind === "question") {
      const parsed = parseType(node.type);
      if (parsed.kind === "select" && parsed.listName === rename.listName) {
        // Only the list's word changes: `select one yn or_other` keeps its spelling and or_other.
        const words = node.type.trim().split(/\s+/);
        words[words.lastIndexOf(parsed.listName)] = rename.name;
        node.type = words.join(" ");
        references++;
      }
      if (node.values.list_name === rename.listName) {
        node.values.list_name = rename.name;
        references++;
      }
    }
    for (const key of Object.keys(node.values)) {
      const value = node.values[key];
      const pattern = instanceOf(rename.listName);
      if (!pattern.test(value)) continue;
      node.values[key] = value.replace(instanceOf(rename.listName), (_m, quote: string) => {
        references++;
        return `instance(${quote}${rename.name}${quote})`;
      });
    }
  }
  const outcome = checked(form);
  return outcome.ok ? { ...outcome, references } : outcome;
}

/**
 * A choice's value as a rename may give it: not empty, no space (a select_multiple's answer is its
 * values separated by spaces), no quote (it must fit in an XPath literal either way), no `$ { }`
 * (a cell holding `${…}` is a reference to pyxform).
 */
export const isChoiceValue = (value: string) => /^[^\s'"${}]+$/u.test(value);

/**
 * A choice of a list given a new value (its `name` in the choices sheet): the value must be valid
 * and used by no other choice of the list. Every place provably comparing answers of the list's
 * questions with the old value follows (choice-value-references.ts); data already collected keeps
 * the old value, which the builder says before asking. Choices sharing the value (a form with
 * allow_choice_duplicates) are one value, renamed together.
 */
export function renameOwnChoice(
  own: FormModel,
  rename: { listName: string; choice: string; name: string },
): OwnRenameOutcome {
  const form = structuredClone(own);
  const list = form.choiceLists.find((l) => l.name === rename.listName);
  const choices = list?.choices.filter((c) => c.name === rename.choice) ?? [];
  if (!list || !choices.length) return { ok: false, code: "notFound" };
  if (!isChoiceValue(rename.name)) return { ok: false, code: "choiceValueInvalid", field: "name" };
  if (rename.name !== rename.choice && list.choices.some((c) => c.name === rename.name))
    return { ok: false, code: "choiceValueTaken", field: "name" };
  const sites =
    rename.name === rename.choice ? [] : renameChoiceValue(form, rename.listName, rename.choice, rename.name);
  for (const choice of choices) choice.name = rename.name;
  const outcome = checked(form);
  return outcome.ok ? { ...outcome, references: sites.length } : outcome;
}

/** A choice list deleted; refused, naming them, while questions still take their answers from it. */
export function deleteOwnChoiceList(own: FormModel, listName: string): OwnRenameOutcome {
  const form = structuredClone(own);
  const at = form.choiceLists.findIndex((l) => l.name === listName);
  if (at < 0) return { ok: false, code: "notFound" };
  const users = listUsers(form, listName);
  if (users.length) return { ok: false, code: "listInUse", codes: users };
  form.choiceLists.splice(at, 1);
  const outcome = checked(form);
  return outcome.ok ? { ...outcome, references: 0 } : outcome;
}
