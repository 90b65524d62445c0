import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { builderPageAccess } from "@/lib/builder/page-access";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { NewQuestionnaireForm } from "@/components/builder/NewQuestionnaireForm";
import "@/components/builder/builder.css";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder.settings" }))("newTitle") };
}

export default async function NewQuestionnairePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { allowed } = await builderPageAccess(locale, `/questionnaires/new`);
  if (!allowed) forbidden();
  const [t, tl] = await Promise.all([getTranslations("builder.settings"), getTranslations("builder.list")]);
  return (
    <>
      <Breadcrumbs
        label={tl("breadcrumbs")}
        items={[{ href: "/questionnaires", label: tl("title") }, { label: t("newTitle") }]}
      />
      <h1>{t("newTitle")}</h1>
      <NewQuestionnaireForm locale={locale} />
    </>
  );
}
