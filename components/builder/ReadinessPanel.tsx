import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { allItems, type QuestionnaireDoc } from "@/lib/questionnaires/model";
import { formLanguagesWithoutBankText } from "@/lib/xlsform/bank-languages";
import type { FormModel } from "@/lib/xlsform/form";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { describeReadinessIssue, type Translate } from "@/lib/export/describe";
import { ExportLinks } from "./ExportLinks";

/**
 * The readiness check before export (lib/questionnaires/readiness.ts): translations missing or not
 * approved in the chosen languages, broken skip logic, clashing names, empty sections; then the
 * export buttons, with the fallback-language choice the export endpoint supports. With an own form:
 * the form's languages the bank questions added below have no text in (a warning: pyxform accepts
 * the form, but writes "-" where their texts should be).
 */
export async function ReadinessPanel({
  doc,
  title,
  ownNames,
  ownForm,
}: {
  doc: QuestionnaireDoc;
  title: string;
  /** Names the questionnaire's own (imported) form uses, when it has one */
  ownNames?: ReadonlySet<string>;
  /** The questionnaire's own (imported) form, when it has one */
  ownForm?: FormModel;
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
  const bankNames = allItems(doc).map((i) => i.name);
  const gaps =
    ownForm && bankNames.length ? formLanguagesWithoutBankText(ownForm, doc.languages, doc.defaultLanguage) : [];
  return (
    <section aria-labelledby="readiness-heading" className="builder-panel">
      <h2 id="readiness-heading">{t("heading")}</h2>
      {gaps.length > 0 && (
        <div className="builder-notice builder-notice--warn" id="readiness-language-gaps">
          <p>{t("languageGaps", { count: bankNames.length })}</p>
          <ul className="readiness-issues">
            {gaps.map((language) => (
              <li key={language}>
                {t("languageGap", {
                  formLanguage: language,
                  questions: bankNames.slice(0, 20).join(", ") + (bankNames.length > 20 ? ", …" : ""),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
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
