import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { type Language } from "@/lib/i18n/languages";
import { findQuestionVersions, findVersionDiff } from "@/lib/curation/version-data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { DiffText } from "@/components/ui/DiffText";
import { Button } from "@/components/ui/Button";

type Props = {
  params: Promise<{ locale: Language; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const int = (v: string | string[] | undefined) => {
  const n = Number.parseInt(Array.isArray(v) ? (v[0] ?? "") : (v ?? ""), 10);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate.versions" }))("title", { code }) };
}

export default async function VersionsPage({ params, searchParams }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, `/curate/questions/${code}/versions`);
  if (!access.allowed) forbidden();
  const [t, tl, versions] = await Promise.all([
    getTranslations("curate.versions"),
    getTranslations("languages"),
    findQuestionVersions(code),
  ]);
  if (versions.length === 0) notFound();
  const search = await searchParams;
  const latest = versions[0].version;
  const to = int(search.to) ?? latest;
  const from = int(search.from) ?? versions[1]?.version ?? latest;
  const diff = from !== to ? await findVersionDiff(code, from, to) : null;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("title", { code })}</h1>
      <p>
        <Link href={`/curate/questions/${code}`}>{t("back")}</Link>
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("caption")}>
        <table className="data-table">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("version")}</th>
              <th scope="col">{t("published")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{format.format(v.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="get" className="filters" aria-label={t("compare")}>
        <label htmlFor="from">{t("from")}</label>
        <select id="from" name="from" defaultValue={String(from)}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
            </option>
          ))}
        </select>
        <label htmlFor="to">{t("to")}</label>
        <select id="to" name="to" defaultValue={String(to)}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
            </option>
          ))}
        </select>
        <Button variant="primary" type="submit">
          {t("compare")}
        </Button>
      </form>
      <h2>{t("differences", { from, to })}</h2>
      {from === to ? (
        <p>{t("sameVersion")}</p>
      ) : !diff ? (
        <p role="alert">{t("unknownVersion")}</p>
      ) : diff.fields.length === 0 ? (
        <p>{t("noDifference")}</p>
      ) : (
        <dl className="diff-list">
          {diff.fields.map((f) => (
            <div key={`${f.field}-${f.lang ?? ""}`}>
              <dt>
                {t(`fields.${f.field}` as "fields.label")}
                {f.lang ? ` (${tl("name", { language: f.lang })})` : ""}
              </dt>
              <dd lang={f.lang} className="diff-text">
                <DiffText parts={f.parts} addedLabel={t("added")} removedLabel={t("removed")} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
