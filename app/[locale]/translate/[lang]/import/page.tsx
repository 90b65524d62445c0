import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { translatePageAccess } from "@/lib/translations/access";
import { targetLanguageSchema } from "@/lib/translations/schema";
import { IMPORT_MAX_BYTES } from "@/lib/translations/spreadsheet";
import { ImportForm } from "@/components/translate/ImportForm";

type Params = { params: Promise<{ locale: Language; lang: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  return { title: parsed.success ? t("import.title", { language: parsed.data }) : t("title") };
}

export default async function ImportPage({ params }: Params) {
  const { locale, lang: raw } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const lang = parsed.data;
  const { rights } = await translatePageAccess(locale, `/translate/${lang}/import`, lang);
  // Importing writes translations: translators of the language only.
  if (!rights?.edit) forbidden();
  const t = await getTranslations("translate");
  return (
    <>
      <h1>{t("import.title", { language: lang })}</h1>
      <p className="lead">{t("import.intro")}</p>
      <ImportForm lang={lang} dir={directionOf(lang)} maxMegabytes={IMPORT_MAX_BYTES / 1024 / 1024} />
      <p>
        <Link href={`/translate/${lang}`}>{t("import.back")}</Link>
      </p>
    </>
  );
}
