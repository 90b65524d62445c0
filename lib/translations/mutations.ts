// Writes of the translation workflow (TRAPD: translate, review, adjudicate, document). Each takes
// the acting person explicitly, checks lib/auth/permissions on the server, claims the text's
// optimistic-concurrency revision, keeps a TranslationRevision of the result and records an audit
// event, all in one transaction: a write is either applied whole or refused whole.
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import type { Language } from "../i18n/languages";
import { checkTranslation } from "./checks";
import { TranslationError, type SavedVersion } from "./errors";
import {
  commentSchema,
  restoreSchema,
  returnTranslationSchema,
  saveTranslationSchema,
  transitionSchema,
  type SaveTranslationInput,
  type TranslationState,
} from "./schema";
import { effectiveState } from "./state";
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
      texts: {
        where: { lang },
        select: {
          id: true,
          label: true,
          hint: true,
          status: true,
          sourceVersion: true,
          revision: true,
          updatedById: true,
        },
      },
      choiceList: {
        select: {
          id: true,
          version: true,
          choices: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              name: true,
              texts: { select: { id: true, lang: true, label: true, status: true, revision: true } },
            },
          },
        },
      },
    },
  });
  if (!q || !isInWorkingSet(q.status)) throw new TranslationError("notFound");
  if (lang === q.sourceLanguage) throw new TranslationError("sourceLanguage");
  const text = q.texts[0] ?? null;
  const state = effectiveState(text, q.version);
  return { q, text, state };
}

type Loaded = Awaited<ReturnType<typeof loadForWrite>>;

/** The target's choice labels as they stand (for revisions, conflicts and the audit trail). */
function targetChoices(loaded: Loaded, lang: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of loaded.q.choiceList?.choices ?? []) {
    const t = c.texts.find((x) => x.lang === lang);
    if (t && t.status !== "missing") out[c.name] = t.label;
  }
  return out;
}

async function savedVersion(tx: Tx, code: string, lang: Language): Promise<SavedVersion> {
  const loaded = await loadForWrite(tx, code, lang);
  const by = loaded.text?.updatedById
    ? await tx.user.findUnique({ where: { id: loaded.text.updatedById }, select: { name: true } })
    : null;
  return {
    label: loaded.text?.status === "missing" ? "" : (loaded.text?.label ?? ""),
    hint: loaded.text?.hint ?? null,
    choices: targetChoices(loaded, lang),
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
    label: string;
    hint: string | null;
    choices: { name: string; label: string; revision: number }[];
    revision: number;
    acknowledgeWarnings: boolean;
  },
  action: string,
): Promise<SaveResult> {
  const { code, lang } = input;
  const loaded = await loadForWrite(tx, code, lang);
  const { q, text, state } = loaded;
  if (!mayEditTranslation(actor, lang, state)) throw new TranslationError("forbidden");
  const reviewerEdit = isReviewerEdit(actor, lang, state);

  const source = await tx.questionText.findUnique({
    where: { questionId_lang: { questionId: q.id, lang: q.sourceLanguage } },
    select: { label: true, hint: true },
  });
  const choices = q.choiceList?.choices ?? [];
  const known = new Set(choices.map((c) => c.name));
  const unknown = input.choices.filter((c) => !known.has(c.name)).map((c) => c.name);
  if (unknown.length) throw new TranslationError("invalidInput", { fieldErrors: { choices: unknown } });
  const sourceChoices = Object.fromEntries(
    choices.map((c) => [c.name, c.texts.find((t) => t.lang === q.sourceLanguage)?.label ?? ""]),
  );
  const given = new Map(input.choices.map((c) => [c.name, c]));
  const before = {
    label: text?.label ?? null,
    hint: text?.hint ?? null,
    choices: targetChoices(loaded, lang),
    status: state,
  };
  const afterChoices = { ...before.choices };
  for (const [name, c] of given) if (c.label) afterChoices[name] = c.label;

  if (!input.acknowledgeWarnings) {
    const warnings = checkTranslation(
      { label: source?.label ?? "", hint: source?.hint, choices: sourceChoices },
      { label: input.label, hint: input.hint, choices: afterChoices },
    );
    if (warnings.length) throw new TranslationError("warnings", { warnings });
  }

  const status: TranslationState = reviewerEdit ? "in_review" : "draft";
  const data = { label: input.label, hint: input.hint, status, sourceVersion: q.version, updatedById: actor.id };
  let revision: number;
  if (text) {
    const claimed = await tx.questionText.updateMany({
      where: { id: text.id, revision: input.revision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (claimed.count === 0) await conflict(tx, code, lang);
    revision = input.revision + 1;
  } else {
    if (input.revision !== -1) await conflict(tx, code, lang);
    await tx.questionText.create({ data: { questionId: q.id, lang, ...data, revision: 0 } });
    revision = 0;
  }

  // Choice texts belong to their list (shared lists serve many questions): each has its own revision.
  for (const choice of choices) {
    const change = given.get(choice.name);
    if (!change) continue;
    const current = choice.texts.find((t) => t.lang === lang);
    if (current && current.status !== "missing" && current.label === change.label) continue;
    if (!change.label && (!current || current.status === "missing")) continue;
    if (!change.label)
      throw new TranslationError("invalidInput", { fieldErrors: { [`choice:${choice.name}`]: ["empty"] } });
    const choiceData = { label: change.label, status, sourceVersion: q.choiceList!.version, updatedById: actor.id };
    if (current) {
      const claimed = await tx.choiceText.updateMany({
        where: { id: current.id, revision: change.revision },
        data: { ...choiceData, revision: { increment: 1 } },
      });
      if (claimed.count === 0) await conflict(tx, code, lang);
    } else {
      if (change.revision !== -1) await conflict(tx, code, lang);
      await tx.choiceText.create({ data: { choiceId: choice.id, lang, ...choiceData, revision: 0 } });
    }
  }

  await keepRevision(tx, {
    questionId: q.id,
    lang,
    revision,
    action,
    label: input.label,
    hint: input.hint,
    choices: afterChoices,
    status,
    sourceVersion: q.version,
    actorId: actor.id,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `translation.${action}`,
    entityType: "translation",
    entityId: `${code}:${lang}`,
    before,
    after: { label: input.label, hint: input.hint, choices: afterChoices, status },
  });
  return { revision, state: status };
}

type Transition = {
  action: "submit" | "approve" | "return";
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
    const { q, text, state } = loaded;
    if (!text) throw new TranslationError("wrongStatus", { reason: state });
    if (text.revision !== input.revision) await conflict(tx, input.code, lang);
    if (state !== step.from) throw new TranslationError("wrongStatus", { reason: state });
    if (step.fourEyes) {
      const lastEditors = (await findLastEditors([q.id], lang, tx)).get(q.id) ?? [];
      if (!can(actor, "translation.approve", { lang, lastEditors })) throw new TranslationError("ownEdit");
    }
    const claimed = await tx.questionText.updateMany({
      where: { id: text.id, revision: input.revision },
      data: { status: step.to, revision: { increment: 1 } },
    });
    if (claimed.count === 0) await conflict(tx, input.code, lang);
    // The answer choices saved with this text move with it.
    if (q.choiceList) {
      await tx.choiceText.updateMany({
        where: { lang, status: step.from, choice: { listId: q.choiceList.id } },
        data: { status: step.to, revision: { increment: 1 } },
      });
    }
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
      label: text.label,
      hint: text.hint,
      choices: targetChoices(loaded, lang),
      status: step.to,
      sourceVersion: text.sourceVersion,
      actorId: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `translation.${kind}`,
      entityType: "translation",
      entityId: `${input.code}:${lang}`,
      before: { status: state },
      after: { status: step.to, ...(comment ? { comment } : {}) },
    });
    return { revision, state: step.to };
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
    const choices = (loaded.q.choiceList?.choices ?? [])
      .filter((c) => oldChoices[c.name])
      .map((c) => ({
        name: c.name,
        label: oldChoices[c.name],
        revision: c.texts.find((t) => t.lang === lang)?.revision ?? -1,
      }));
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
