// What the audit page shows, after the permission check: used by the page and by the tests.
import "server-only";
import { requirePermission } from "./session";
import { auditFilterSchema } from "../audit/schema";
import { findAuditActors, findAuditEvents } from "../audit/data";

export async function loadAuditPage(headers: Headers, query: Record<string, string | string[] | undefined>) {
  await requirePermission(headers, "audit.read");
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = auditFilterSchema.parse({
    actor: first(query.actor),
    entityType: first(query.entityType),
    entity: first(query.entity),
    from: first(query.from),
    to: first(query.to),
    page: first(query.page),
  });
  const [events, actors] = await Promise.all([findAuditEvents(filter), findAuditActors()]);
  return { filter, actors, ...events };
}
