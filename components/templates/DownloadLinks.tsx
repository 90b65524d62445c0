import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { FileDownloads } from "@/components/ui/FileDownloads";
import styles from "./templates.module.css";
import { buttonClass } from "@/components/ui/Button";

/**
 * The two export buttons, on the export endpoint (which names the file itself). A questionnaire that
 * is not ready gets no buttons but the reason and a link to what to fix (`blocked`); a download
 * refused anyway (the questionnaire changed meanwhile) shows the refusal on the page, never a file.
 */
export async function DownloadLinks({
  id,
  title,
  fallback,
  blocked,
  problemsHref,
}: {
  id: string;
  title: string;
  fallback?: "en";
  /** Not ready to export: how many problems, and where they are listed */
  blocked?: { count: number; href: string };
  /** Where this page lists the readiness problems, linked from a refusal */
  problemsHref?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("templates"), getLocale()]);
  if (blocked) {
    return (
      <p className="notice notice--warn">
        {t("notReadyToDownload", { count: blocked.count })} <Link href={blocked.href}>{t("seeProblems")}</Link>
      </p>
    );
  }
  const base = `/api/v1/questionnaires/${encodeURIComponent(id)}/export`;
  const suffix = fallback ? `&fallback=${fallback}` : "";
  return (
    <FileDownloads
      locale={locale}
      failedMessage={t("downloadFailed")}
      problems={problemsHref ? { href: problemsHref, label: t("seeProblems") } : undefined}
      listClassName={styles.downloads}
      alertClassName="notice notice--warn"
      downloads={[
        {
          href: `${base}?format=xlsform${suffix}`,
          label: fallback ? t("downloadWithFallback") : t("downloadXlsform"),
          ariaLabel: t("downloadXlsformOf", { title }),
          className: buttonClass({ variant: "primary" }),
        },
        {
          href: `${base}?format=csv${suffix}`,
          label: t("downloadCsv"),
          ariaLabel: t("downloadCsvOf", { title }),
          className: buttonClass({ variant: "secondary" }),
        },
      ]}
    />
  );
}
