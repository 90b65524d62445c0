"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";
import { FileDownloads } from "@/components/ui/FileDownloads";
import { buttonClass } from "@/components/ui/Button";

/**
 * Export buttons on the existing endpoints, with "where a translation is missing, use …". With a
 * choice the export would refuse, there are no buttons but the reason and a link to the problems
 * (listed above, under `problemsId`); a download refused anyway (the questionnaire changed in
 * another tab) shows the refusal here, never a saved error file.
 */
export function ExportLinks({
  id,
  title,
  languages,
  fallback,
  issuesWith,
  problemsId,
}: {
  id: string;
  title: string;
  languages: Language[];
  fallback: Language | null;
  issuesWith: Record<string, number>;
  problemsId: string;
}) {
  const t = useTranslations("builder.readiness");
  const locale = useLocale();
  const [choice, setChoice] = useState<string>(fallback ?? "");
  const base = `/api/v1/questionnaires/${encodeURIComponent(id)}/export`;
  const suffix = choice ? `&fallback=${choice}` : "";
  const remaining = issuesWith[choice] ?? 0;
  const problems = { href: `#${problemsId}`, label: t("seeProblems") };
  return (
    <div className="export-links">
      <p>
        <label htmlFor="export-fallback">{t("fallback")}</label>{" "}
        <select
          id="export-fallback"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          aria-describedby="export-state"
        >
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
        {remaining > 0 && (
          <>
            {" "}
            <a href={problems.href}>{problems.label}</a>
          </>
        )}
      </p>
      {remaining === 0 && (
        <FileDownloads
          locale={locale}
          failedMessage={t("downloadFailed")}
          problems={problems}
          listClassName="button-row plain-list"
          alertClassName="notice notice--warn"
          downloads={[
            {
              href: `${base}?format=xlsform${suffix}`,
              label: t("xlsform"),
              ariaLabel: t("xlsformOf", { title }),
              className: buttonClass({ variant: "primary" }),
            },
            {
              href: `${base}?format=csv${suffix}`,
              label: t("csv"),
              ariaLabel: t("csvOf", { title }),
              className: buttonClass({ variant: "secondary" }),
            },
          ]}
        />
      )}
    </div>
  );
}
