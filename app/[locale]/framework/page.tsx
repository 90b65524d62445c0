import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { findFrameworkTree } from "@/lib/framework/data";
import { pickText, type Language } from "@/lib/i18n/languages";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "framework" }))("title") };
}

export default async function FrameworkPage({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tree] = await Promise.all([getTranslations("framework"), findFrameworkTree()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ul className="tree">
        {tree.map((domain) => (
          <li key={domain.code}>
            <h2 id={domain.code}>
              {pickText(domain.name, locale)?.text} <span className="code">{domain.code}</span>
            </h2>
            <p className="muted">{pickText(domain.description, locale)?.text}</p>
            <ul>
              {domain.topics.map((topic) => (
                <li key={topic.code}>
                  <h3>{pickText(topic.name, locale)?.text}</h3>
                  <ul>
                    {topic.indicators.map((indicator) => (
                      <li key={indicator.code}>
                        <Link href={`/framework/${indicator.code}`}>
                          <span className="code">{indicator.code}</span> {pickText(indicator.name, locale)?.text}
                        </Link>{" "}
                        <span className="muted">
                          {indicator.type === "contextual" ? (
                            t("contextual")
                          ) : indicator.publishedQuestions > 0 ? (
                            // The same questions as the search with this indicator as its facet.
                            <Link
                              href={`/search?indicator=${indicator.code}`}
                              style={{ display: "inline-block", minBlockSize: "24px", minInlineSize: "24px" }}
                            >
                              {t("questionCount", { count: indicator.publishedQuestions })}
                            </Link>
                          ) : (
                            t("questionCount", { count: indicator.publishedQuestions })
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
