import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { translatePageAccess } from "@/lib/translations/access";
import { targetLanguageSchema } from "@/lib/translations/schema";
import { REPLACE_MAX } from "@/lib/translations/bulk-schema";
import { ReplaceForm } from "@/components/translate/ReplaceForm";

type Params = { params: Promise<{ locale: Language; lang: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  return { title: parsed.success ? t("replace.title", { language: parsed.data }) : t("title") };
}

export default async function ReplacePage({ params }: Params) {
  const { locale, lang: raw } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const lang = parsed.data;
  const { rights } = await translatePageAccess(locale, `/translate/${lang}/replace`, lang);
  // Replacing writes translations: translators of the language only.
  if (!rights?.edit) forbidden();
  const t = await getTranslations("translate");
  return (
    <>
      <h1>{t("replace.title", { language: lang })}</h1>
      <p className="lead">{t("replace.intro", { max: REPLACE_MAX })}</p>
      <ReplaceForm lang={lang} dir={directionOf(lang)} />
      <p>
        <Link href={`/translate/${lang}/queue`}>{t("replace.back")}</Link>
      </p>
    </>
  );
}
