"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";

/** Export buttons on the existing endpoints, with "where a translation is missing, use …". */
export function ExportLinks({ id, title, languages, fallback, issuesWith }: { id: string; title: string; languages: Language[]; fallback: Language | null; issuesWith: Record<string, number> }) {
  const t = useTranslations("builder.readiness");
  const [choice, setChoice] = useState<string>(fallback ?? "");
  const base = `/api/v1/questionnaires/${encodeURIComponent(id)}/export`;
  const suffix = choice ? `&fallback=${choice}` : "";
  const remaining = issuesWith[choice] ?? 0;
  return (
    <div className="export-links">
      <p>
        <label htmlFor="export-fallback">{t("fallback")}</label>{" "}
        <select id="export-fallback" value={choice} onChange={(e) => setChoice(e.target.value)} aria-describedby="export-state">
          <option value="">{t("noFallback")}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </p>
      <p id="export-state" className="muted" aria-live="polite">
        {remaining === 0 ? t("exportReady") : t("exportBlocked", { count: remaining })}
      </p>
      <p className="button-row">
        <a className="button-link" href={`${base}?format=xlsform${suffix}`} download aria-label={t("xlsformOf", { title })}>
          {t("xlsform")}
        </a>
        <a className="button-link button-link--secondary" href={`${base}?format=csv${suffix}`} download aria-label={t("csvOf", { title })}>
          {t("csv")}
        </a>
      </p>
    </div>
  );
}
