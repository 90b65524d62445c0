import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pickText } from "@/lib/i18n/languages";
import { loadQuestionnaireView, type ViewPageProps } from "@/lib/builder/view-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Preview } from "@/components/builder/Preview";
import { OwnFormPaper } from "@/components/builder/OwnFormPaper";
import { ViewLanguageLinks } from "@/components/builder/ViewLanguageLinks";
import { respondentTexts } from "@/components/builder/respondent-texts";
import "@/components/builder/builder.css";

// "Household survey · Preview in French": the questionnaire's own title, once the person may read it.
export async function generateMetadata(props: ViewPageProps): Promise<Metadata> {
  const { locale, id, doc, lang } = await loadQuestionnaireView(props, "preview");
  const t = await getTranslations({ locale, namespace: "builder" });
  return { title: `${pickText(doc.title, locale)?.text ?? id} · ${t("previewIn", { language: lang })}` };
}

export default async function PreviewPage(props: ViewPageProps) {
  const { locale, id, doc, own, lang } = await loadQuestionnaireView(props, "preview");
  const [t, tl, texts] = await Promise.all([
    getTranslations("builder"),
    getTranslations("builder.list"),
    respondentTexts(lang),
  ]);
  const title = pickText(doc.title, locale);
  const shownTitle = pickText(doc.title, lang);
  return (
    <>
      <Breadcrumbs
        label={tl("breadcrumbs")}
        items={[
          { href: "/questionnaires", label: tl("title") },
          { href: `/questionnaires/${id}`, label: title?.text ?? id },
          { label: t("previewTitle") },
        ]}
      />
      <h1>{t("previewIn", { language: lang })}</h1>
      <p className="muted">{t("previewIntro")}</p>
      <ViewLanguageLinks
        id={id}
        view="preview"
        languages={doc.languages}
        current={lang}
        label={t("languagesLabel")}
        extra={[
          { href: `/questionnaires/${id}/print?lang=${lang}`, label: t("printIn", { language: lang }) },
          { href: `/questionnaires/${id}`, label: t("backToBuilder") },
        ]}
      />
      <p className="respondent-title" lang={shownTitle?.lang} dir="auto">
        <strong>{shownTitle?.text}</strong>
      </p>
      {own && (
        <section aria-labelledby="own-form-preview" className="paper">
          <h2 id="own-form-preview">{t("ownForm.heading")}</h2>
          <p className="muted">{t("ownForm.previewNote")}</p>
          <OwnFormPaper form={own.form} lang={lang} defaultLanguage={doc.defaultLanguage} texts={texts} />
        </section>
      )}
      <Preview key={lang} doc={doc} lang={lang} texts={texts} />
    </>
  );
}
