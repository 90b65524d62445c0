// The audit trail: who changed what, when, with the values before and after. Call recordAudit
// with the transaction client of the write it describes, so that both commit or neither does.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { auditEntrySchema, type AuditEntry } from "./schema";

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** Plain JSON for the before/after columns: Dates as ISO strings, undefined dropped. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Writer, entry: AuditEntry) {
  const { actorId, action, entityType, entityId, before, after } = auditEntrySchema.parse(entry);
  return tx.auditEvent.create({
    data: { actorId, action, entityType, entityId, before: toJson(before), after: toJson(after) },
    select: { id: true },
  });
}

/** For tests and tools that write outside a feature's transaction. */
export async function recordAuditNow(entry: AuditEntry) {
  return recordAudit(await getDb(), entry);
}
