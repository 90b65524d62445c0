import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc } from "@/lib/questionnaires/model";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { describeReadinessIssue, type Translate } from "@/lib/export/describe";
import { DownloadLinks } from "./DownloadLinks";
import { languageList } from "./texts";

/** The anchor of the readiness notice: the templates list and a refused download link to it. */
export const READINESS_ID = "readiness";

/** Whether the questionnaire can leave as it is; if not, why, and the download with a stated fallback. */
export async function ReadinessNotice({
  doc,
  title,
  locale,
}: {
  doc: QuestionnaireDoc;
  title: string;
  locale: Language;
}) {
  const [t, tAll] = await Promise.all([getTranslations("templates"), getTranslations()]);
  const readiness = checkReadiness(doc);
  if (readiness.ready) {
    return (
      <>
        <p id={READINESS_ID} className="notice notice--ok" role="status">
          {t("ready", {
            languages: languageList(readiness.languages, locale, (language) => tAll("languages.name", { language })),
          })}
        </p>
        <DownloadLinks id={doc.id} title={title} problemsHref={`#${READINESS_ID}`} />
      </>
    );
  }
  const describe = tAll as unknown as Translate;
  const withFallback = checkReadiness(doc, { fallback: "en" }).ready;
  return (
    <div id={READINESS_ID} className="notice notice--warn">
      <p>{t("notReady", { count: readiness.issues.length })}</p>
      <ul>
        {readiness.issues.slice(0, 50).map((issue, i) => (
          <li key={i}>{describeReadinessIssue(issue, describe)}</li>
        ))}
      </ul>
      {withFallback && <DownloadLinks id={doc.id} title={title} fallback="en" problemsHref={`#${READINESS_ID}`} />}
    </div>
  );
}
