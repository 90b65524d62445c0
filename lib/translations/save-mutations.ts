// Saving a translation's label, hint, constraint message and answer choices (from the editor, an import or a restored
// revision): the checks and the glossary, the text and choice rows, the revision kept and the
// audit event, all inside one transaction.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import { checkTranslation } from "./checks";
import { splitByPolicy } from "./check-policy";
import { serverCheckPolicy } from "./check-policy-server";
import { findGlossaryEntries } from "./glossary-data";
import { TranslationError } from "./errors";
import { restoreSchema, saveTranslationSchema, type SaveTranslationInput } from "./schema";
import type { TranslationState } from "../vocabulary/enums";
import { itemState, sourceConstraintMessage } from "./state";
import {
  clearChoiceText,
  clearQuestionText,
  stepQuestionText,
  writeChoiceText,
  writeQuestionText,
} from "./review-mutations";
import { isReviewerEdit, mayEditTranslation } from "./rules";
import {
  conflict,
  inTransaction,
  keepRevision,
  loadForWrite,
  parse,
  requireActor,
  targetChoices,
  type SaveResult,
} from "./write-core-mutations";

type Tx = Prisma.TransactionClient;

/**
 * Saves label, hint, constraint message and answer choices. A translator's save makes a draft; a reviewer's edit of a
 * text in review keeps it in review (the reviewer may correct before approving). Refused with the
 * saved version when someone saved since `revision` was read, and with the checks' warnings unless
 * the person confirmed them.
 */
export async function saveTranslation(
  actor: Actor,
  raw: SaveTranslationInput,
  { action = "save" }: { action?: "save" | "restore" | "import" } = {},
): Promise<SaveResult> {
  requireActor(actor);
  const input = parse(saveTranslationSchema, raw);
  const lang = input.lang as Language;
  // A field filled from a machine translation is saved like any other (a draft, reviewed as usual);
  // the version and the audit record say where it came from, for the reviewer.
  const recorded = action === "save" && input.origin === "machine" ? "machine" : action;
  return inTransaction(input.code, lang, (tx) => saveInTx(tx, actor, { ...input, lang }, recorded));
}

export async function saveInTx(
  tx: Tx,
  actor: NonNullable<Actor>,
  input: {
    code: string;
    lang: Language;
    /** Undefined leaves the label and hint as they are (an import that changes only answer choices) */
    label?: string;
    hint: string | null;
    /** Undefined leaves the constraint message as it is (a caller that does not show it) */
    constraintMessage?: string | null;
    /** `clear`: the label is emptied (an import's emptied cell, when the person asked for it) */
    choices: { name: string; label: string; revision: number; clear?: boolean }[];
    revision: number;
    acknowledgeWarnings: boolean;
    /** The label, hint and constraint message are emptied: the text becomes missing (an import's emptied cell) */
    clearText?: boolean;
  },
  action: string,
): Promise<SaveResult> {
  const { code, lang } = input;
  const loaded = await loadForWrite(tx, code, lang);
  const { q, text, work, textState, state } = loaded;
  if (!mayEditTranslation(actor, lang, state)) throw new TranslationError("forbidden");
  const reviewerEdit = isReviewerEdit(actor, lang, state);

  const source = await tx.questionText.findUnique({
    where: { questionId_lang: { questionId: q.id, lang: q.sourceLanguage } },
    select: { label: true, hint: true, constraintMessage: true },
  });
  const known = new Set(loaded.choices.map((c) => c.name));
  const unknown = input.choices.filter((c) => !known.has(c.name)).map((c) => c.name);
  if (unknown.length) throw new TranslationError("invalidInput", { fieldErrors: { choices: unknown } });
  const sourceChoices = Object.fromEntries(loaded.choices.map((c) => [c.name, c.sourceLabel]));
  const given = new Map(input.choices.map((c) => [c.name, c]));
  const present = textState !== "missing";
  const before = {
    label: present ? (work?.label ?? null) : null,
    hint: present ? (work?.hint ?? null) : null,
    constraintMessage: present ? (work?.constraintMessage ?? null) : null,
    choices: targetChoices(loaded),
    status: state,
  };
  const afterChoices = { ...before.choices };
  for (const [name, c] of given)
    if (c.clear) delete afterChoices[name];
    else if (c.label) afterChoices[name] = c.label;
  const cleared = input.clearText === true;
  const label = cleared ? null : (input.label ?? before.label);
  const hint = cleared ? null : input.label === undefined ? before.hint : input.hint;
  const constraintMessage = cleared
    ? null
    : input.label === undefined || input.constraintMessage === undefined
      ? before.constraintMessage
      : input.constraintMessage;

  const checked = checkTranslation(
    {
      label: source?.label ?? "",
      hint: source?.hint,
      constraintMessage: sourceConstraintMessage(q, source),
      choices: sourceChoices,
    },
    { label: label ?? "", hint, constraintMessage, choices: afterChoices },
    // The glossary's terms are English: a question written in another language is not held to them.
    q.sourceLanguage === SOURCE_LANGUAGE ? await findGlossaryEntries(tx, lang) : [],
    lang,
  );
  // An emptied text has nothing left to check.
  const textFields: Record<string, [string | null, string | null]> = {
    label: [label, before.label],
    hint: [hint, before.hint],
    constraintMessage: [constraintMessage, before.constraintMessage],
  };
  const problems = cleared ? checked.filter((p) => !(p.field in textFields)) : checked;
  // A blocking problem holds whatever was confirmed (editor, import, restore), but only in a field
  // this write changes: a text saved before the policy does not stop an edit of another field.
  const written = (field: string) =>
    field in textFields
      ? textFields[field][0] !== textFields[field][1]
      : afterChoices[field.slice(7)] !== before.choices[field.slice(7)];
  const { blocking } = splitByPolicy(problems, serverCheckPolicy());
  const held = blocking.filter((p) => written(p.field));
  if (held.length) throw new TranslationError("blocked", { warnings: held });
  if (!input.acknowledgeWarnings && problems.length) throw new TranslationError("warnings", { warnings: problems });

  const status: TranslationState = reviewerEdit ? "in_review" : "draft";
  // The text is written when it changed, or when an outdated one is confirmed against the new source.
  const textChanged =
    label !== null &&
    (!present || Object.values(textFields).some(([now, was]) => now !== was) || textState === "outdated");
  let revision: number;
  if (cleared) {
    if (!text || !present) return conflict(tx, code, lang);
    if (!(await clearQuestionText(tx, { row: text, revision: input.revision, actorId: actor.id })))
      await conflict(tx, code, lang);
    revision = input.revision + 1;
  } else if (textChanged) {
    const ok = await writeQuestionText(tx, {
      row: text,
      questionId: q.id,
      lang,
      label,
      hint,
      constraintMessage,
      status,
      sourceVersion: q.version,
      actorId: actor.id,
      revision: input.revision,
    });
    if (!ok) await conflict(tx, code, lang);
    revision = text ? input.revision + 1 : 0;
  } else if (text) {
    // The item's revision moves with any change to it, so that a reviewer approves what they saw.
    if (!(await stepQuestionText(tx, { row: text, revision: input.revision, to: status, move: false })))
      await conflict(tx, code, lang);
    revision = input.revision + 1;
  } else revision = -1;

  // Choice texts belong to their list (shared lists serve many questions): each has its own revision.
  const choiceStates: TranslationState[] = [];
  for (const choice of loaded.choices) {
    const change = given.get(choice.name);
    if (change?.clear) {
      if (!choice.row || !choice.work) await conflict(tx, code, lang);
      else if (!(await clearChoiceText(tx, { row: choice.row, revision: change.revision, actorId: actor.id })))
        await conflict(tx, code, lang);
      choiceStates.push("missing");
      continue;
    }
    const unchanged = !change || (choice.work && choice.work.label === change.label) || (!change.label && !choice.work);
    if (unchanged) {
      choiceStates.push(choice.state);
      continue;
    }
    if (!change.label)
      throw new TranslationError("invalidInput", { fieldErrors: { [`choice:${choice.name}`]: ["empty"] } });
    const ok = await writeChoiceText(tx, {
      row: choice.row,
      choiceId: choice.id,
      lang,
      label: change.label,
      status,
      sourceVersion: q.choiceList!.version,
      actorId: actor.id,
      revision: change.revision,
    });
    if (!ok) await conflict(tx, code, lang);
    choiceStates.push(choice.row?.status === "approved" && choice.row.label === change.label ? "approved" : status);
  }
  const after = itemState(cleared ? "missing" : textChanged ? status : textState, choiceStates);

  await keepRevision(tx, {
    questionId: q.id,
    lang,
    revision,
    action,
    label: label ?? "",
    hint,
    constraintMessage,
    choices: afterChoices,
    status: after,
    sourceVersion: q.version,
    actorId: actor.id,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `translation.${action}`,
    entityType: "translation",
    entityId: `${code}:${lang}`,
    before,
    after: { label, hint, constraintMessage, choices: afterChoices, status: after },
  });
  return { revision, state: after };
}
/** Saves an earlier version's text again, as a new draft (nothing is overwritten: history grows). */
export async function restoreTranslationRevision(
  actor: Actor,
  raw: { code: string; lang: string; revision: number; revisionId: string },
): Promise<SaveResult> {
  requireActor(actor);
  const input = parse(restoreSchema, raw);
  const lang = input.lang as Language;
  return inTransaction(input.code, lang, async (tx) => {
    const old = await tx.translationRevision.findUnique({
      where: { id: input.revisionId },
      select: {
        label: true,
        hint: true,
        constraintMessage: true,
        choices: true,
        lang: true,
        question: { select: { code: true } },
      },
    });
    if (!old || old.lang !== lang || old.question.code !== input.code) throw new TranslationError("notFound");
    const loaded = await loadForWrite(tx, input.code, lang);
    const oldChoices = old.choices as Record<string, string>;
    const choices = loaded.choices
      .filter((c) => oldChoices[c.name])
      .map((c) => ({ name: c.name, label: oldChoices[c.name], revision: c.row?.revision ?? -1 }));
    return saveInTx(
      tx,
      actor,
      {
        code: input.code,
        lang,
        label: old.label,
        hint: old.hint,
        constraintMessage: old.constraintMessage,
        choices,
        revision: input.revision,
        acknowledgeWarnings: true,
      },
      "restore",
    );
  });
}
