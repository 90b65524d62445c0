import { getTranslations } from "next-intl/server";

const show = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** The fields that differ between before and after, each value shown as text (never as HTML). */
export async function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations("audit");
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  if (!before && !after) return <span className="muted">{t("noValues")}</span>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (!before) return <span className="audit-value">{t("created")}: {show(after)}</span>;
  if (!after) return <span className="audit-value">{t("deleted")}: {show(before)}</span>;
  return (
    <ul className="audit-changes">
      {keys.map((key) => (
        <li key={key}>
          <code>{key}</code>: <span className="audit-value">{show(b[key])}</span> → <span className="audit-value">{show(a[key])}</span>
        </li>
      ))}
    </ul>
  );
}
