import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LANGUAGE_NAMES, pickText, type Language } from "@/lib/i18n/languages";
import { questionnairePageAccess } from "@/lib/builder/page-access";
import { viewLanguage } from "@/lib/builder/view-language";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Preview } from "@/components/builder/Preview";
import { respondentTexts } from "@/components/builder/respondent-texts";
import "@/components/builder/builder.css";

type Props = { params: Promise<{ locale: Language; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder" }))("previewTitle") };
}

export default async function PreviewPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await questionnairePageAccess(locale, `/${locale}/questionnaires/${id}/preview`, id, "questionnaire.read");
  const doc = await findQuestionnaireDoc(id);
  if (!doc) notFound();
  const lang = viewLanguage((await searchParams).lang, doc);
  const [t, tl, texts] = await Promise.all([getTranslations("builder"), getTranslations("builder.list"), respondentTexts(lang)]);
  const title = pickText(doc.title, locale);
  const shownTitle = pickText(doc.title, lang);
  return (
    <>
      <Breadcrumbs label={tl("breadcrumbs")} items={[{ href: "/questionnaires", label: tl("title") }, { href: `/questionnaires/${id}`, label: title?.text ?? id }, { label: t("previewTitle") }]} />
      <h1>{t("previewIn", { language: LANGUAGE_NAMES[lang] })}</h1>
      <p className="muted">{t("previewIntro")}</p>
      <nav aria-label={t("languagesLabel")}>
        <ul className="button-row plain-list">
          {doc.languages.map((l) => (
            <li key={l}>
              <Link href={`/questionnaires/${id}/preview?lang=${l}`} aria-current={l === lang ? "page" : undefined} lang={l}>
                {LANGUAGE_NAMES[l]}
              </Link>
            </li>
          ))}
          <li>
            <Link href={`/questionnaires/${id}/print?lang=${lang}`}>{t("printIn", { language: LANGUAGE_NAMES[lang] })}</Link>
          </li>
          <li>
            <Link href={`/questionnaires/${id}`}>{t("backToBuilder")}</Link>
          </li>
        </ul>
      </nav>
      <p className="respondent-title" lang={shownTitle?.lang} dir="auto">
        <strong>{shownTitle?.text}</strong>
      </p>
      <Preview key={lang} doc={doc} lang={lang} texts={texts} />
    </>
  );
}
