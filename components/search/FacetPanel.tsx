// The search's filters, rendered on the server as plain links (./PageLink.tsx says why).
import { getTranslations } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { FacetLabels } from "@/lib/search/data";
import type { Facets } from "@/lib/search/types";
import { FACET_KEYS, type FacetKey, type SearchParams } from "@/lib/search/schema";
import { searchHref } from "./search-url";
import { PageLink } from "./PageLink";

/**
 * Values listed per filter before its "Show all" link. Every value listed is a link React hydrates:
 * the lists once held 24–40 values each, over a third of the page's elements and most of a phone's
 * blocking time on a search (issue 19). The full list is one link away, and a person scanning a
 * filter reads its first, largest values.
 */
const SHOWN = 8;

/** Each facet value with its count, as a link that adds (or, when active, removes) that filter. */
export async function FacetPanel({
  facets,
  estimated = false,
  labels,
  params,
  cols,
  more,
  open,
  locale,
}: {
  facets: Facets;
  /** Counts estimated from a sample: shown as "about N". */
  estimated?: boolean;
  labels: FacetLabels;
  params: SearchParams;
  cols?: string;
  /** The filter whose values are all listed (its "Show all" link was followed). */
  more?: FacetKey;
  /** A filter list shown unfolded (after its "Show fewer"). */
  open?: FacetKey;
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
      {/* Open after "Show all" or "Show fewer": on a phone the list asked for is in view, not folded away. */}
      <details className="facets-toggle" open={more !== undefined || open !== undefined}>
        <summary>{t("chooseFilters")}</summary>
        {FACET_KEYS.map((key) => {
          const values = facets[key];
          if (!values.length || params[key]) return null;
          const whole = key === more;
          const shown = whole ? values : values.slice(0, SHOWN);
          return (
            <details
              key={key}
              id={`facet-list-${key}`}
              className="facet"
              open={whole || key === open || ["domain", "indicator", "type", "translation"].includes(key)}
            >
              <summary>
                <h3 id={`facet-${key}`}>{t(`facets.${key}`)}</h3>
              </summary>
              <ul className="plain-list" aria-labelledby={`facet-${key}`}>
                {shown.map((v) => (
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
              {(whole || values.length > SHOWN) && (
                <p className="facet-more">
                  <PageLink
                    locale={locale}
                    href={`${searchHref({ params, cols }, whole ? { open: key } : { more: key })}#facet-list-${key}`}
                    aria-describedby={`facet-${key}`}
                  >
                    {whole ? t("showFewer") : t("showMore", { count: values.length })}
                  </PageLink>
                </p>
              )}
            </details>
          );
        })}
      </details>
    </nav>
  );
}
