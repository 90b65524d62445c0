import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { checkPageAccess } from "@/lib/auth/page-access";
import { loadAuditPage } from "@/lib/auth/audit-page-data";
import { AuditFilters } from "@/components/audit/AuditFilters";
import { AuditTable } from "@/components/audit/AuditTable";
import "@/components/auth/auth.css";

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "audit" }))("title"), robots: { index: false } };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Language }>;
  searchParams: Promise<Query>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { allowed } = await checkPageAccess(locale, "audit.read", "/audit");
  if (!allowed) forbidden();
  const [t, data] = await Promise.all([getTranslations("audit"), loadAuditPage(await headers(), await searchParams)]);
  const pageLink = (page: number) => {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(data.filter))
      if (value !== undefined && key !== "page") query[key] = String(value);
    return { pathname: "/audit", query: { ...query, page: String(page) } };
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <AuditFilters filter={data.filter} actors={data.actors} />
      <AuditTable rows={data.rows} total={data.total} names={data.names} />
      {data.pages > 1 && (
        <nav className="pager" aria-label={t("pagination")}>
          {data.page > 1 && (
            <Link href={pageLink(data.page - 1)} rel="prev">
              {t("previous")}
            </Link>
          )}
          <span aria-current="page">{t("pageOf", { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages && (
            <Link href={pageLink(data.page + 1)} rel="next">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
