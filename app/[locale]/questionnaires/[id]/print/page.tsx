import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LANGUAGE_NAMES, pickText, type Language } from "@/lib/i18n/languages";
import { questionnairePageAccess } from "@/lib/builder/page-access";
import { viewLanguage } from "@/lib/builder/view-language";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { PrintView } from "@/components/builder/PrintView";
import { PrintButton } from "@/components/builder/PrintButton";
import { respondentTexts } from "@/components/builder/respondent-texts";
import "@/components/builder/builder.css";

type Props = { params: Promise<{ locale: Language; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder" }))("printTitle") };
}

export default async function PrintPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await questionnairePageAccess(locale, `/${locale}/questionnaires/${id}/print`, id, "questionnaire.read");
  const doc = await findQuestionnaireDoc(id);
  if (!doc) notFound();
  const lang = viewLanguage((await searchParams).lang, doc);
  const [t, texts] = await Promise.all([getTranslations("builder"), respondentTexts(lang)]);
  const title = pickText(doc.title, lang);
  return (
    <>
      <div className="no-print">
        <h1>{t("printIn", { language: LANGUAGE_NAMES[lang] })}</h1>
        <p className="muted">{t("printIntro")}</p>
        <nav aria-label={t("languagesLabel")}>
          <ul className="button-row plain-list">
            {doc.languages.map((l) => (
              <li key={l}>
                <Link href={`/questionnaires/${id}/print?lang=${l}`} aria-current={l === lang ? "page" : undefined} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </Link>
              </li>
            ))}
            <li>
              <Link href={`/questionnaires/${id}`}>{t("backToBuilder")}</Link>
            </li>
          </ul>
        </nav>
        <PrintButton label={t("print")} />
      </div>
      <PrintView doc={doc} lang={lang} texts={texts} title={title?.text ?? ""} />
    </>
  );
}
