import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { QuestionnaireDoc } from "@/lib/questionnaires/model";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { describeReadinessIssue, type Translate } from "@/lib/export/describe";
import { ExportLinks } from "./ExportLinks";

/**
 * The readiness check before export (lib/questionnaires/readiness.ts): translations missing or not
 * approved in the chosen languages, broken skip logic, clashing names, empty sections; then the
 * export buttons, with the fallback-language choice the export endpoint supports.
 */
export async function ReadinessPanel({
  doc,
  title,
  ownNames,
}: {
  doc: QuestionnaireDoc;
  title: string;
  /** Names the questionnaire's own (imported) form uses, when it has one */
  ownNames?: ReadonlySet<string>;
}) {
  const [t, tb, tAll, tlang, format] = await Promise.all([
    getTranslations("builder.readiness"),
    getTranslations("builder"),
    getTranslations(),
    getTranslations("languages"),
    getFormatter(),
  ]);
  const readiness = checkReadiness(doc, { fallback: doc.fallbackLanguage, ownNames });
  const describe = tAll as unknown as Translate;
  const issuesWith = Object.fromEntries(
    [null, ...doc.languages].map((lang) => [
      lang ?? "",
      checkReadiness(doc, { fallback: lang, ownNames }).issues.length,
    ]),
  );
  return (
    <section aria-labelledby="readiness-heading" className="builder-panel">
      <h2 id="readiness-heading">{t("heading")}</h2>
      {readiness.ready ? (
        <p className="builder-notice builder-notice--ok">
          {/* Each language named in the page's own words, joined as the page's language joins a list */}
          {t("ready", { languages: format.list(readiness.languages.map((l) => tlang("name", { language: l }))) })}
        </p>
      ) : (
        <div className="builder-notice builder-notice--warn">
          <p>{t("notReady", { count: readiness.issues.length })}</p>
          <ul className="readiness-issues">
            {readiness.issues.slice(0, 100).map((issue, i) => (
              <li key={i}>{describeReadinessIssue(issue, describe)}</li>
            ))}
          </ul>
          {readiness.issues.length > 100 && <p>{t("more", { count: readiness.issues.length - 100 })}</p>}
        </div>
      )}
      <ExportLinks
        id={doc.id}
        title={title}
        languages={doc.languages}
        fallback={doc.fallbackLanguage}
        issuesWith={issuesWith}
        problemsId="readiness-heading"
      />
      <p>
        <Link href={`/questionnaires/${doc.id}/codebook`}>{tb("codebook")}</Link>
      </p>
    </section>
  );
}
