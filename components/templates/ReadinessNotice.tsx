import { getTranslations } from "next-intl/server";
import { LANGUAGE_NAMES } from "@/lib/i18n/languages";
import type { QuestionnaireDoc } from "@/lib/questionnaires/model";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { describeReadinessIssue, type Translate } from "@/lib/export/describe";
import { DownloadLinks } from "./DownloadLinks";
import styles from "./templates.module.css";

/** Whether the questionnaire can leave as it is; if not, why, and the download with a stated fallback. */
export async function ReadinessNotice({ doc, title }: { doc: QuestionnaireDoc; title: string }) {
  const [t, tAll] = await Promise.all([getTranslations("templates"), getTranslations()]);
  const readiness = checkReadiness(doc);
  if (readiness.ready) {
    return (
      <>
        <p className={styles.notice} role="status">
          {t("ready", { languages: readiness.languages.map((l) => LANGUAGE_NAMES[l]).join(", ") })}
        </p>
        <DownloadLinks id={doc.id} title={title} />
      </>
    );
  }
  const describe = tAll as unknown as Translate;
  const withFallback = checkReadiness(doc, { fallback: "en" }).ready;
  return (
    <div className={`${styles.notice} ${styles.warning}`}>
      <p>{t("notReady", { count: readiness.issues.length })}</p>
      <ul>
        {readiness.issues.slice(0, 50).map((issue, i) => (
          <li key={i}>{describeReadinessIssue(issue, describe)}</li>
        ))}
      </ul>
      {withFallback && <DownloadLinks id={doc.id} title={title} fallback="en" />}
    </div>
  );
}
