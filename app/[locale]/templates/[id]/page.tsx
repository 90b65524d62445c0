import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { pickText, type Language } from "@/lib/i18n/languages";
import { languageList } from "@/components/templates/texts";
import { findQuestionnaireAccess, findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { canReadQuestionnaire } from "@/lib/questionnaires/access";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { QuestionnaireView } from "@/components/templates/QuestionnaireView";
import { ReadinessNotice } from "@/components/templates/ReadinessNotice";
import { can } from "@/lib/auth/permissions";
import { DuplicateTemplateButton } from "@/components/builder/DuplicateTemplateButton";

type Params = { params: Promise<{ locale: Language; id: string }> };

/** The questionnaire when this person may read it (public templates: everyone), else null. */
async function readable(id: string) {
  const access = await findQuestionnaireAccess(id);
  if (!access) return null;
  const user = access.visibility === "public_template" ? null : await getCurrentUser();
  if (!canReadQuestionnaire(user, access)) return null;
  return findQuestionnaireDoc(access.id);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, id } = await params;
  const doc = await readable(id);
  return { title: doc ? (pickText(doc.title, locale)?.text ?? id) : id };
}

export default async function TemplatePage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const doc = await readable(id);
  if (!doc) notFound();
  const [t, tl] = await Promise.all([getTranslations("templates"), getTranslations("languages")]);
  const title = pickText(doc.title, locale);
  const description = pickText(doc.description, locale);
  const questionCount = doc.sections.reduce((n, s) => n + s.items.length, 0);
  const mayDuplicate = can(await getCurrentUser(), "questionnaire.create");
  return (
    <>
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[{ href: "/templates", label: t("title") }, { label: title?.text ?? id }]}
      />
      <h1 lang={title?.lang} dir="auto">
        {title?.text ?? id}
      </h1>
      {description && (
        <p className="lead" lang={description.lang} dir="auto">
          {description.text}
        </p>
      )}
      <p className="muted">
        {t("sections", { count: doc.sections.length })} · {t("questions", { count: questionCount })} · {t("languages")}:{" "}
        {languageList(doc.languages, locale, (language) => tl("name", { language }))}
      </p>
      {mayDuplicate && <DuplicateTemplateButton id={doc.id} />}
      <ReadinessNotice doc={doc} title={title?.text ?? id} locale={locale} />
      <p>
        <Link
          href={`/questionnaires/${doc.id}/codebook?lang=${doc.languages.includes(locale) ? locale : doc.defaultLanguage}`}
        >
          {t("codebookOf", { title: title?.text ?? id })}
        </Link>
      </p>
      <p>
        <Link href={`/questionnaires/${doc.id}/results`}>{t("resultsOf", { title: title?.text ?? id })}</Link>
      </p>
      <QuestionnaireView doc={doc} locale={locale} />
    </>
  );
}
