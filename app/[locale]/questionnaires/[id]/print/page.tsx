import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LANGUAGE_NAMES, pickText, type Language } from "@/lib/i18n/languages";
import { loadQuestionnaireView, type ViewPageProps } from "@/lib/builder/view-page";
import { PrintView } from "@/components/builder/PrintView";
import { OwnFormPaper } from "@/components/builder/OwnFormPaper";
import { PrintButton } from "@/components/builder/PrintButton";
import { ViewLanguageLinks } from "@/components/builder/ViewLanguageLinks";
import { respondentTexts } from "@/components/builder/respondent-texts";
import "@/components/builder/builder.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder" }))("printTitle") };
}

export default async function PrintPage(props: ViewPageProps) {
  const { id, doc, own, lang } = await loadQuestionnaireView(props, "print");
  const [t, texts] = await Promise.all([getTranslations("builder"), respondentTexts(lang)]);
  const title = pickText(doc.title, lang);
  return (
    <>
      <div className="no-print">
        <h1>{t("printIn", { language: LANGUAGE_NAMES[lang] })}</h1>
        <p className="muted">{t("printIntro")}</p>
        <ViewLanguageLinks
          id={id}
          view="print"
          languages={doc.languages}
          current={lang}
          label={t("languagesLabel")}
          extra={[{ href: `/questionnaires/${id}`, label: t("backToBuilder") }]}
        />
        <PrintButton label={t("print")} />
      </div>
      <PrintView doc={doc} lang={lang} texts={texts} title={title?.text ?? ""}>
        {own && <OwnFormPaper form={own.form} lang={lang} defaultLanguage={doc.defaultLanguage} texts={texts} />}
      </PrintView>
    </>
  );
}
