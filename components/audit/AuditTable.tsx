import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/audit/data";
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from "@/lib/audit/schema";
import { AuditChanges } from "./AuditChanges";

/** One row per change, newest first. */
export async function AuditTable({ rows, total }: { rows: AuditRow[]; total: number }) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const typeName = (type: string) =>
    (AUDIT_ENTITY_TYPES as readonly string[]).includes(type) ? t(`entityTypes.${type as AuditEntityType}`) : type;
  if (!rows.length) return <p>{t("noEvents")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("caption", { total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("objectColumn")}</th>
            <th scope="col">{t("changes")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <time dateTime={row.createdAt.toISOString()}>
                  {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })} UTC
                </time>
              </td>
              <td>{row.actor ? `${row.actor.name}${row.actor.email ? ` (${row.actor.email})` : ""}` : t("system")}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>
                {typeName(row.entityType)} <code>{row.entityId}</code>
              </td>
              <td>
                <AuditChanges before={row.before} after={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
