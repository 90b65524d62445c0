import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { AUDIT_ENTITY_TYPES, type AuditFilter } from "@/lib/audit/schema";
import { Button } from "@/components/ui/Button";

/** A plain GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export async function AuditFilters({
  filter,
  actors,
}: {
  filter: AuditFilter;
  actors: { id: string; name: string; email: string }[];
}) {
  const t = await getTranslations("audit");
  return (
    <form method="get" className="form-stack" style={{ maxInlineSize: "none" }} aria-labelledby="audit-filters">
      <h2 id="audit-filters">{t("filters")}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="audit-actor">{t("person")}</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">{t("anyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-type">{t("objectType")}</label>
          <select id="audit-type" name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">{t("anyType")}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entityTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t("object")}</label>
          <input
            id="audit-entity"
            name="entity"
            type="text"
            maxLength={200}
            defaultValue={filter.entity ?? ""}
            dir="auto"
          />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
      </div>
      <div className="pager">
        <Button variant="primary" type="submit">
          {t("apply")}
        </Button>
        <Link href="/audit">{t("reset")}</Link>
      </div>
    </form>
  );
}
