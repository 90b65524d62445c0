import { getTranslations } from "next-intl/server";

const show = (value: unknown) =>
  value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value);
const asRecord = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * What changed, field by field: "field: before → after" for an edit, the recorded values for a
 * creation or deletion. Values are text (never HTML), isolated with <bdi> so that an English
 * value stays readable inside an Arabic page.
 */
export async function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations("audit");
  const b = asRecord(before);
  const a = asRecord(after);
  if (!before && !after) return <span className="muted">{t("noValues")}</span>;
  if (!b || !a) {
    const only = a ?? b;
    const label = a ? t("created") : t("deleted");
    if (!only) return <bdi className="audit-value">{`${label}: ${show(after ?? before)}`}</bdi>;
    return (
      <>
        <span>{label}</span>
        <ul className="audit-changes">
          {Object.entries(only).map(([key, value]) => (
            <li key={key}>
              <code>{key}</code>: <bdi className="audit-value">{show(value)}</bdi>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return (
    <ul className="audit-changes">
      {keys.map((key) => (
        <li key={key}>
          <code>{key}</code>: <bdi className="audit-value">{show(b[key])}</bdi>{" "}
          {/* Points from the old value to the new one in either reading direction. */}
          <span className="dir-icon" style={{ display: "inline-block" }} aria-hidden="true">
            →
          </span>{" "}
          <bdi className="audit-value">{show(a[key])}</bdi>
        </li>
      ))}
    </ul>
  );
}
