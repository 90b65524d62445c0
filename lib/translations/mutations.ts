// Writes of the translation workflow (TRAPD: translate, review, adjudicate, document). Each takes
// the acting person explicitly, checks lib/auth/permissions on the server, claims the text's
// optimistic-concurrency revision, keeps a TranslationRevision of the result and records an audit
// event, all in one transaction: a write is either applied whole or refused whole.
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import { checkTranslation } from "./checks";
import { splitByPolicy } from "./check-policy";
import { serverCheckPolicy } from "./check-policy-server";
import { findGlossaryEntries } from "./glossary-data";
import { TranslationError, type SavedVersion } from "./errors";
import {
  commentSchema,
  restoreSchema,
  returnTranslationSchema,
  saveTranslationSchema,
  transitionSchema,
  type SaveTranslationInput,
} from "./schema";
import type { TranslationState } from "../vocabulary/enums";
import { effectiveState, itemState, PENDING_SELECT, workingText } from "./state";
import { stepChoiceText, stepQuestionText, writeChoiceText, writeQuestionText, type TextRow } from "./review-mutations";
import { isInWorkingSet } from "../bank/visibility";
import { isReviewerEdit, mayEditTranslation } from "./rules";
import { findLastEditors } from "./editor-data";

type Tx = Prisma.TransactionClient;
export type SaveResult = { revision: number; state: TranslationState };

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  throw new TranslationError("invalidInput", { fieldErrors });
}

function requireActor(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new TranslationError("unauthenticated");
}

/** PostgreSQL's unique violation: two first translations of one text created at once. */
function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === "P2002" ||
    /Unique constraint|unique_violation|23505/.test(String((error as Error)?.message ?? ""))
  );
}

const TEXT_ROW = {
  id: true,
  label: true,
  hint: true,
  status: true,
  sourceVersion: true,
  revision: true,
  updatedById: true,
  pendingHint: true,
  ...PENDING_SELECT,
} as const;
const CHOICE_ROW = {
  id: true,
  lang: true,
  label: true,
  status: true,
  sourceVersion: true,
  revision: true,
  updatedById: true,
  ...PENDING_SELECT,
} as const;

/** Everything a write needs to know about one question's text in one language, read inside the transaction. */
async function loadForWrite(tx: Tx, code: string, lang: Language) {
  const q = await tx.question.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      status: true,
      version: true,
      sourceLanguage: true,
      texts: { where: { lang }, select: TEXT_ROW },
      choiceList: {
        select: {
          id: true,
          version: true,
          choices: { orderBy: { position: "asc" }, select: { id: true, name: true, texts: { select: CHOICE_ROW } } },
        },
      },
    },
  });
  if (!q || !isInWorkingSet(q.status)) throw new TranslationError("notFound");
  if (lang === q.sourceLanguage) throw new TranslationError("sourceLanguage");
  const text: TextRow | null = q.texts[0] ?? null;
  const work = text ? workingText(text) : null;
  const textState = effectiveState(work, q.version);
  const choices = (q.choiceList?.choices ?? []).map((c) => {
    const row: TextRow | null = c.texts.find((t) => t.lang === lang) ?? null;
    const sourceLabel = c.texts.find((t) => t.lang === q.sourceLanguage)?.label ?? "";
    const w = row && row.status !== "missing" ? workingText(row) : null;
    return { id: c.id, name: c.name, row, sourceLabel, work: w, state: (w?.status ?? "missing") as TranslationState };
  });
  const state = itemState(
    textState,
    choices.map((c) => c.state),
  );
  return { q, text, work, textState, choices, state };
}

type Loaded = Awaited<ReturnType<typeof loadForWrite>>;

/** The target's choice labels as translators see them (for revisions, conflicts and the audit trail). */
function targetChoices(loaded: Loaded): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of loaded.choices) if (c.work) out[c.name] = c.work.label;
  return out;
}

async function savedVersion(tx: Tx, code: string, lang: Language): Promise<SavedVersion> {
  const loaded = await loadForWrite(tx, code, lang);
  const by = loaded.work?.updatedById
    ? await tx.user.findUnique({ where: { id: loaded.work.updatedById }, select: { name: true } })
    : null;
  return {
    label: loaded.textState === "missing" ? "" : (loaded.work?.label ?? ""),
    hint: loaded.work?.hint ?? null,
    choices: targetChoices(loaded),
    status: loaded.state,
    revision: loaded.text?.revision ?? -1,
    updatedBy: by?.name ?? null,
  };
}

async function conflict(tx: Tx, code: string, lang: Language): Promise<never> {
  throw new TranslationError("conflict", { current: await savedVersion(tx, code, lang) });
}

/** Runs a write; a unique violation (a concurrent first save) becomes a conflict like any other. */
async function inTransaction<T>(code: string, lang: Language, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const current = await db.$transaction((tx) => savedVersion(tx, code, lang));
    throw new TranslationError("conflict", { current });
  }
}

async function keepRevision(
  tx: Tx,
  args: {
    questionId: string;
    lang: Language;
    revision: number;
    action: string;
    label: string;
    hint: string | null;
    choices: Record<string, string>;
    status: TranslationState;
    sourceVersion: number | null;
    actorId: string;
  },
) {
  const { actorId, ...data } = args;
  await tx.translationRevision.create({ data: { ...data, createdById: actorId }, select: { id: true } });
}

/**
 * Saves label, hint and answer choices. A translator's save makes a draft; a reviewer's edit of a
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
  return inTransaction(input.code, lang, (tx) => saveInTx(tx, actor, { ...input, lang }, action));
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
    choices: { name: string; label: string; revision: number }[];
    revision: number;
    acknowledgeWarnings: boolean;
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
    select: { label: true, hint: true },
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
    choices: targetChoices(loaded),
    status: state,
  };
  const afterChoices = { ...before.choices };
  for (const [name, c] of given) if (c.label) afterChoices[name] = c.label;
  const label = input.label ?? before.label;
  const hint = input.label === undefined ? before.hint : input.hint;

  const problems = checkTranslation(
    { label: source?.label ?? "", hint: source?.hint, choices: sourceChoices },
    { label: label ?? "", hint, choices: afterChoices },
    // The glossary's terms are English: a question written in another language is not held to them.
    q.sourceLanguage === SOURCE_LANGUAGE ? await findGlossaryEntries(tx, lang) : [],
    lang,
  );
  // A blocking problem holds whatever was confirmed (editor, import, restore), but only in a field
  // this write changes: a text saved before the policy does not stop an edit of another field.
  const written = (field: string) =>
    field === "label"
      ? label !== before.label
      : field === "hint"
        ? hint !== before.hint
        : afterChoices[field.slice(7)] !== before.choices[field.slice(7)];
  const { blocking } = splitByPolicy(problems, serverCheckPolicy());
  const held = blocking.filter((p) => written(p.field));
  if (held.length) throw new TranslationError("blocked", { warnings: held });
  if (!input.acknowledgeWarnings && problems.length) throw new TranslationError("warnings", { warnings: problems });

  const status: TranslationState = reviewerEdit ? "in_review" : "draft";
  // The text is written when it changed, or when an outdated one is confirmed against the new source.
  const textChanged =
    label !== null && (!present || label !== before.label || hint !== before.hint || textState === "outdated");
  let revision: number;
  if (textChanged) {
    const ok = await writeQuestionText(tx, {
      row: text,
      questionId: q.id,
      lang,
      label,
      hint,
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
  const after = itemState(textChanged ? status : textState, choiceStates);

  await keepRevision(tx, {
    questionId: q.id,
    lang,
    revision,
    action,
    label: label ?? "",
    hint,
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
    after: { label, hint, choices: afterChoices, status: after },
  });
  return { revision, state: after };
}

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

async function transition(
  actor: Actor,
  raw: unknown,
  kind: Transition["action"],
  comment?: string,
): Promise<SaveResult> {
  requireActor(actor);
  const input = parse(transitionSchema, raw);
  const lang = input.lang as Language;
  const step = TRANSITIONS[kind];
  if (!can(actor, step.gate, { lang })) throw new TranslationError("forbidden");
  return inTransaction(input.code, lang, async (tx) => {
    const loaded = await loadForWrite(tx, input.code, lang);
    const { q, text, work, textState, state } = loaded;
    if (!text || !work) throw new TranslationError("wrongStatus", { reason: state });
    if (text.revision !== input.revision) await conflict(tx, input.code, lang);
    if (state !== step.from) throw new TranslationError("wrongStatus", { reason: state });
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
  });
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

/** A comment on the translation's thread, by its translators or reviewers. */
export async function addTranslationComment(actor: Actor, raw: { code: string; lang: string; body: string }) {
  requireActor(actor);
  const input = parse(commentSchema, raw);
  const lang = input.lang as Language;
  if (!can(actor, "translation.edit", { lang }) && !can(actor, "translation.review", { lang }))
    throw new TranslationError("forbidden");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await tx.question.findUnique({ where: { code: input.code }, select: { id: true, status: true } });
    if (!q || !isInWorkingSet(q.status)) throw new TranslationError("notFound");
    const comment = await tx.translationComment.create({
      data: { questionId: q.id, lang, body: input.body, authorId: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "translation.comment",
      entityType: "translation",
      entityId: `${input.code}:${lang}`,
      after: { body: input.body },
    });
    return comment;
  });
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
      select: { label: true, hint: true, choices: true, lang: true, question: { select: { code: true } } },
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
        choices,
        revision: input.revision,
        acknowledgeWarnings: true,
      },
      "restore",
    );
  });
}
