// What the codebook page does before rendering: who may read it (a public template's codebook is
// public, like the template's page; any other questionnaire's is for those who may read it, as its
// preview and print views are), the questionnaire with its own form and bank links, the codebook
// of the form its export writes by default, and the language to read the texts in.
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { questionnairePageAccess } from "../builder/page-access";
import { viewLanguage } from "../builder/view-language";
import { findOwnForm } from "../export/own-form-data";
import type { Language } from "../i18n/languages";
import { namesInForm } from "../xlsform/compose-form";
import { findQuestionnaireAccess, findQuestionnaireDoc } from "../questionnaires/data";
import { checkReadiness } from "../questionnaires/readiness";
import { findCodebookLinks } from "./data";
import { codebookOf } from "./export";

export type CodebookPageProps = {
  params: Promise<{ locale: Language; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function loadCodebookPage({ params, searchParams }: CodebookPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const found = await findQuestionnaireAccess(id);
  const access =
    found?.visibility === "public_template"
      ? found
      : (await questionnairePageAccess(locale, `/questionnaires/${id}/codebook`, id, "questionnaire.read")).access;
  const [doc, own, links, user] = await Promise.all([
    findQuestionnaireDoc(access.id),
    findOwnForm(access.id),
    findCodebookLinks(access.id),
    getCurrentUser(),
  ]);
  if (!doc) notFound();
  // The export's defaults: every language of the questionnaire, its own fallback language.
  const readiness = checkReadiness(doc, {
    fallback: doc.fallbackLanguage,
    ownNames: own ? namesInForm(own.form) : undefined,
  });
  const built = codebookOf({ doc, own, links }, { languages: doc.languages, fallback: doc.fallbackLanguage });
  return {
    locale,
    doc,
    built,
    readiness,
    lang: viewLanguage((await searchParams).lang, doc),
    /** Where "back" goes: the template's page, the builder for those who may edit, else the list */
    back:
      doc.visibility === "public_template"
        ? `/templates/${doc.slug ?? doc.id}`
        : can(user, "questionnaire.edit", access)
          ? `/questionnaires/${doc.id}`
          : "/questionnaires",
  };
}
