// What every translation write shares: the input check, reading one question's text in one language
// inside the transaction, the transaction itself (a concurrent first save becomes a conflict), the
// conflict answer with the saved version, and the TranslationRevision each write keeps.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import { TranslationError, type SavedVersion } from "./errors";
import type { TranslationState } from "../vocabulary/enums";
import { effectiveState, itemState, PENDING_SELECT, QUESTION_EXTRA_SELECT, workingText } from "./state";
import type { TextRow } from "./review-mutations";
import { isInWorkingSet } from "../bank/visibility";

type Tx = Prisma.TransactionClient;
export type SaveResult = { revision: number; state: TranslationState };

export function parse<T>(
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

export function requireActor(actor: Actor): asserts actor is NonNullable<Actor> {
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
  status: true,
  sourceVersion: true,
  revision: true,
  updatedById: true,
  ...QUESTION_EXTRA_SELECT,
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
export async function loadForWrite(tx: Tx, code: string, lang: Language) {
  const q = await tx.question.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      status: true,
      version: true,
      sourceLanguage: true,
      constraint: true,
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
export function targetChoices(loaded: Loaded): Record<string, string> {
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
    constraintMessage: loaded.work?.constraintMessage ?? null,
    choices: targetChoices(loaded),
    status: loaded.state,
    revision: loaded.text?.revision ?? -1,
    updatedBy: by?.name ?? null,
  };
}

export async function conflict(tx: Tx, code: string, lang: Language): Promise<never> {
  throw new TranslationError("conflict", { current: await savedVersion(tx, code, lang) });
}

/** Runs a write; a unique violation (a concurrent first save) becomes a conflict like any other. */
export async function inTransaction<T>(code: string, lang: Language, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const current = await db.$transaction((tx) => savedVersion(tx, code, lang));
    throw new TranslationError("conflict", { current });
  }
}

export async function keepRevision(
  tx: Tx,
  args: {
    questionId: string;
    lang: Language;
    revision: number;
    action: string;
    label: string;
    hint: string | null;
    constraintMessage: string | null;
    choices: Record<string, string>;
    status: TranslationState;
    sourceVersion: number | null;
    actorId: string;
  },
) {
  const { actorId, ...data } = args;
  await tx.translationRevision.create({ data: { ...data, createdById: actorId }, select: { id: true } });
}
