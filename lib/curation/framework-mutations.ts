// The framework (domains → topics → indicators), kept by administrators. An indicator that
// questions point at is never deleted: it is merged into another (its links move) or retired.
// Every write claims the `revision` it was read at in the UPDATE's (or DELETE's) WHERE: on
// PostgreSQL a concurrent write of the same row waits for this one, then matches nothing and is
// refused with the saved version, so two administrators never overwrite each other unseen. (A
// read-then-compare of `updatedAt` let both through: both read before either committed.)
import "server-only";
import { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import type { Person } from "../auth/permissions";
import { CurationError } from "./errors";
import { domainInputSchema, indicatorInputSchema, topicInputSchema } from "./schema";
import { audit, requirePermission, type Tx } from "./version-mutations";
import { frameworkVersionInTx, type FrameworkKind } from "./framework-data";

type Edit = { actor: Person | null; code?: string; revision?: number; input: unknown };
type Claim = { actor: Person | null; code: string; revision: number };

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
const isForeignKeyViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2003";
/** Two merges pointing at each other lock in opposite orders: PostgreSQL aborts one, which is a conflict. */
const isDeadlock = (e: unknown) =>
  (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2034") ||
  /deadlock detected|40P01/.test(String((e as Error)?.message ?? ""));

async function conflict(tx: Tx, kind: FrameworkKind, code: string): Promise<never> {
  throw new CurationError("conflict", { current: await frameworkVersionInTx(tx, kind, code) });
}

/** An unclaimed write (no revision sent for an existing entry) is a conflict too: it was never read. */
function claimed(revision: number | undefined): revision is number {
  return typeof revision === "number" && Number.isInteger(revision) && revision >= 0;
}

/** Runs one framework write; a code taken by a concurrent create reads as "codeTaken", not a 500. */
async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CurationError("codeTaken");
    if (isDeadlock(error)) throw new CurationError("conflict");
    throw error;
  }
}

export async function saveDomain({ actor, code, revision, input }: Edit) {
  requirePermission(actor, "framework.edit");
  const data = domainInputSchema.parse(input);
  return inTransaction(async (tx) => {
    const before = code ? await tx.domain.findUnique({ where: { code } }) : null;
    if (code && !before) throw new CurationError("notFound");
    if (data.code !== code && (await tx.domain.findUnique({ where: { code: data.code }, select: { id: true } })))
      throw new CurationError("codeTaken");
    if (before) {
      if (!claimed(revision)) return conflict(tx, "domain", before.code);
      const { count } = await tx.domain.updateMany({
        where: { id: before.id, revision },
        data: { ...data, revision: { increment: 1 } },
      });
      if (count === 0) return conflict(tx, "domain", before.code);
    }
    const row = before
      ? await tx.domain.findUniqueOrThrow({ where: { id: before.id } })
      : await tx.domain.create({ data: { ...data, position: await tx.domain.count() } });
    await audit(tx, actor, {
      action: before ? "domain.update" : "domain.create",
      entityType: "framework",
      entityId: row.id,
      before,
      after: row,
    });
    return { code: row.code, revision: row.revision };
  });
}

export async function saveTopic({ actor, code, revision, input }: Edit) {
  requirePermission(actor, "framework.edit");
  const { domainCode, ...data } = topicInputSchema.parse(input);
  return inTransaction(async (tx) => {
    const domain = await tx.domain.findUnique({ where: { code: domainCode }, select: { id: true } });
    if (!domain) throw new CurationError("notFound");
    const before = code ? await tx.topic.findUnique({ where: { code } }) : null;
    if (code && !before) throw new CurationError("notFound");
    if (data.code !== code && (await tx.topic.findUnique({ where: { code: data.code }, select: { id: true } })))
      throw new CurationError("codeTaken");
    const fields = { ...data, domainId: domain.id };
    if (before) {
      if (!claimed(revision)) return conflict(tx, "topic", before.code);
      const { count } = await tx.topic.updateMany({
        where: { id: before.id, revision },
        data: { ...fields, revision: { increment: 1 } },
      });
      if (count === 0) return conflict(tx, "topic", before.code);
    }
    const row = before
      ? await tx.topic.findUniqueOrThrow({ where: { id: before.id } })
      : await tx.topic.create({
          data: { ...fields, position: await tx.topic.count({ where: { domainId: domain.id } }) },
        });
    await audit(tx, actor, {
      action: before ? "topic.update" : "topic.create",
      entityType: "framework",
      entityId: row.id,
      before,
      after: row,
    });
    return { code: row.code, revision: row.revision };
  });
}

export async function saveIndicator({ actor, code, revision, input }: Edit) {
  requirePermission(actor, "framework.edit");
  const { topicCode, ...data } = indicatorInputSchema.parse(input);
  return inTransaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { code: topicCode }, select: { id: true } });
    if (!topic) throw new CurationError("notFound");
    const before = code ? await tx.indicator.findUnique({ where: { code } }) : null;
    if (code && !before) throw new CurationError("notFound");
    if (data.code !== code && (await tx.indicator.findUnique({ where: { code: data.code }, select: { id: true } })))
      throw new CurationError("codeTaken");
    const fields = { ...data, topicId: topic.id };
    if (before) {
      if (!claimed(revision)) return conflict(tx, "indicator", before.code);
      const { count } = await tx.indicator.updateMany({
        where: { id: before.id, revision },
        data: { ...fields, revision: { increment: 1 } },
      });
      if (count === 0) return conflict(tx, "indicator", before.code);
    }
    const row = before
      ? await tx.indicator.findUniqueOrThrow({ where: { id: before.id } })
      : await tx.indicator.create({
          data: { ...fields, references: [], position: await tx.indicator.count({ where: { topicId: topic.id } }) },
        });
    await audit(tx, actor, {
      action: before ? "indicator.update" : "indicator.create",
      entityType: "framework",
      entityId: row.id,
      before,
      after: row,
    });
    return { code: row.code, revision: row.revision };
  });
}

/** Deletes an indicator nothing points at; refused ("indicatorInUse", with the count) otherwise. */
export async function deleteIndicator({ actor, code, revision }: Claim) {
  requirePermission(actor, "framework.edit");
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.indicator.findUnique({ where: { code } });
      if (!before) throw new CurationError("notFound");
      const questions = await tx.questionIndicator.count({ where: { indicatorId: before.id } });
      if (questions > 0) throw new CurationError("indicatorInUse", { questions });
      const { count } = await tx.indicator.deleteMany({ where: { id: before.id, revision } });
      if (count === 0) return conflict(tx, "indicator", code);
      await audit(tx, actor, { action: "indicator.delete", entityType: "framework", entityId: before.id, before });
    });
  } catch (error) {
    // A curator linked a question to it after the count was taken: the foreign key refuses the delete.
    if (isForeignKeyViolation(error)) throw new CurationError("indicatorInUse", { questions: 1 });
    throw error;
  }
}

/** Moves every question link of `code` to `intoCode`, then retires `code` with a pointer to it. */
export async function mergeIndicator({ actor, code, intoCode, revision }: Claim & { intoCode: string }) {
  requirePermission(actor, "framework.edit");
  if (code === intoCode) throw new CurationError("sameIndicator");
  return inTransaction(async (tx) => {
    const [from, into] = await Promise.all([
      tx.indicator.findUnique({ where: { code } }),
      tx.indicator.findUnique({ where: { code: intoCode } }),
    ]);
    if (!from || !into || into.retiredAt) throw new CurationError("notFound");
    // The claim comes first: it locks `from`, so a second merge or a retire waits, then fails its own claim.
    const retiredAt = new Date();
    const { count } = await tx.indicator.updateMany({
      where: { id: from.id, revision, mergedIntoId: null },
      data: { retiredAt, mergedIntoId: into.id, revision: { increment: 1 } },
    });
    if (count === 0) return conflict(tx, "indicator", code);
    // The target must stay open while the links move: a concurrent retire of it waits for this merge.
    const open = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM indicator WHERE id = ${into.id} AND "retiredAt" IS NULL FOR SHARE`;
    if (open.length === 0) throw new CurationError("notFound");
    const links = await tx.questionIndicator.findMany({
      where: { indicatorId: from.id },
      select: { questionId: true },
    });
    await tx.questionIndicator.deleteMany({ where: { indicatorId: from.id } });
    await tx.questionIndicator.createMany({
      data: links.map((l) => ({ questionId: l.questionId, indicatorId: into.id })),
      skipDuplicates: true,
    });
    const after = await tx.indicator.findUniqueOrThrow({ where: { id: from.id } });
    await audit(tx, actor, {
      action: "indicator.merge",
      entityType: "framework",
      entityId: from.id,
      before: from,
      after: { ...after, intoCode, movedQuestions: links.length },
    });
    return { moved: links.length, revision: after.revision };
  });
}

export async function setIndicatorRetired({ actor, code, revision, retired }: Claim & { retired: boolean }) {
  requirePermission(actor, "framework.edit");
  return inTransaction(async (tx) => {
    const before = await tx.indicator.findUnique({ where: { code } });
    if (!before) throw new CurationError("notFound");
    if (!retired && before.mergedIntoId) throw new CurationError("wrongStatus");
    const { count } = await tx.indicator.updateMany({
      where: { id: before.id, revision, ...(retired ? {} : { mergedIntoId: null }) },
      data: { retiredAt: retired ? new Date() : null, revision: { increment: 1 } },
    });
    if (count === 0) return conflict(tx, "indicator", code);
    const after = await tx.indicator.findUniqueOrThrow({ where: { id: before.id } });
    await audit(tx, actor, {
      action: retired ? "indicator.retire" : "indicator.restore",
      entityType: "framework",
      entityId: before.id,
      before,
      after,
    });
    return { revision: after.revision };
  });
}
