import { getTranslations } from "next-intl/server";
import styles from "./templates.module.css";

/** The two export buttons: plain links to the export endpoint, which names the file itself. */
export async function DownloadLinks({ id, title, fallback }: { id: string; title: string; fallback?: "en" }) {
  const t = await getTranslations("templates");
  const base = `/api/v1/questionnaires/${encodeURIComponent(id)}/export`;
  const suffix = fallback ? `&fallback=${fallback}` : "";
  return (
    <ul className={styles.downloads}>
      <li>
        <a className={styles.button} href={`${base}?format=xlsform${suffix}`} download aria-label={t("downloadXlsformOf", { title })}>
          {fallback ? t("downloadWithFallback") : t("downloadXlsform")}
        </a>
      </li>
      <li>
        <a className={`${styles.button} ${styles.secondary}`} href={`${base}?format=csv${suffix}`} download aria-label={t("downloadCsvOf", { title })}>
          {t("downloadCsv")}
        </a>
      </li>
    </ul>
  );
}
