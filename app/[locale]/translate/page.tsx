import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { type Language } from "@/lib/i18n/languages";
import { translatePageAccess, workLanguages } from "@/lib/translations/access";
import { findLanguageOverview } from "@/lib/translations/data";

type Params = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  return { title: t("title") };
}

export default async function TranslateHome({ params }: Params) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user, allowed } = await translatePageAccess(locale, "/translate");
  if (!allowed) forbidden();
  const [t, tl] = await Promise.all([getTranslations("translate"), getTranslations("languages")]);
  const rights = workLanguages(user);
  const overview = await findLanguageOverview(rights.map((r) => r.lang));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="stat-grid">
        {overview.map(({ lang, counts }) => {
          const r = rights.find((x) => x.lang === lang)!;
          return (
            <section key={lang} className="card" aria-labelledby={`lang-${lang}`}>
              <h2 id={`lang-${lang}`}>{tl("nameCapitalised", { language: lang })}</h2>
              <p>
                {[r.edit && t("overview.youTranslate"), r.review && t("overview.youReview")]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <p className="big-number">
                {t("overview.approvedOf", { approved: counts.approved, total: counts.total })}
              </p>
              <ul>
                <li>
                  {t("overview.toDo", { outdated: counts.outdated, missing: counts.missing, draft: counts.draft })}
                </li>
                <li>{t("overview.inReview", { count: counts.in_review })}</li>
              </ul>
              <p>
                <Link href={`/translate/${lang}`}>{t("overview.open", { language: lang })}</Link>
              </p>
            </section>
          );
        })}
      </div>
    </>
  );
}
