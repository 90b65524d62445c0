// Import an XLSForm: the page face of POST /api/v1/questionnaires/import, for the people who may
// create questionnaires. Visitors are sent to sign in and brought back, as on the builder's pages.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { builderPageAccess } from "@/lib/builder/page-access";
import { MAX_UPLOAD_BYTES } from "@/lib/xlsform/limits";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ImportForm } from "@/components/import/ImportForm";
import "@/components/builder/builder.css";
import "@/components/import/import.css";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "importPage" }))("title") };
}

export default async function ImportQuestionnairePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The return address without the locale: the sign-in page sends people back through the
  // locale-aware router, which adds it.
  const { allowed } = await builderPageAccess(locale, "/questionnaires/import");
  if (!allowed) forbidden();
  const [t, tl, format] = await Promise.all([
    getTranslations("importPage"),
    getTranslations("builder.list"),
    getFormatter(),
  ]);
  const maxSize = format.number(MAX_UPLOAD_BYTES / (1024 * 1024), {
    style: "unit",
    unit: "megabyte",
    unitDisplay: "long",
  });
  return (
    <>
      <Breadcrumbs
        label={tl("breadcrumbs")}
        items={[{ href: "/questionnaires", label: tl("title") }, { label: t("title") }]}
      />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <h2>{t("whatHappens.heading")}</h2>
      <ul className="import-steps">
        <li>{t("whatHappens.questionnaire")}</li>
        <li>{t("whatHappens.private")}</li>
        <li>{t("whatHappens.bank")}</li>
        <li>{t.rich("whatHappens.languages", { code: (chunks) => <code className="code">{chunks}</code> })}</li>
        <li>{t("whatHappens.errors")}</li>
      </ul>
      <h2>{t("formHeading")}</h2>
      <ImportForm locale={locale} maxSize={maxSize} />
    </>
  );
}
