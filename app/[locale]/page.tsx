import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import { findBankSummary } from "@/lib/bank/data";
import { pickText, type Language } from "@/lib/i18n/languages";

export default async function HomePage({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  // Pages render beside the layout: a path such as /robots.txt reaches here too, and Intl would throw on it.
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [t, tl, summary] = await Promise.all([
    getTranslations("home"),
    getTranslations("languages"),
    findBankSummary(),
  ]);
  const format = new Intl.NumberFormat(locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { count: summary.publishedQuestions })}</p>
      <p>
        <Link href="/framework">{t("browseFramework")}</Link>
      </p>

      <section aria-labelledby="by-domain">
        <h2 id="by-domain">{t("byDomain")}</h2>
        <ul className="stat-grid">
          {summary.byDomain.map((d) => (
            <li key={d.code} className="card">
              <h3>
                <Link href={`/framework#${d.code}`}>{pickText(d.name, locale)?.text}</Link>
              </h3>
              <p>
                <span className="big-number">{format.format(d.questions)}</span>{" "}
                {t("questions", { count: d.questions })}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="coverage">
        <h2 id="coverage">{t("coverage")}</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("coverageCaption")}>
          <table>
            <caption className="muted">{t("coverageCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("language")}</th>
                <th scope="col">{t("approved")}</th>
                <th scope="col">{t("share")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.coverage.map((c) => {
                const share = c.total ? c.approved / c.total : 0;
                return (
                  <tr key={c.lang}>
                    <th scope="row">{tl("nameCapitalised", { language: c.lang })}</th>
                    <td>{t("approvedOf", { approved: c.approved, total: c.total })}</td>
                    <td>
                      <span
                        className="meter"
                        role="img"
                        aria-label={new Intl.NumberFormat(locale, { style: "percent" }).format(share)}
                      >
                        <span style={{ inlineSize: `${Math.round(share * 100)}%` }} />
                      </span>
                      {new Intl.NumberFormat(locale, { style: "percent" }).format(share)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <p className="muted">{t("templates", { count: summary.templates })}</p>
    </>
  );
}
