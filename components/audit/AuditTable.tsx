import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AuditNames, AuditRow } from "@/lib/audit/data";
import { describeAuditChanges, describeAuditObject, type AuditObject } from "@/lib/audit/describe";
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from "@/lib/audit/schema";
import { pickText, type Language } from "@/lib/i18n/languages";
import { AuditChanges } from "./AuditChanges";

/** One row per change, newest first: who did what to which object, and what changed, in words. */
export async function AuditTable({ rows, total, names }: { rows: AuditRow[]; total: number; names: AuditNames }) {
  const [t, format, locale] = await Promise.all([getTranslations("audit"), getFormatter(), getLocale()]);
  const typeName = (type: string) =>
    (AUDIT_ENTITY_TYPES as readonly string[]).includes(type) ? t(`entityTypes.${type as AuditEntityType}`) : type;
  const actionName = (action: string) =>
    t.has(`actions.${action as "user.create"}`)
      ? t(`actions.${action as "user.create"}`)
      : t.rich("actionCode", { action, code: (chunks) => <code className="code">{chunks}</code> });
  const object = (o: AuditObject) => {
    switch (o.kind) {
      case "person":
        return (
          <>
            <bdi>{o.name}</bdi>
            {o.email && (
              <>
                {" "}
                <bdi dir="ltr" className="muted">
                  {o.email}
                </bdi>
              </>
            )}
          </>
        );
      case "question":
        return <code className="code">{o.code}</code>;
      case "translation":
        return t.rich("translationObject", {
          language: o.lang,
          item: o.code,
          code: (chunks) => <code className="code">{chunks}</code>,
        });
      case "titled": {
        const picked = pickText(o.texts, locale as Language);
        return picked ? <bdi lang={picked.lang}>{picked.text}</bdi> : null;
      }
      case "code":
        return <code className="code">{o.text}</code>;
      case "unknown":
        return <code className="code">{o.id}</code>;
    }
  };
  if (!rows.length) return <p>{t("noEvents")}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("caption", { total })}>
      <table className="audit-table">
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
          {rows.map((row) => {
            const about = describeAuditObject(row, names);
            return (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.createdAt.toISOString()}>
                    {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })} UTC
                  </time>
                </td>
                <td>
                  {row.actor ? (
                    <>
                      <bdi>{row.actor.name}</bdi>
                      {row.actor.email && (
                        <>
                          <br />
                          <bdi dir="ltr" className="muted">
                            {row.actor.email}
                          </bdi>
                        </>
                      )}
                    </>
                  ) : (
                    t("system")
                  )}
                </td>
                <td>{actionName(row.action)}</td>
                <td>
                  <span className="muted">{typeName(row.entityType)}</span>
                  <br />
                  {object(about)}
                </td>
                <td>
                  <AuditChanges
                    entityType={row.entityType}
                    changes={describeAuditChanges({ ...row, titles: names.titles })}
                    textLang={about.kind === "translation" ? about.lang : undefined}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
