import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pickText, type Language } from "@/lib/i18n/languages";
import { languageList } from "@/components/templates/texts";
import { findQuestionnaireDoc, findQuestionnaires } from "@/lib/questionnaires/data";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { DownloadLinks } from "@/components/templates/DownloadLinks";
import { READINESS_ID } from "@/components/templates/ReadinessNotice";
import styles from "@/components/templates/templates.module.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "templates" }))("title") };
}

export default async function TemplatesPage({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tl, templates] = await Promise.all([
    getTranslations("templates"),
    getTranslations("languages"),
    findQuestionnaires({ visibilities: ["public_template"], ownerId: null }),
  ]);
  // The same check the export makes: a template that cannot leave offers no button, but the reason.
  const problems = new Map(
    await Promise.all(
      templates.map(async (template) => {
        const doc = await findQuestionnaireDoc(template.id);
        return [template.id, doc ? checkReadiness(doc).issues.length : 0] as const;
      }),
    ),
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {templates.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className={styles.list}>
          {templates.map((template) => {
            const title = pickText(template.title, locale);
            const description = pickText(template.description, locale);
            return (
              <li key={template.id} className={styles.card}>
                <h2 lang={title?.lang} dir="auto">
                  <Link href={`/templates/${template.slug ?? template.id}`}>{title?.text ?? template.slug}</Link>
                </h2>
                {description && (
                  <p lang={description.lang} dir="auto">
                    {description.text}
                  </p>
                )}
                <p className={styles.meta}>
                  {t("sections", { count: template.sectionCount })} ·{" "}
                  {t("questions", { count: template.questionCount })} · {t("languages")}:{" "}
                  {languageList(template.languages, locale, (language) => tl("name", { language }))}
                </p>
                <DownloadLinks
                  id={template.slug ?? template.id}
                  title={title?.text ?? template.slug ?? ""}
                  blocked={
                    problems.get(template.id)
                      ? {
                          count: problems.get(template.id)!,
                          href: `/templates/${template.slug ?? template.id}#${READINESS_ID}`,
                        }
                      : undefined
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted">{t("downloadHint")}</p>
    </>
  );
}
