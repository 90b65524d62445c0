import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { translatePageAccess } from "@/lib/translations/access";
import { findGlossaryDomains, glossaryRights, listGlossary } from "@/lib/translations/glossary-data";
import { findConsistencyReport } from "@/lib/translations/glossary-report-data";
import { glossaryFilterSchema, SUGGESTED_DOMAINS } from "@/lib/translations/glossary-schema";
import { targetLanguageSchema } from "@/lib/translations/schema";
import { IMPORT_MAX_BYTES } from "@/lib/translations/upload-limit";
import { GlossaryImport } from "@/components/translate/GlossaryImport";
import { GlossaryTerms } from "@/components/translate/GlossaryTerms";

type Params = {
  params: Promise<{ locale: Language; lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  return { title: parsed.success ? t("glossary.title", { language: parsed.data }) : t("title") };
}

export default async function GlossaryPage({ params, searchParams }: Params) {
  const { locale, lang: raw } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const lang = parsed.data;
  const { user } = await translatePageAccess(locale, `/translate/${lang}/glossary`, lang);
  const rights = glossaryRights(user, lang);
  if (!rights.read) forbidden();
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const filter = glossaryFilterSchema.parse(query);
  const [rows, domains, report] = await Promise.all([
    listGlossary(lang, filter),
    findGlossaryDomains(lang),
    findConsistencyReport(lang),
  ]);
  const t = await getTranslations("translate.glossary");
  const tt = await getTranslations("translate");
  const dir = directionOf(lang);
  const base = `/${locale}/translate/${lang}/glossary`;
  return (
    <>
      <h1>{t("title", { language: lang })}</h1>
      <p className="lead">{t("intro")}</p>
      <ul>
        <li>
          <a href={`${base}/export?format=tbx`} download>
            {t("exportTbx")}
          </a>
        </li>
        <li>
          <a href={`${base}/export?format=csv`} download>
            {t("exportCsv")}
          </a>
        </li>
      </ul>
      <form method="get" role="search" aria-label={t("filter")}>
        <label htmlFor="glossary-q">{t("search")}</label>{" "}
        <input id="glossary-q" name="q" defaultValue={filter.q ?? ""} />{" "}
        <label htmlFor="glossary-domain">{t("domain")}</label>{" "}
        <select id="glossary-domain" name="domain" defaultValue={filter.domain ?? ""}>
          <option value="">{t("allDomains")}</option>
          {domains.map((d) => (
            <option key={d} value={d}>
              {t("domainName", { domain: d })}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("apply")}</button>
      </form>
      <GlossaryTerms
        lang={lang}
        dir={dir}
        rows={rows}
        canEdit={rights.edit}
        domains={[...new Set([...SUGGESTED_DOMAINS, ...domains])]}
      />
      {rights.edit && (
        <section aria-labelledby="glossary-import">
          <h2 id="glossary-import">{t("importTitle")}</h2>
          <p>{t("importIntro")}</p>
          <GlossaryImport lang={lang} dir={dir} maxMegabytes={IMPORT_MAX_BYTES / 1024 / 1024} />
        </section>
      )}
      <section aria-labelledby="glossary-report">
        <h2 id="glossary-report">{t("report")}</h2>
        <p>{t("reportIntro")}</p>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="glossary-report">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("term")}</th>
                <th scope="col">{t("approved")}</th>
                <th scope="col">{t("texts")}</th>
                <th scope="col">{t("usesApproved")}</th>
                <th scope="col">{t("usesForbidden")}</th>
                <th scope="col">{t("neither")}</th>
                <th scope="col">{t("openItems")}</th>
              </tr>
            </thead>
            <tbody>
              {report.map((r) => (
                <tr key={r.term}>
                  <th scope="row" lang="en" dir="ltr">
                    {r.term}
                  </th>
                  <td lang={lang} dir={dir}>
                    {r.approved}
                  </td>
                  <td>{r.texts}</td>
                  <td>{r.usesApproved}</td>
                  <td>{r.usesForbidden}</td>
                  <td>{r.neither}</td>
                  <td>
                    {[...r.forbiddenIn, ...r.neitherIn].map((code) => (
                      <span key={code}>
                        <Link href={`/translate/${lang}/q/${code}`}>{code}</Link>{" "}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p>
        <Link href={`/translate/${lang}`}>{tt("import.back")}</Link>
      </p>
    </>
  );
}
