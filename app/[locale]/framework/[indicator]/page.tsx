import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { findIndicator } from "@/lib/framework/data";
import { findQuestionsOfIndicator } from "@/lib/bank/data";
import { pickText, type Language } from "@/lib/i18n/languages";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { LocalizedString } from "@/components/ui/LocalizedString";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findQuestionnaireChoices } from "@/lib/builder/data";
import { AddToQuestionnaire } from "@/components/builder/AddToQuestionnaire";

type Params = { params: Promise<{ locale: Language; indicator: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, indicator } = await params;
  const found = await findIndicator(indicator);
  return { title: found ? `${found.code} ${pickText(found.name, locale)?.text}` : indicator };
}

export default async function IndicatorPage({ params }: Params) {
  const { locale, indicator: code } = await params;
  setRequestLocale(locale);
  const indicator = await findIndicator(code);
  if (!indicator) notFound();
  const [t, ts, questions, user] = await Promise.all([
    getTranslations("framework"),
    getTranslations("search"),
    findQuestionsOfIndicator(indicator.code),
    getCurrentUser(),
  ]);
  // Signed-in researchers may add every question of the indicator to one of their questionnaires.
  const questionnaires =
    user && can(user, "questionnaire.create") && questions.length > 0 ? await findQuestionnaireChoices(user.id) : null;
  return (
    <>
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[
          { href: "/framework", label: t("title") },
          { href: `/framework#${indicator.domain.code}`, label: pickText(indicator.domain.name, locale)?.text ?? "" },
          { label: indicator.code },
        ]}
      />
      <h1>
        <span className="code">{indicator.code}</span> {pickText(indicator.name, locale)?.text}
      </h1>
      <dl className="facts">
        <dt>{t("topic")}</dt>
        <dd>{pickText(indicator.topic.name, locale)?.text}</dd>
        <dt>{t("type")}</dt>
        <dd>{indicator.type === "contextual" ? t("contextualType") : t("behaviouralType")}</dd>
        <dt>{t("definition")}</dt>
        <dd>{pickText(indicator.definition, locale)?.text}</dd>
      </dl>
      <h2>{t("questionsHeading", { count: questions.length })}</h2>
      {questions.length > 0 && (
        <p>
          <Link href={`/search?indicator=${indicator.code}`}>{ts("searchIndicator")}</Link>
        </p>
      )}
      {questionnaires && (
        <p>
          <AddToQuestionnaire
            questionnaires={questionnaires}
            locale={locale}
            indicator={indicator.code}
            count={questions.length}
            idPrefix="indicator"
          />
        </p>
      )}
      {questions.length === 0 ? (
        <p>{indicator.type === "contextual" ? t("contextualNoQuestions") : t("noQuestions")}</p>
      ) : (
        <ul className="question-list">
          {questions.map((q) => (
            <li key={q.code}>
              <Link href={`/questions/${q.code}`}>
                <LocalizedString
                  value={q.labels}
                  locale={locale}
                  fallbackLabel={(language) => t("fallback", { language })}
                />
              </Link>{" "}
              <span className="code">{q.code}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
