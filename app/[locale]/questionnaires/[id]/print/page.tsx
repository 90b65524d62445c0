import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pickText } from "@/lib/i18n/languages";
import { loadQuestionnaireView, type ViewPageProps } from "@/lib/builder/view-page";
import { PrintView } from "@/components/builder/PrintView";
import { OwnFormPaper } from "@/components/builder/OwnFormPaper";
import { PrintButton } from "@/components/builder/PrintButton";
import { ViewLanguageLinks } from "@/components/builder/ViewLanguageLinks";
import { respondentTexts } from "@/components/builder/respondent-texts";
import "@/components/builder/builder.css";

// "Household survey · Preview in French": the questionnaire's own title, once the person may read it.
export async function generateMetadata(props: ViewPageProps): Promise<Metadata> {
  const { locale, id, doc, lang } = await loadQuestionnaireView(props, "print");
  const t = await getTranslations({ locale, namespace: "builder" });
  return { title: `${pickText(doc.title, locale)?.text ?? id} · ${t("printIn", { language: lang })}` };
}

export default async function PrintPage(props: ViewPageProps) {
  const { id, doc, own, lang } = await loadQuestionnaireView(props, "print");
  const [t, texts] = await Promise.all([getTranslations("builder"), respondentTexts(lang)]);
  const title = pickText(doc.title, lang);
  return (
    <>
      <div className="no-print">
        <h1>{t("printIn", { language: lang })}</h1>
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
