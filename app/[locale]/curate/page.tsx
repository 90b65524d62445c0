import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { QUESTION_STATUSES } from "@/lib/vocabulary/enums";
import { findCurationQuestions } from "@/lib/curation/data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Button } from "@/components/ui/Button";
import { HazardText } from "@/components/hazards/HazardText";

type Props = {
  params: Promise<{ locale: Language }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const STATUSES = QUESTION_STATUSES;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate" }))("title") };
}

export default async function CuratePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, "/curate");
  if (!access.allowed) forbidden();
  const search = await searchParams;
  const query = one(search.q).slice(0, 200);
  const status = STATUSES.find((s) => s === one(search.status));
  const includeRetired = one(search.retired) === "1";
  const page = Math.max(1, Math.min(1000, Number.parseInt(one(search.page) || "1", 10) || 1));
  const [t, tq, result] = await Promise.all([
    getTranslations("curate"),
    getTranslations("question"),
    findCurationQuestions({ query, status, includeRetired, page }),
  ]);
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form method="get" className="filters" role="search" aria-label={t("list.filters")}>
        <label htmlFor="q">{t("list.query")}</label>
        <input id="q" name="q" type="search" defaultValue={query} dir="auto" />
        <label htmlFor="status">{t("list.status")}</label>
        <select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("list.anyStatus")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tq(`statuses.${s}`)}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" name="retired" value="1" defaultChecked={includeRetired} /> {t("list.includeRetired")}
        </label>
        <Button variant="primary" type="submit">
          {t("list.apply")}
        </Button>
      </form>
      <p role="status">{t("list.count", { count: result.total })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("list.caption")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{tq("code")}</th>
              <th scope="col">{t("list.wording")}</th>
              <th scope="col">{tq("type")}</th>
              <th scope="col">{tq("status")}</th>
              <th scope="col">{tq("version")}</th>
              <th scope="col">{tq("indicators")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.code}>
                <td>
                  <Link href={`/curate/questions/${r.code}`}>
                    <span className="code">{r.code}</span>
                  </Link>
                </td>
                <td lang="en" dir="auto">
                  <HazardText text={r.label} />
                </td>
                <td>{tq(`types.${r.type}` as "types.text")}</td>
                <td>
                  <StatusBadge status={r.status} label={tq(`statuses.${r.status}` as "statuses.draft")} />
                </td>
                <td>{r.version}</td>
                <td>{r.indicators.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.pages > 1 && (
        <nav aria-label={t("list.pages")} className="pager">
          {page > 1 && (
            <Link
              href={{
                pathname: "/curate",
                query: { q: query, status: status ?? "", retired: includeRetired ? "1" : "", page: page - 1 },
              }}
            >
              {t("list.previous")}
            </Link>
          )}{" "}
          <span>{t("list.pageOf", { page, pages: result.pages })}</span>{" "}
          {page < result.pages && (
            <Link
              href={{
                pathname: "/curate",
                query: { q: query, status: status ?? "", retired: includeRetired ? "1" : "", page: page + 1 },
              }}
            >
              {t("list.next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
