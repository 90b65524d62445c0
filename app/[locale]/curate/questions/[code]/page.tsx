import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { type Language } from "@/lib/i18n/languages";
import { findEditorOptions, findQuestionForEditing } from "@/lib/curation/data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { QuestionWorkspace } from "@/components/curate/QuestionWorkspace";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { HazardText } from "@/components/hazards/HazardText";

type Props = { params: Promise<{ locale: Language; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate" }))("editTitle", { code }) };
}

export default async function EditQuestionPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, `/curate/questions/${code}`);
  if (!access.allowed) forbidden();
  const [t, tq, tl, question, options] = await Promise.all([
    getTranslations("curate"),
    getTranslations("question"),
    getTranslations("languages"),
    findQuestionForEditing(code),
    findEditorOptions(),
  ]);
  if (!question) notFound();
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>
        {t("editTitle", { code: question.code })}{" "}
        <StatusBadge status={question.status} label={tq(`statuses.${question.status}`)} />
      </h1>
      <dl className="facts">
        <dt>{tq("version")}</dt>
        <dd>
          {question.version} · <Link href={`/curate/questions/${question.code}/versions`}>{t("versions.link")}</Link>
        </dd>
        {question.status !== "draft" && (
          <>
            <dt>{t("publicPage")}</dt>
            <dd>
              <Link href={`/questions/${question.code}`}>{t("viewPublic")}</Link>
            </dd>
          </>
        )}
        {question.rejectedReason && (
          <>
            <dt>{t("rejectedBecause")}</dt>
            <dd dir="auto">{question.rejectedReason}</dd>
          </>
        )}
        {question.mergedIntoCode && (
          <>
            <dt>{t("mergedInto")}</dt>
            <dd>
              <Link href={`/curate/questions/${question.mergedIntoCode}`}>
                <span className="code">{question.mergedIntoCode}</span>
              </Link>
            </dd>
          </>
        )}
      </dl>
      <QuestionWorkspace question={question} options={options} />
      <h2>{t("translationsTitle")}</h2>
      {question.translations.length === 0 ? (
        <p className="muted">{t("noTranslations")}</p>
      ) : (
        <ul className="question-list">
          {question.translations.map((tr) => (
            <li key={tr.lang}>
              <strong>{tl("nameCapitalised", { language: tr.lang })}</strong>{" "}
              <StatusBadge status={tr.status} label={tq(`translation.${tr.status}` as "translation.draft")} />{" "}
              <span lang={tr.lang} dir="auto">
                <HazardText text={tr.label} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
