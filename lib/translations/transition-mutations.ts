// The steps of a translation's review (TRAPD): submit, approve, return with a comment, confirm an
// outdated text still valid. One table says which state each leaves and reaches and who may take
// it; four eyes keep the last editor from approving their own text.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import type { Language } from "../i18n/languages";
import { TranslationError } from "./errors";
import { returnTranslationSchema, transitionSchema } from "./schema";
import type { TranslationState } from "../vocabulary/enums";
import { itemState, sourceConstraintMessage } from "./state";
import { stepChoiceText, stepQuestionText } from "./review-mutations";
import { findLastEditors } from "./editor-data";
import { SOURCE_LANGUAGE } from "../i18n/languages";
import { checkTranslation } from "./checks";
import { splitByPolicy } from "./check-policy";
import { serverCheckPolicy } from "./check-policy-server";
import { findGlossaryEntries } from "./glossary-data";
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

type Transition = {
  action: "submit" | "approve" | "return" | "stillValid";
  from: TranslationState;
  to: TranslationState;
  /** Checked before anything is read: may this person take this kind of step in this language at all? */
  gate: "translation.submit" | "translation.review";
  /** Four eyes: approval is also refused to the text's last editor ("ownEdit"), whatever their roles. */
  fourEyes: boolean;
};
const TRANSITIONS: Record<Transition["action"], Transition> = {
  submit: { action: "submit", from: "draft", to: "in_review", gate: "translation.submit", fourEyes: false },
  approve: { action: "approve", from: "in_review", to: "approved", gate: "translation.review", fourEyes: true },
  return: { action: "return", from: "in_review", to: "draft", gate: "translation.review", fourEyes: false },
  // An outdated text whose English change needs no new wording: a reviewer who did not write it
  // confirms it as it is, and it is approved for the new source version without being retyped.
  stillValid: { action: "stillValid", from: "outdated", to: "approved", gate: "translation.review", fourEyes: true },
};

export type TransitionKind = Transition["action"];

/** Whom a step is for (the bulk actions refuse the whole request to anyone else, before reading). */
export function transitionGate(kind: TransitionKind): Transition["gate"] {
  return TRANSITIONS[kind].gate;
}

async function transition(
  actor: Actor,
  raw: unknown,
  kind: Transition["action"],
  comment?: string,
): Promise<SaveResult> {
  requireActor(actor);
  const input = parse(transitionSchema, raw);
  const lang = input.lang as Language;
  if (!can(actor, TRANSITIONS[kind].gate, { lang })) throw new TranslationError("forbidden");
  return inTransaction(input.code, lang, (tx) => transitionInTx(tx, actor, { ...input, lang }, kind, comment));
}

/**
 * One step of one item inside the caller's transaction (the single-item actions and the queue's
 * bulk actions alike): the gate, the revision claim, four eyes, the move, the revision kept and
 * the audit event.
 */
export async function transitionInTx(
  tx: Tx,
  actor: NonNullable<Actor>,
  input: { code: string; lang: Language; revision: number },
  kind: TransitionKind,
  comment?: string,
): Promise<SaveResult> {
  const lang = input.lang;
  const step = TRANSITIONS[kind];
  if (!can(actor, step.gate, { lang })) throw new TranslationError("forbidden");
  const loaded = await loadForWrite(tx, input.code, lang);
  const { q, text, work, textState, state } = loaded;
  if (!text || !work) throw new TranslationError("wrongStatus", { reason: state });
  if (text.revision !== input.revision) await conflict(tx, input.code, lang);
  if (state !== step.from) throw new TranslationError("wrongStatus", { reason: state });
  // A text with a blocking problem (saved before the policy made it blocking) goes no further
  // along the review path until it is corrected.
  if (kind === "submit" || kind === "approve") await refuseBlocking(tx, loaded, lang);
  if (step.fourEyes) {
    const which = kind === "stillValid" ? "any" : "in_review";
    const lastEditors = (await findLastEditors([q.id], lang, tx, which)).get(q.id) ?? [];
    if (!can(actor, "translation.approve", { lang, lastEditors })) throw new TranslationError("ownEdit");
  }
  // Every part of the item in the step's state moves: the text and each answer choice label (a
  // shared list's labels once, for all the questions that use it).
  const moved = await stepQuestionText(tx, {
    row: text,
    revision: input.revision,
    to: step.to,
    move: textState === step.from,
    ...(kind === "stillValid" ? { sourceVersion: q.version } : {}),
  });
  if (!moved) await conflict(tx, input.code, lang);
  const choiceStates: TranslationState[] = [];
  for (const c of loaded.choices) {
    if (c.row && c.state === step.from) {
      if (!(await stepChoiceText(tx, { row: c.row, to: step.to }))) await conflict(tx, input.code, lang);
      choiceStates.push(step.to);
    } else choiceStates.push(c.state);
  }
  const after = itemState(textState === step.from ? step.to : textState, choiceStates);
  if (comment)
    await tx.translationComment.create({
      data: { questionId: q.id, lang, kind: "return", body: comment, authorId: actor.id },
    });
  const revision = input.revision + 1;
  await keepRevision(tx, {
    questionId: q.id,
    lang,
    revision,
    action: kind,
    label: work.label,
    hint: work.hint,
    constraintMessage: work.constraintMessage,
    choices: targetChoices(loaded),
    status: after,
    sourceVersion: kind === "stillValid" ? q.version : work.sourceVersion,
    actorId: actor.id,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `translation.${kind}`,
    entityType: "translation",
    entityId: `${input.code}:${lang}`,
    before: { status: state },
    after: { status: after, ...(comment ? { comment } : {}) },
  });
  return { revision, state: after };
}

async function refuseBlocking(
  tx: Prisma.TransactionClient,
  loaded: Awaited<ReturnType<typeof loadForWrite>>,
  lang: Language,
) {
  const { q, work } = loaded;
  const source = await tx.questionText.findUnique({
    where: { questionId_lang: { questionId: q.id, lang: q.sourceLanguage } },
    select: { label: true, hint: true, constraintMessage: true },
  });
  const problems = checkTranslation(
    {
      label: source?.label ?? "",
      hint: source?.hint,
      constraintMessage: sourceConstraintMessage(q, source),
      choices: Object.fromEntries(loaded.choices.map((c) => [c.name, c.sourceLabel])),
    },
    {
      label: work?.label ?? "",
      hint: work?.hint,
      constraintMessage: work?.constraintMessage,
      choices: targetChoices(loaded),
    },
    q.sourceLanguage === SOURCE_LANGUAGE ? await findGlossaryEntries(tx, lang) : [],
    lang,
  );
  const { blocking } = splitByPolicy(problems, serverCheckPolicy());
  if (blocking.length) throw new TranslationError("blocked", { warnings: blocking });
}

/** draft → in review (the translator asks for review). */
export function submitTranslation(actor: Actor, input: { code: string; lang: string; revision: number }) {
  return transition(actor, input, "submit");
}

/** in review → approved (reviewers of the language only). */
export function approveTranslation(actor: Actor, input: { code: string; lang: string; revision: number }) {
  return transition(actor, input, "approve");
}

/** outdated → approved for the new source version, unchanged (reviewers who did not write it only). */
export function confirmStillValid(actor: Actor, input: { code: string; lang: string; revision: number }) {
  return transition(actor, input, "stillValid");
}

/** in review → draft, with the reviewer's comment saying what to fix. */
export async function returnTranslation(
  actor: Actor,
  raw: { code: string; lang: string; revision: number; comment: string },
) {
  const input = parse(returnTranslationSchema, raw);
  return transition(actor, input, "return", input.comment);
}
