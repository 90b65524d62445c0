// The search's filters, rendered on the server as plain links (./PageLink.tsx says why).
import { getTranslations } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { FacetLabels } from "@/lib/search/data";
import type { Facets } from "@/lib/search/types";
import { FACET_KEYS, type FacetKey, type SearchParams } from "@/lib/search/schema";
import { searchHref } from "./search-url";
import { PageLink } from "./PageLink";

const SHOWN = 8;

/** Each facet value with its count, as a link that adds (or, when active, removes) that filter. */
export async function FacetPanel({
  facets,
  estimated = false,
  labels,
  params,
  cols,
  locale,
}: {
  facets: Facets;
  /** Counts estimated from a sample: shown as "about N". */
  estimated?: boolean;
  labels: FacetLabels;
  params: SearchParams;
  cols?: string;
  locale: Language;
}) {
  const t = await getTranslations("search");
  const tq = await getTranslations("question");
  const format = new Intl.NumberFormat(locale);
  const labelOf = (key: FacetKey, value: string): string => {
    switch (key) {
      case "domain":
      case "topic":
      case "indicator": {
        const name = pickText(labels[key][value], locale)?.text;
        return name ? `${value} ${name}` : value;
      }
      case "source":
        return labels.source[value] ?? value;
      case "type":
        return tq(`types.${value}` as "types.text");
      case "status":
        return tq(`statuses.${value}` as "statuses.draft");
      case "translation": {
        const [lang, state] = value.split(":");
        return t("translationFacet", {
          state: tq(`translation.${state}` as "translation.missing"),
          language: lang,
        });
      }
      default:
        return value;
    }
  };
  const active = FACET_KEYS.filter((k) => params[k]);
  return (
    <nav className="facets" aria-label={t("filters")}>
      <h2>{t("filters")}</h2>
      {active.length > 0 && (
        <section aria-labelledby="facet-active">
          <h3 id="facet-active">{t("activeFilters")}</h3>
          <ul className="plain-list">
            {active.map((k) => (
              <li key={k}>
                <PageLink
                  locale={locale}
                  href={searchHref({ params, cols }, { [k]: undefined })}
                  aria-label={t("removeFilter", { filter: labelOf(k, String(params[k])) })}
                  className="chip"
                >
                  {t(`facets.${k}`)}: {labelOf(k, String(params[k]))} <span aria-hidden="true">×</span>
                </PageLink>
              </li>
            ))}
          </ul>
          <p>
            <PageLink
              locale={locale}
              href={searchHref({
                params: { ...params, ...Object.fromEntries(FACET_KEYS.map((k) => [k, undefined])) },
                cols,
              })}
            >
              {t("clearAll")}
            </PageLink>
          </p>
        </section>
      )}
      <details className="facets-toggle">
        <summary>{t("chooseFilters")}</summary>
        {FACET_KEYS.map((key) => {
          const values = facets[key];
          if (!values.length || params[key]) return null;
          return (
            <details key={key} className="facet" open={["domain", "indicator", "type", "translation"].includes(key)}>
              <summary>
                <h3 id={`facet-${key}`}>{t(`facets.${key}`)}</h3>
              </summary>
              <ul className="plain-list" aria-labelledby={`facet-${key}`}>
                {values.slice(0, key === "translation" || key === "indicator" ? 40 : SHOWN * 3).map((v) => (
                  <li key={v.value}>
                    <PageLink locale={locale} href={searchHref({ params, cols }, { [key]: v.value })}>
                      {labelOf(key, v.value)}{" "}
                      <span className="count">
                        ({estimated ? t("countAbout", { count: v.count }) : format.format(v.count)})
                      </span>
                    </PageLink>
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </details>
    </nav>
  );
}
