// The builder's changes to a questionnaire's own form (the questions it asks beyond the bank's,
// lib/builder/own-form-edit.ts): each one reads the form, changes it, has the form reader check it
// and writes it back whole, inside the transaction lib/builder/mutations.ts opens.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { FormModel } from "../xlsform/form";
import { BuilderError } from "./errors";
import type { ParsedBuilderChange } from "./schema";
import { addOwnQuestion, deleteOwnQuestion, editOwnQuestion, type OwnEditOutcome } from "./own-form-edit";
import { addOwnContainer, moveOwnNode } from "./own-form-structure";
import { saveOwnChoiceList } from "./own-form-lists";
import {
  deleteOwnChoiceList,
  renameOwnChoice,
  renameOwnChoiceList,
  renameOwnNode,
  type OwnRenameOutcome,
} from "./own-form-rename";

type Tx = Prisma.TransactionClient;
type OwnFormChange = Extract<
  ParsedBuilderChange,
  {
    op:
      | "editOwnQuestion"
      | "addOwnQuestion"
      | "deleteOwnQuestion"
      | "addOwnContainer"
      | "moveOwnNode"
      | "saveOwnChoiceList"
      | "renameOwnNode"
      | "renameOwnChoiceList"
      | "renameOwnChoice"
      | "deleteOwnChoiceList";
  }
>;

/** One change to the questionnaire's own form, inside the claimed revision. */
export async function applyOwnFormChange(
  tx: Tx,
  q: { id: string },
  change: OwnFormChange,
): Promise<{ details: Record<string, unknown> }> {
  switch (change.op) {
    case "editOwnQuestion":
      return changeOwnForm(tx, q.id, (form) => editOwnQuestion(form, change.edit), { path: change.edit.path });
    case "addOwnQuestion":
      return changeOwnForm(tx, q.id, (form) => addOwnQuestion(form, change.add), {
        parent: change.add.parent,
        name: change.add.name,
        type: change.add.type,
      });
    case "deleteOwnQuestion": {
      const done = await changeOwnForm(tx, q.id, (form) => deleteOwnQuestion(form, change.path), {
        path: change.path,
      });
      // Links of what was deleted (the question, or a group's questions) go with it.
      const key = change.path.join("/");
      await tx.questionnaireFormLink.deleteMany({
        where: { questionnaireId: q.id, OR: [{ path: key }, { path: { startsWith: `${key}/` } }] },
      });
      return done;
    }
    case "addOwnContainer":
      return changeOwnForm(tx, q.id, (form) => addOwnContainer(form, change.add), {
        parent: change.add.parent,
        name: change.add.name,
        kind: change.add.kind,
      });
    case "moveOwnNode":
      return changeOwnForm(tx, q.id, (form) => moveOwnNode(form, change.move), { ...change.move });
    case "saveOwnChoiceList":
      return changeOwnForm(tx, q.id, (form) => saveOwnChoiceList(form, change.list), {
        list: change.list.listName,
        created: change.list.create,
        choices: change.list.choices.map((c) => c.name),
      });
    case "renameOwnNode": {
      // Unique within the questionnaire: its bank items' names too (not the whole bank's).
      const items = await tx.questionnaireItem.findMany({ where: { questionnaireId: q.id }, select: { name: true } });
      const taken = new Set(items.map((i) => i.name));
      return changeOwnForm(tx, q.id, (form) => renameOwnNode(form, change.rename, taken), {
        path: change.rename.path,
        name: change.rename.name,
      });
    }
    case "renameOwnChoiceList":
      return changeOwnForm(tx, q.id, (form) => renameOwnChoiceList(form, change.rename), {
        list: change.rename.listName,
        name: change.rename.name,
      });
    case "renameOwnChoice":
      // Audited with the old and new value and how many places followed.
      return changeOwnForm(tx, q.id, (form) => renameOwnChoice(form, change.rename), {
        list: change.rename.listName,
        choice: change.rename.choice,
        name: change.rename.name,
      });
    case "deleteOwnChoiceList":
      return changeOwnForm(tx, q.id, (form) => deleteOwnChoiceList(form, change.listName), {
        list: change.listName,
        deleted: true,
      });
  }
}

/** A moved own question's (or group's) links to the bank follow it to its new path. */
async function moveFormLinks(tx: Tx, questionnaireId: string, from: string[], to: string[]) {
  const [old, now] = [from.join("/"), to.join("/")];
  if (old === now) return;
  const links = await tx.questionnaireFormLink.findMany({
    where: { questionnaireId, OR: [{ path: old }, { path: { startsWith: `${old}/` } }] },
    select: { id: true, path: true },
  });
  for (const link of links)
    await tx.questionnaireFormLink.update({
      where: { id: link.id },
      data: { path: now + link.path.slice(old.length) },
    });
}

/**
 * One change to the questionnaire's own form (lib/builder/own-form-edit.ts), inside the claimed
 * revision: the form is read, changed, checked by the form reader and written back whole.
 */
async function changeOwnForm(
  tx: Tx,
  questionnaireId: string,
  apply: (form: FormModel) => OwnEditOutcome | OwnRenameOutcome,
  details: Record<string, unknown>,
): Promise<{ details: Record<string, unknown> }> {
  const row = await tx.questionnaire.findUnique({ where: { id: questionnaireId }, select: { form: true } });
  if (!row?.form) throw new BuilderError("notFound");
  const outcome = apply(row.form as unknown as FormModel);
  if (!outcome.ok)
    throw new BuilderError(outcome.code, {
      ...("codes" in outcome ? { codes: outcome.codes } : {}),
      ...("field" in outcome ? { fields: { [outcome.field]: outcome.code } } : {}),
      formProblems: (("problems" in outcome ? outcome.problems : undefined) ?? []).map(
        ({ code, row: at, column, value }) => ({
          code,
          row: at,
          column,
          value,
        }),
      ),
    });
  await tx.questionnaire.update({
    where: { id: questionnaireId },
    data: { form: outcome.form as unknown as Prisma.InputJsonValue },
  });
  // A rename says how many references it rewrote (the audit keeps it, the screen shows it).
  const counted = "references" in outcome ? { ...details, references: outcome.references } : details;
  if (outcome.movedTo && Array.isArray(details.path)) {
    await moveFormLinks(tx, questionnaireId, details.path as string[], outcome.movedTo);
    return { details: { ...counted, to: outcome.movedTo } };
  }
  return { details: counted };
}
