import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import { findFrameworkForEditing } from "@/lib/curation/framework-data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { ComputationForm } from "@/components/curate/ComputationForm";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate.indicators" }))("title") };
}

/** The framework's computable side: each behavioural indicator's definition over its key question. */
export default async function IndicatorDefinitionsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, "/curate/indicators", "indicator.define");
  if (!access.allowed) forbidden();
  const [t, tree] = await Promise.all([getTranslations("curate.indicators"), findFrameworkForEditing()]);
  const indicators = tree.flatMap((d) =>
    d.topics.flatMap((tp) => tp.indicators.filter((i) => i.type === "behavioural" && !i.retired)),
  );
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ul className="question-list">
        {indicators.map((i) => (
          <li key={i.code}>
            <details>
              <summary>
                <span className="code">{i.code}</span> {pickText(i.name, locale)?.text}{" "}
                <span className="muted">
                  {i.computation
                    ? t.rich("defined", {
                        question: i.computation.question,
                        bdi: (chunks) => <bdi className="code">{chunks}</bdi>,
                      })
                    : t("undefined")}
                </span>
              </summary>
              <p>{pickText(i.definition, locale)?.text}</p>
              <ComputationForm code={i.code} revision={i.revision} computation={i.computation} />
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
