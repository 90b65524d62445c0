// What the preview and print pages of a questionnaire both do before rendering: check that the person
// may read it (or send them to sign in), load it, and pick the language to show. Cached for the
// request, so that the page's title (generateMetadata) and the page itself check and read once.
import { cache } from "react";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { Language } from "../i18n/languages";
import { findQuestionnaireDoc } from "../questionnaires/data";
import { findOwnForm } from "../export/own-form-data";
import { questionnairePageAccess } from "./page-access";
import { viewLanguage } from "./view-language";

export type ViewPageProps = {
  params: Promise<{ locale: Language; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadView = cache(async (locale: Language, id: string, view: "preview" | "print", asked: unknown) => {
  await questionnairePageAccess(locale, `/questionnaires/${id}/${view}`, id, "questionnaire.read");
  const [doc, own] = await Promise.all([findQuestionnaireDoc(id), findOwnForm(id)]);
  if (!doc) notFound();
  return { locale, id, doc, own, lang: viewLanguage(asked as string | string[] | undefined, doc) };
});

export async function loadQuestionnaireView({ params, searchParams }: ViewPageProps, view: "preview" | "print") {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const asked = (await searchParams).lang;
  return loadView(locale, id, view, Array.isArray(asked) ? asked[0] : asked);
}
