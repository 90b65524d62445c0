import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pickText, type Language } from "@/lib/i18n/languages";
import { builderPageAccess } from "@/lib/builder/page-access";
import { findMyQuestionnaires } from "@/lib/builder/data";
import { QuestionnaireRowActions } from "@/components/builder/QuestionnaireRowActions";
import "@/components/builder/builder.css";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Announcer } from "@/components/ui/Announcer";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder.list" }))("title") };
}

export default async function MyQuestionnairesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user, allowed } = await builderPageAccess(locale, `/questionnaires`);
  if (!allowed || !user) forbidden();
  const [t, ti, tl, format, mine] = await Promise.all([
    getTranslations("builder.list"),
    getTranslations("importPage"),
    getTranslations("languages"),
    getFormatter(),
    findMyQuestionnaires(user.id),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="button-row">
        <ButtonLink href="/questionnaires/new" variant="primary">
          {t("new")}
        </ButtonLink>
        <ButtonLink href="/questionnaires/import">{ti("link")}</ButtonLink>
        <Link href="/templates">{t("fromTemplate")}</Link>
      </p>
      <Announcer>
        {mine.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="questionnaire-list">
            {mine.map((q) => {
              const title = pickText(q.title, locale);
              return (
                <li key={q.id} className="card">
                  <h2 lang={title?.lang} dir="auto">
                    <Link href={`/questionnaires/${q.id}`}>{title?.text ?? q.id}</Link>
                  </h2>
                  <p className="muted">
                    {t("questions", { count: q.questionCount })} · {t("sections", { count: q.sectionCount })} ·{" "}
                    {format.list(q.languages.map((l) => tl("name", { language: l })))} ·{" "}
                    {t("updated", { date: format.dateTime(q.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </p>
                  <p className="button-row">
                    <ButtonLink href={`/questionnaires/${q.id}`} variant="primary" size="sm">
                      {t("open")}
                      <span className="visually-hidden">: {title?.text}</span>
                    </ButtonLink>
                    <ButtonLink href={`/questionnaires/${q.id}/preview`} size="sm">
                      {t("preview")}
                      <span className="visually-hidden">: {title?.text}</span>
                    </ButtonLink>
                    <QuestionnaireRowActions id={q.id} title={title?.text ?? q.id} revision={q.revision} />
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Announcer>
    </>
  );
}
