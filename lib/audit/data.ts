// Reading the audit trail, newest first, filtered by person, object and date range.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "./schema";

/** Names found for the ids rows refer to: questionnaires' titles, people's names (see describe.ts) */
export type AuditNames = {
  titles: Map<string, Record<string, string>>;
  people: Map<string, { name: string; email: string }>;
};

export type AuditRow = {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

function whereOf(filter: Partial<AuditFilter>): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor) and.push({ actorId: filter.actor });
  if (filter.entityType) and.push({ entityType: filter.entityType });
  if (filter.entity) {
    // An object is found by its id or by the code/email it carried before or after the change.
    const v = filter.entity;
    and.push({
      OR: [
        { entityId: v },
        { after: { path: ["code"], equals: v } },
        { before: { path: ["code"], equals: v } },
        { after: { path: ["email"], equals: v.toLowerCase() } },
        { before: { path: ["email"], equals: v.toLowerCase() } },
      ],
    });
  }
  if (filter.from) and.push({ createdAt: { gte: new Date(`${filter.from}T00:00:00.000Z`) } });
  if (filter.to)
    and.push({ createdAt: { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 24 * 3600 * 1000) } });
  return and.length ? { AND: and } : {};
}

export async function findAuditEvents(
  filter: Partial<AuditFilter>,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; names: AuditNames }> {
  const db = await getDb();
  const page = filter.page ?? 1;
  const where = whereOf(filter);
  const [total, events] = await db.$transaction([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  const names = await findAuditNames(events);
  return {
    names,
    rows: events.map((e) => ({
      id: e.id,
      createdAt: e.createdAt,
      actor: e.actorId ? (byId.get(e.actorId) ?? { id: e.actorId, name: e.actorId, email: "" }) : null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/**
 * What the rows' objects are called now: a questionnaire's title (and a duplicate's source's), a
 * person's name. An object deleted since keeps what its row recorded (describe.ts falls back).
 */
async function findAuditNames(
  events: { entityType: string; entityId: string; after: Prisma.JsonValue | null }[],
): Promise<AuditNames> {
  const db = await getDb();
  const questionnaireIds = new Set<string>();
  const userIds = new Set<string>();
  for (const e of events) {
    if (e.entityType === "questionnaire" || e.entityType === "template") questionnaireIds.add(e.entityId);
    if (e.entityType === "user") userIds.add(e.entityId);
    const from = e.after && typeof e.after === "object" && !Array.isArray(e.after) ? e.after.from : null;
    if (e.entityType === "questionnaire" && typeof from === "string") questionnaireIds.add(from);
  }
  const [questionnaires, people] = await Promise.all([
    questionnaireIds.size
      ? db.questionnaire.findMany({ where: { id: { in: [...questionnaireIds] } }, select: { id: true, title: true } })
      : [],
    userIds.size
      ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } })
      : [],
  ]);
  const titles = new Map<string, Record<string, string>>();
  for (const q of questionnaires)
    if (q.title && typeof q.title === "object" && !Array.isArray(q.title))
      titles.set(q.id, q.title as Record<string, string>);
  return { titles, people: new Map(people.map((p) => [p.id, { name: p.name, email: p.email }])) };
}

/** People who appear in the trail, for the page's person filter. */
export async function findAuditActors(): Promise<{ id: string; name: string; email: string }[]> {
  const db = await getDb();
  const ids = await db.auditEvent.findMany({
    where: { actorId: { not: null } },
    distinct: ["actorId"],
    select: { actorId: true },
  });
  const actorIds = ids.map((r) => r.actorId).filter((id): id is string => !!id);
  if (!actorIds.length) return [];
  return db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

export async function countAuditEvents(
  where: { entityType?: string; entityId?: string; action?: string } = {},
): Promise<number> {
  const db = await getDb();
  return db.auditEvent.count({ where });
}
