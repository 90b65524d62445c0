import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { findDraftQueue } from "@/lib/curation/data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { StatusActions } from "@/components/curate/StatusActions";
import { Announcer } from "@/components/curate/Announcer";
import { isolate } from "@/lib/text/bidi";
import { HazardText } from "@/components/hazards/HazardText";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate.drafts" }))("title") };
}

export default async function DraftsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, "/curate/drafts");
  if (!access.allowed) forbidden();
  const [t, drafts] = await Promise.all([getTranslations("curate.drafts"), findDraftQueue()]);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>{t("count", { count: drafts.length })}</p>
      <Announcer>
        <ul className="draft-queue">
          {drafts.map((d) => (
            <li key={d.code} className="card">
              <h2>
                <Link href={`/curate/questions/${d.code}`}>
                  <span className="code">{d.code}</span>
                </Link>
              </h2>
              <p dir="auto">
                <HazardText text={d.label} />
              </p>
              <p className="muted">
                {t("meta", {
                  date: format.format(d.createdAt),
                  by: d.createdBy ? isolate(d.createdBy) : t("unknownAuthor"),
                  questionnaires: d.questionnaires,
                })}
                {d.indicators.length > 0 ? ` · ${d.indicators.join(", ")}` : ` · ${t("noIndicator")}`}
              </p>
              <StatusActions code={d.code} status="draft" revision={d.revision} canRestore={false} />
            </li>
          ))}
        </ul>
      </Announcer>
    </>
  );
}
