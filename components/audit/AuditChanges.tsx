import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { AuditChanges as Changes, AuditValue } from "@/lib/audit/describe";
import { HazardText } from "@/components/hazards/HazardText";

/**
 * What changed, in words: "Status: Draft → Approved", "Roles: Translator, Reviewer". Text people
 * wrote is isolated (<bdi>) and carries its language, so that an English value reads right inside
 * an Arabic page; codes stay left to right; statuses, roles, languages and yes/no are said in the
 * page's language.
 */
export async function AuditChanges({
  changes,
  entityType,
  textLang,
}: {
  changes: Changes;
  entityType: string;
  /** The language the row's texts are written in, when known (a translation's) */
  textLang?: string;
}) {
  const [t, tq, tt, ta, tl, format, locale] = await Promise.all([
    getTranslations("audit"),
    getTranslations("question"),
    getTranslations("translate"),
    getTranslations("account"),
    getTranslations("languages"),
    getFormatter(),
    getLocale(),
  ]);
  const said = (has: boolean, text: () => string, fallback: string) => (has ? text() : fallback);

  const value = (v: AuditValue): ReactNode => {
    switch (v.kind) {
      case "none":
        return <span className="muted">—</span>;
      case "text":
        return (
          <bdi className="audit-value" lang={textLang}>
            <HazardText text={v.text} />
          </bdi>
        );
      case "code":
        return <code className="code">{v.text}</code>;
      case "yesNo":
        return v.value ? t("yes") : t("no");
      case "number":
        return format.number(v.value);
      case "status":
        return v.of === "translation"
          ? said(tt.has(`states.${v.status as "draft"}`), () => tt(`states.${v.status as "draft"}`), v.status)
          : said(tq.has(`statuses.${v.status as "draft"}`), () => tq(`statuses.${v.status as "draft"}`), v.status);
      case "questionType":
        return said(tq.has(`types.${v.type as "text"}`), () => tq(`types.${v.type as "text"}`), v.type);
      case "role":
        return said(ta.has(`roleNames.${v.role as "admin"}`), () => ta(`roleNames.${v.role as "admin"}`), v.role);
      case "language":
        return tl("name", { language: v.lang });
      case "localized": {
        const picked = pickText(v.texts, locale as Language);
        return picked ? (
          <bdi className="audit-value" lang={picked.lang}>
            <HazardText text={picked.text} />
          </bdi>
        ) : (
          <span className="muted">—</span>
        );
      }
      case "choice":
        return (
          <>
            <bdi className="audit-value" lang={textLang}>
              <HazardText text={v.label} />
            </bdi>{" "}
            <code className="code">{v.name}</code>
          </>
        );
      case "list":
        return v.items.map((item, i) => (
          <span key={i}>
            {i > 0 && ", "}
            {value(item)}
          </span>
        ));
      case "changed":
        return <em className="muted">{t("changedValue")}</em>;
    }
  };
  const field = (key: string) =>
    t.has(`fields.${key as "name"}`) ? t(`fields.${key as "name"}`) : <code className="code">{key}</code>;

  if (changes.kind === "none" || changes.changes.length === 0)
    return <span className="muted">{changes.kind === "none" ? t("noValues") : "—"}</span>;
  return (
    <>
      {changes.kind !== "edit" && <span>{changes.kind === "created" ? t("created") : t("deleted")}</span>}
      <ul className="audit-changes" data-entity={entityType}>
        {changes.changes.map((c) => (
          <li key={c.field}>
            <span className="audit-field">{field(c.field)}</span>:{" "}
            {changes.kind === "edit" ? (
              <>
                {value(c.before ?? { kind: "none" })}{" "}
                {/* Points from the old value to the new one in either reading direction. */}
                <span className="dir-icon" style={{ display: "inline-block" }} aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">{t("after")}:</span> {value(c.after ?? { kind: "none" })}
              </>
            ) : (
              value(c.after ?? c.before ?? { kind: "none" })
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
