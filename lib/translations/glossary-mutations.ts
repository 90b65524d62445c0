// Writes of the glossary (termbase), shaped like every write of the app: zod → can() → claim the
// revision in the UPDATE's WHERE (a miss is a conflict that returns the saved term) → write →
// recordAudit, in one transaction. Imports (glossary-import-mutations.ts) reuse writeTerm.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import type { Language } from "../i18n/languages";
import { toGlossaryRow, type GlossaryRow } from "./glossary-data";
import { GlossaryError } from "./glossary-errors";
import {
  createGlossaryTermSchema,
  deleteGlossaryTermSchema,
  updateGlossaryTermSchema,
  type GlossaryTermFields,
} from "./glossary-schema";

type Tx = Prisma.TransactionClient;
const ROW = {
  id: true,
  lang: true,
  term: true,
  approved: true,
  forms: true,
  forbidden: true,
  except: true,
  note: true,
  domain: true,
  revision: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

function parse<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, input: unknown) {
  const parsed = schema.safeParse(input) as
    { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  throw new GlossaryError("invalidInput", { fieldErrors });
}

function requireEditor(actor: Actor, lang: Language): asserts actor is NonNullable<Actor> {
  if (!actor) throw new GlossaryError("unauthenticated");
  if (!can(actor, "glossary.edit", { lang })) throw new GlossaryError("forbidden");
}

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === "P2002" ||
  /Unique constraint|unique_violation|23505/.test(String((error as Error)?.message ?? ""));

/** The audit trail's view of a term: its content, without timestamps. */
const audited = (row: GlossaryRow | null) =>
  row && {
    lang: row.lang,
    term: row.term,
    approved: row.approved,
    forms: row.forms,
    forbidden: row.forbidden,
    except: row.except,
    note: row.note,
    domain: row.domain,
    revision: row.revision,
  };

async function findRow(tx: Tx, where: { id: string } | { lang_term: { lang: string; term: string } }) {
  const row = await tx.glossaryTerm.findUnique({ where, select: ROW });
  return row ? toGlossaryRow(row) : null;
}

async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
  } catch (error) {
    // Two people adding the same term at once, or a rename onto an existing term.
    if (isUniqueViolation(error)) throw new GlossaryError("duplicateTerm");
    throw error;
  }
}

/**
 * Creates the term, or, given the revision that was read, updates it: the claim is the UPDATE's
 * WHERE (id and revision), so that of two concurrent edits the second is refused with the saved term.
 */
export async function writeTerm(
  tx: Tx,
  actor: NonNullable<Actor>,
  args: { lang: Language; fields: GlossaryTermFields; id?: string; revision?: number; action: string },
): Promise<GlossaryRow> {
  const { lang, fields, id, revision, action } = args;
  if (id === undefined) {
    if (await findRow(tx, { lang_term: { lang, term: fields.term } })) throw new GlossaryError("duplicateTerm");
    const created = await tx.glossaryTerm.create({ data: { ...fields, lang, updatedById: actor.id }, select: ROW });
    const row = toGlossaryRow(created);
    await recordAudit(tx, {
      actorId: actor.id,
      action: `glossary.${action === "import" ? "import" : "create"}`,
      entityType: "glossaryTerm",
      entityId: row.id,
      after: audited(row),
    });
    return row;
  }
  const before = await findRow(tx, { id });
  if (!before || before.lang !== lang) throw new GlossaryError("notFound");
  const claimed = await tx.glossaryTerm.updateMany({
    where: { id, revision },
    data: { ...fields, revision: { increment: 1 }, updatedById: actor.id },
  });
  if (claimed.count !== 1) throw new GlossaryError("conflict", { current: await findRow(tx, { id }) });
  const row = (await findRow(tx, { id }))!;
  await recordAudit(tx, {
    actorId: actor.id,
    action: `glossary.${action}`,
    entityType: "glossaryTerm",
    entityId: id,
    before: audited(before),
    after: audited(row),
  });
  return row;
}

export async function createGlossaryTerm(actor: Actor, raw: unknown): Promise<GlossaryRow> {
  const { lang, ...fields } = parse(createGlossaryTermSchema, raw);
  requireEditor(actor, lang as Language);
  return inTransaction((tx) => writeTerm(tx, actor, { lang: lang as Language, fields, action: "create" }));
}

export async function updateGlossaryTerm(actor: Actor, raw: unknown): Promise<GlossaryRow> {
  const { lang, id, revision, ...fields } = parse(updateGlossaryTermSchema, raw);
  requireEditor(actor, lang as Language);
  return inTransaction((tx) =>
    writeTerm(tx, actor, { lang: lang as Language, fields, id, revision, action: "update" }),
  );
}

/** Deletes the term as it was read: a term changed since is a conflict, not a silent loss. */
export async function deleteGlossaryTerm(actor: Actor, raw: unknown): Promise<void> {
  const { lang, id, revision } = parse(deleteGlossaryTermSchema, raw);
  requireEditor(actor, lang as Language);
  await inTransaction(async (tx) => {
    const before = await findRow(tx, { id });
    if (!before || before.lang !== lang) throw new GlossaryError("notFound");
    const claimed = await tx.glossaryTerm.deleteMany({ where: { id, revision } });
    if (claimed.count !== 1) throw new GlossaryError("conflict", { current: await findRow(tx, { id }) });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "glossary.delete",
      entityType: "glossaryTerm",
      entityId: id,
      before: audited(before),
    });
  });
}
