// The framework (domains → topics → indicators), kept by administrators. An indicator that
// questions point at is never deleted: it is merged into another (its links move) or retired.
// Edits carry the `updatedAt` they started from, so that two administrators never overwrite
// each other unseen.
import { getDb } from "../db/client";
import { CurationError } from "./errors";
import { domainInputSchema, indicatorInputSchema, topicInputSchema, type CurationActor } from "./schema";
import { audit, requireRole } from "./version-mutations";

type Stamp = { actor: CurationActor | null; code: string; updatedAt: string };

const sameInstant = (a: Date, b: string) => a.getTime() === new Date(b).getTime();

export async function saveDomain({ actor, code, updatedAt, input }: Partial<Stamp> & { actor: CurationActor | null; input: unknown }) {
  requireRole(actor, "admin");
  const data = domainInputSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = code ? await tx.domain.findUnique({ where: { code } }) : null;
    if (code && !before) throw new CurationError("notFound");
    if (before && (!updatedAt || !sameInstant(before.updatedAt, updatedAt))) throw new CurationError("conflict", { current: before });
    if (data.code !== code && (await tx.domain.findUnique({ where: { code: data.code }, select: { id: true } }))) throw new CurationError("codeTaken");
    const row = before
      ? await tx.domain.update({ where: { id: before.id }, data })
      : await tx.domain.create({ data: { ...data, position: await tx.domain.count() } });
    await audit(tx, actor, { action: before ? "domain.update" : "domain.create", entityType: "framework", entityId: row.id, before, after: row });
    return { code: row.code };
  });
}

export async function saveTopic({ actor, code, updatedAt, input }: Partial<Stamp> & { actor: CurationActor | null; input: unknown }) {
  requireRole(actor, "admin");
  const { domainCode, ...data } = topicInputSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const domain = await tx.domain.findUnique({ where: { code: domainCode }, select: { id: true } });
    if (!domain) throw new CurationError("notFound");
    const before = code ? await tx.topic.findUnique({ where: { code } }) : null;
    if (code && !before) throw new CurationError("notFound");
    if (before && (!updatedAt || !sameInstant(before.updatedAt, updatedAt))) throw new CurationError("conflict", { current: before });
    if (data.code !== code && (await tx.topic.findUnique({ where: { code: data.code }, select: { id: true } }))) throw new CurationError("codeTaken");
    const fields = { ...data, domainId: domain.id };
    const row = before
      ? await tx.topic.update({ where: { id: before.id }, data: fields })
      : await tx.topic.create({ data: { ...fields, position: await tx.topic.count({ where: { domainId: domain.id } }) } });
    await audit(tx, actor, { action: before ? "topic.update" : "topic.create", entityType: "framework", entityId: row.id, before, after: row });
    return { code: row.code };
  });
}

export async function saveIndicator({ actor, code, updatedAt, input }: Partial<Stamp> & { actor: CurationActor | null; input: unknown }) {
  requireRole(actor, "admin");
  const { topicCode, ...data } = indicatorInputSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { code: topicCode }, select: { id: true } });
    if (!topic) throw new CurationError("notFound");
    const before = code ? await tx.indicator.findUnique({ where: { code } }) : null;
    if (code && !before) throw new CurationError("notFound");
    if (before && (!updatedAt || !sameInstant(before.updatedAt, updatedAt))) throw new CurationError("conflict", { current: before });
    if (data.code !== code && (await tx.indicator.findUnique({ where: { code: data.code }, select: { id: true } }))) throw new CurationError("codeTaken");
    const fields = { ...data, topicId: topic.id };
    const row = before
      ? await tx.indicator.update({ where: { id: before.id }, data: fields })
      : await tx.indicator.create({ data: { ...fields, references: [], position: await tx.indicator.count({ where: { topicId: topic.id } }) } });
    await audit(tx, actor, { action: before ? "indicator.update" : "indicator.create", entityType: "framework", entityId: row.id, before, after: row });
    return { code: row.code };
  });
}

/** Deletes an indicator nothing points at; refused ("indicatorInUse", with the count) otherwise. */
export async function deleteIndicator({ actor, code }: { actor: CurationActor | null; code: string }) {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.indicator.findUnique({ where: { code } });
    if (!before) throw new CurationError("notFound");
    const questions = await tx.questionIndicator.count({ where: { indicatorId: before.id } });
    if (questions > 0) throw new CurationError("indicatorInUse", { questions });
    await tx.indicator.delete({ where: { id: before.id } });
    await audit(tx, actor, { action: "indicator.delete", entityType: "framework", entityId: before.id, before });
  });
}

/** Moves every question link of `code` to `intoCode`, then retires `code` with a pointer to it. */
export async function mergeIndicator({ actor, code, intoCode }: { actor: CurationActor | null; code: string; intoCode: string }) {
  requireRole(actor, "admin");
  if (code === intoCode) throw new CurationError("sameIndicator");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const [from, into] = await Promise.all([tx.indicator.findUnique({ where: { code } }), tx.indicator.findUnique({ where: { code: intoCode } })]);
    if (!from || !into || into.retiredAt) throw new CurationError("notFound");
    const links = await tx.questionIndicator.findMany({ where: { indicatorId: from.id }, select: { questionId: true } });
    await tx.questionIndicator.deleteMany({ where: { indicatorId: from.id } });
    await tx.questionIndicator.createMany({ data: links.map((l) => ({ questionId: l.questionId, indicatorId: into.id })), skipDuplicates: true });
    const after = await tx.indicator.update({ where: { id: from.id }, data: { retiredAt: new Date(), mergedIntoId: into.id } });
    await audit(tx, actor, { action: "indicator.merge", entityType: "framework", entityId: from.id, before: from, after: { ...after, intoCode, movedQuestions: links.length } });
    return { moved: links.length };
  });
}

export async function setIndicatorRetired({ actor, code, retired }: { actor: CurationActor | null; code: string; retired: boolean }) {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.indicator.findUnique({ where: { code } });
    if (!before) throw new CurationError("notFound");
    if (!retired && before.mergedIntoId) throw new CurationError("wrongStatus");
    const after = await tx.indicator.update({ where: { id: before.id }, data: { retiredAt: retired ? new Date() : null } });
    await audit(tx, actor, { action: retired ? "indicator.retire" : "indicator.restore", entityType: "framework", entityId: before.id, before, after });
  });
}
