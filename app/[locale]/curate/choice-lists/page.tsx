import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { findSharedChoiceLists } from "@/lib/curation/choice-list-data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { ChoiceListEditor } from "@/components/curate/ChoiceListEditor";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate.lists" }))("title") };
}

export default async function ChoiceListsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, "/curate/choice-lists");
  if (!access.allowed) forbidden();
  const [t, lists] = await Promise.all([getTranslations("curate.lists"), findSharedChoiceLists()]);
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("title")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("version")}</th>
              <th scope="col">{t("choiceCount")}</th>
              <th scope="col">{t("questionCount")}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.name}>
                <td>
                  <Link href={`/curate/choice-lists/${l.name}`}>
                    <span className="code">{l.name}</span>
                  </Link>
                </td>
                <td>{l.version}</td>
                <td>{l.choices}</td>
                <td>{l.questions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("newTitle")}</h2>
      <ChoiceListEditor mode="create" name="" revision={0} initial="" questionCount={0} />
    </>
  );
}
