import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import { findFrameworkForEditing } from "@/lib/curation/framework-data";
import { curatePageAccess } from "@/lib/curation/page-access";
import { CurateNav } from "@/components/curate/CurateNav";
import { FrameworkForm } from "@/components/curate/FrameworkForm";
import { IndicatorActions } from "@/components/curate/IndicatorActions";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Announcer } from "@/components/ui/Announcer";

type Props = { params: Promise<{ locale: Language }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "curate.framework" }))("title") };
}

export default async function FrameworkEditorPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await curatePageAccess(locale, "/curate/framework", "framework.edit");
  if (!access.allowed) forbidden();
  const [t, tree] = await Promise.all([getTranslations("curate.framework"), findFrameworkForEditing()]);
  const domains = tree.map((d) => ({ code: d.code, label: pickText(d.name, locale)?.text ?? "" }));
  const topics = tree.flatMap((d) =>
    d.topics.map((tp) => ({ code: tp.code, label: pickText(tp.name, locale)?.text ?? "" })),
  );
  return (
    <>
      <CurateNav isAdmin={access.isAdmin} isCurator={access.isCurator} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <details className="card">
        <summary>{t("newIndicator")}</summary>
        <FrameworkForm entry={{ kind: "indicator", parent: topics[0]?.code }} parents={topics} />
      </details>
      <details className="card">
        <summary>{t("newTopic")}</summary>
        <FrameworkForm entry={{ kind: "topic", parent: domains[0]?.code }} parents={domains} />
      </details>
      <details className="card">
        <summary>{t("newDomain")}</summary>
        <FrameworkForm entry={{ kind: "domain" }} />
      </details>
      <Announcer>
        {tree.map((d) => (
          <section key={d.code} aria-labelledby={`fw-${d.code}`}>
            <h2 id={`fw-${d.code}`}>
              <span className="code">{d.code}</span> {pickText(d.name, locale)?.text}
            </h2>
            <details>
              <summary>{t("editDomain", { code: d.code })}</summary>
              <FrameworkForm
                entry={{ kind: "domain", code: d.code, revision: d.revision, name: d.name, text: d.description }}
              />
            </details>
            {d.topics.map((tp) => (
              <section key={tp.code} aria-labelledby={`fw-${tp.code}`} className="framework-topic">
                <h3 id={`fw-${tp.code}`}>
                  <span className="code">{tp.code}</span> {pickText(tp.name, locale)?.text}
                </h3>
                <details>
                  <summary>{t("editTopic", { code: tp.code })}</summary>
                  <FrameworkForm
                    entry={{ kind: "topic", code: tp.code, revision: tp.revision, parent: d.code, name: tp.name }}
                    parents={domains}
                  />
                </details>
                <ul className="question-list">
                  {tp.indicators.map((i) => (
                    <li key={i.code}>
                      <details>
                        <summary>
                          <span className="code">{i.code}</span> {pickText(i.name, locale)?.text}{" "}
                          <span className="muted">{t("questions", { count: i.questions })}</span>
                          {i.retired && (
                            <StatusBadge
                              status="retired"
                              label={i.mergedInto ? t("mergedInto", { code: i.mergedInto }) : t("retired")}
                            />
                          )}
                        </summary>
                        <FrameworkForm
                          entry={{
                            kind: "indicator",
                            code: i.code,
                            revision: i.revision,
                            parent: tp.code,
                            type: i.type,
                            name: i.name,
                            text: i.definition,
                          }}
                          parents={topics}
                        />
                        <IndicatorActions
                          code={i.code}
                          revision={i.revision}
                          questions={i.questions}
                          retired={i.retired}
                          merged={!!i.mergedInto}
                        />
                      </details>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
      </Announcer>
    </>
  );
}
