import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LANGUAGES, directionOf, type Language } from "@/lib/i18n/languages";
import { findSharedChoiceList } from "@/lib/curation/choice-list-data";
import { formatChoiceLines } from "@/lib/curation/schema";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { ChoiceListEditor } from "@/components/curate/ChoiceListEditor";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { HazardText } from "@/components/hazards/HazardText";

type Props = { params: Promise<{ locale: Language; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, name } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate.lists" }))("editTitle", { name }) };
}

export default async function ChoiceListPage({ params }: Props) {
  const { locale, name } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, `/curate/choice-lists/${name}`);
  if (!access.allowed) forbidden();
  const [t, tq, tl, list] = await Promise.all([
    getTranslations("curate.lists"),
    getTranslations("question"),
    getTranslations("languages"),
    findSharedChoiceList(decodeURIComponent(name)),
  ]);
  if (!list) notFound();
  const published = list.questions.filter((q) => q.status === "published").length;
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("editTitle", { name: list.name })}</h1>
      <p>{t("versionIs", { version: list.version })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("inEveryLanguage")}>
        <table className="data-table">
          <caption>{t("inEveryLanguage")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("choiceName")}</th>
              {LANGUAGES.map((l) => (
                <th scope="col" key={l}>
                  {tl("nameCapitalised", { language: l })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.choices.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <span className="code">{c.name}</span>
                </th>
                {LANGUAGES.map((l) => (
                  <td key={l}>
                    <span lang={l} dir={directionOf(l)}>
                      <HazardText text={c.texts[l]?.label} />
                    </span>{" "}
                    <StatusBadge
                      status={c.texts[l]?.status ?? "missing"}
                      label={tq(`translation.${c.texts[l]?.status ?? "missing"}` as "translation.draft")}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("editChoices")}</h2>
      <ChoiceListEditor
        mode="update"
        name={list.name}
        revision={list.revision}
        initial={formatChoiceLines(list.choices.map((c) => ({ name: c.name, label: c.texts.en?.label ?? "" })))}
        questionCount={published}
      />
      <h2>{t("usedBy", { count: list.questions.length })}</h2>
      <ul className="question-list">
        {list.questions.map((q) => (
          <li key={q.code}>
            <Link href={`/curate/questions/${q.code}`}>
              <span className="code">{q.code}</span>
            </Link>{" "}
            <span dir="auto">
              <HazardText text={q.label} />
            </span>{" "}
            <StatusBadge status={q.status} label={tq(`statuses.${q.status}` as "statuses.draft")} />{" "}
            <span className="muted">{t("atVersion", { version: q.version })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
