import type { Metadata } from "next";
import { getMessages, getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { findFacetLabels, searchQuestions } from "@/lib/search/data";
import { FACET_KEYS, parseSearchParams, searchParamsSchema, type SearchParams } from "@/lib/search/schema";
import { FacetPanel } from "@/components/search/FacetPanel";
import { SearchForm } from "@/components/search/SearchForm";
import { ResultsTable } from "@/components/search/ResultsTable";
import { searchHref } from "@/components/search/search-url";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findQuestionnaireChoices } from "@/lib/builder/data";
import { AddSelectedSlot } from "@/components/builder/AddSelectedSlot";
import { AREA_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import "@/components/search/search.css";
import { isolate } from "@/lib/text/bidi";

type Props = {
  params: Promise<{ locale: Language }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const q = (await searchParams).q;
  const title = (await getTranslations({ locale, namespace: "search" }))("title");
  return { title: typeof q === "string" && q.trim() ? `${isolate(q.trim())} · ${title}` : title };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const t = await getTranslations("search");
  const parsed = parseSearchParams(raw);
  // A bad parameter in a hand-edited link is named and dropped; the rest of the search still runs.
  const problems = parsed.ok ? [] : parsed.problems;
  const search: SearchParams = parsed.ok
    ? parsed.params
    : searchParamsSchema.parse(
        Object.fromEntries(
          Object.entries(raw).filter(([k, v]) => typeof v === "string" && !problems.some((p) => p.param === k)),
        ),
      );
  const cols = typeof raw.cols === "string" ? raw.cols : undefined;
  // Which filter list to show whole, and which unfolded; anything else there is ignored (they only
  // change how the filters are shown, not the search).
  const more = FACET_KEYS.find((key) => key === raw.more);
  const open = FACET_KEYS.find((key) => key === raw.open);
  const [result, labels, user] = await Promise.all([searchQuestions(search), findFacetLabels(), getCurrentUser()]);
  // Researchers get "add to questionnaire…" on the selected rows.
  const questionnaires = user && can(user, "questionnaire.create") ? await findQuestionnaireChoices(user.id) : null;
  // Its messages only with it: the page itself has no next-intl in the browser (issue 19).
  const slotIntl = questionnaires
    ? { messages: pickMessages(await getMessages(), AREA_NAMESPACES.search), timeZone: await getTimeZone() }
    : null;
  const pages = Math.max(1, Math.ceil(result.total / search.pageSize));
  const shownQuery = result.correctedQuery ?? search.q;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SearchForm params={search} cols={cols} />
      {problems.length > 0 && (
        <div className="notice notice--warn" role="alert">
          <p>{t("invalid")}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.param}>
                {p.code === "repeated"
                  ? t("errors.repeated", { param: p.param })
                  : t(`errors.params.${p.param}` as "errors.params.q")}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="search-layout">
        <FacetPanel
          facets={result.facets}
          estimated={result.estimated}
          labels={labels}
          params={search}
          cols={cols}
          more={more}
          open={open}
          locale={locale}
        />
        <section className="search-results" aria-labelledby="results-heading">
          <h2 id="results-heading" aria-live="polite">
            {result.estimated
              ? shownQuery
                ? t("resultsForAbout", { count: result.total, query: isolate(shownQuery) })
                : t("resultsAbout", { count: result.total })
              : shownQuery
                ? t("resultsFor", { count: result.total, query: isolate(shownQuery) })
                : t("results", { count: result.total })}
          </h2>
          {result.estimated && <p className="hint">{t("estimatedNote")}</p>}
          {result.correctedQuery && (
            <p className="notice">{t("corrected", { query: isolate(result.correctedQuery) })}</p>
          )}
          {result.total === 0 ? (
            <p>{result.stopWordsOnly ? t("stopWordsOnly", { query: isolate(search.q) }) : t("noResults")}</p>
          ) : (
            <ResultsTable
              items={result.items}
              words={result.words}
              locale={locale}
              params={search}
              cols={cols}
              bulkActions={
                questionnaires && slotIntl ? (
                  <AddSelectedSlot questionnaires={questionnaires} locale={locale} {...slotIntl} />
                ) : undefined
              }
            />
          )}
          {pages > 1 && (
            <nav className="pagination" aria-label={t("pagination")}>
              {search.page > 1 && (
                <Link href={searchHref({ params: search, cols }, { page: search.page - 1 })} rel="prev">
                  {t("previous")}
                </Link>
              )}
              <span aria-current="page">
                {result.estimated
                  ? t("pageOfAbout", { page: search.page, pages })
                  : t("pageOf", { page: search.page, pages })}
              </span>
              {search.page < pages && (
                <Link href={searchHref({ params: search, cols }, { page: search.page + 1 })} rel="next">
                  {t("next")}
                </Link>
              )}
            </nav>
          )}
          <p>
            <Link href="/framework">{t("browseFramework")}</Link>
          </p>
        </section>
      </div>
    </>
  );
}
