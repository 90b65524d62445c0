import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { findEditorOptions } from "@/lib/curation/data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { QuestionEditor } from "@/components/curate/QuestionEditor";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate" }))("newTitle") };
}

export default async function NewQuestionPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, "/curate/questions/new");
  if (!access.allowed) forbidden();
  const [t, options] = await Promise.all([getTranslations("curate"), findEditorOptions()]);
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("newTitle")}</h1>
      <QuestionEditor question={null} options={options} revision={0} />
    </>
  );
}
