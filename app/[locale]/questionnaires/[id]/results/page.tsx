import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, pickText, type Language } from "@/lib/i18n/languages";
import { loadResultsPage, type ResultsPageProps } from "@/lib/results/page";
import { RESULTS_MAX_MEGABYTES } from "@/lib/results/limits";
import { FileDownloads } from "@/components/ui/FileDownloads";
import { UploadForm } from "@/components/results/UploadForm";
import { DeleteDatasetButton } from "@/components/results/DeleteDatasetButton";
import { ResultsTable } from "@/components/results/ResultsTable";
import { ResultsChart } from "@/components/results/ResultsChart";
import { ComparisonView } from "@/components/results/ComparisonView";
import { PngDownloadButton } from "@/components/results/PngDownloadButton";
import { count } from "@/components/results/format";
import { datasetChartLines } from "@/lib/results/chart-lines";
import "@/components/builder/builder.css";
import "@/components/results/results.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "results" }))("title") };
}

export default async function ResultsPage(props: ResultsPageProps) {
  const page = await loadResultsPage(props);
  const { locale, doc, codebook, datasets, selected, results, comparison } = page;
  const t = await getTranslations("results");
  const rtl = directionOf(locale) === "rtl";
  const title = pickText(doc.title, locale)?.text ?? doc.slug ?? doc.id;
  const names = new Map(codebook?.indicators.map((i) => [i.code, i.name]) ?? []);
  const nameOf = (code: string) => {
    const picked = pickText(names.get(code), locale);
    return picked ? { text: picked.text, lang: picked.lang } : { text: "", lang: locale };
  };
  const base = `/questionnaires/${doc.id}/results`;
  const exportHref = (format: string) => {
    const q = new URLSearchParams({ dataset: selected!.id, format });
    if (results?.weight) q.set("weight", results.weight);
    if (results?.group) q.set("group", results.group);
    return `/${locale}${base}/export?${q}`;
  };
  const lines = results ? datasetChartLines(results, t("noValue")) : [];
  // The comparison's chart file names its datasets in the order they are compared.
  const comparisonSvgHref = comparison
    ? `/${locale}${base}/export?${new URLSearchParams([
        ...comparison.datasets.map((d): [string, string] => ["compare", d.id]),
        ["format", "svg"],
      ])}`
    : "";

  return (
    <>
      <h1>{t("heading", { title })}</h1>
      <p className="lead">{t("intro")}</p>
      <nav aria-label={t("navLabel")}>
        <ul className="button-row plain-list">
          <li>
            <Link href={page.back}>{t("back")}</Link>
          </li>
          <li>
            <Link href={`/questionnaires/${doc.id}/codebook`}>{t("codebook")}</Link>
          </li>
        </ul>
      </nav>
      {!codebook && (
        <p className="builder-notice builder-notice--warn" role="status">
          {t("formNotReady")}
        </p>
      )}

      <section className="results-section" aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">{t("datasetsHeading")}</h2>
        {datasets.length === 0 ? (
          <p>{t("noDatasets")}</p>
        ) : (
          <table className="results-table">
            <caption>{t("datasetsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("file")}</th>
                <th scope="col">{t("rows")}</th>
                <th scope="col">{t("uploadedAt")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id} aria-current={d.id === selected?.id ? "true" : undefined}>
                  <th scope="row" dir="auto">
                    {d.name}
                  </th>
                  <td>
                    <span dir="auto">{d.fileName}</span> ({t(`formats.${d.format as "csv"}`)})
                  </td>
                  <td>{count(locale, d.rowCount)}</td>
                  <td>
                    <time dateTime={d.uploadedAt.toISOString()}>
                      {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
                        d.uploadedAt,
                      )}
                    </time>
                  </td>
                  <td>
                    <Link
                      href={`${base}?dataset=${encodeURIComponent(d.id)}`}
                      aria-label={t("openOf", { name: d.name })}
                    >
                      {t("open")}
                    </Link>{" "}
                    <DeleteDatasetButton questionnaireId={doc.id} datasetId={d.id} name={d.name} locale={locale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {page.canUpload && codebook && (
        <section className="results-section" aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t("uploadHeading")}</h2>
          <UploadForm questionnaireId={doc.id} locale={locale} maxMegabytes={RESULTS_MAX_MEGABYTES} />
        </section>
      )}

      {selected && results && (
        <section className="results-section" aria-labelledby="results-heading">
          <h2 id="results-heading">
            <span dir="auto">{t("resultsHeading", { name: selected.name })}</span>
          </h2>
          <h3>{t("mappingHeading")}</h3>
          <p>{t("matched", { count: Object.keys(selected.mapping.columns).length })}</p>
          {selected.mapping.unmatched.length > 0 && (
            <p dir="auto">{t("unmatched", { columns: selected.mapping.unmatched.join(", ") })}</p>
          )}
          {selected.mapping.missing.length > 0 && (
            <p>{t("missing", { variables: selected.mapping.missing.join(", ") })}</p>
          )}
          <form method="get" action={`/${locale}${base}`}>
            <fieldset>
              <legend>{t("optionsHeading")}</legend>
              <input type="hidden" name="dataset" value={selected.id} />
              <label htmlFor="results-weight">{t("weightLabel")}</label>{" "}
              <select id="results-weight" name="weight" defaultValue={results.weight ?? ""}>
                <option value="">{t("none")}</option>
                {page.columnChoices.weights.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>{" "}
              <label htmlFor="results-group">{t("groupLabel")}</label>{" "}
              <select id="results-group" name="group" defaultValue={results.group ?? ""}>
                <option value="">{t("none")}</option>
                {page.columnChoices.groups.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>{" "}
              <button type="submit">{t("apply")}</button>
            </fieldset>
          </form>
          {results.weight && <p>{t("weighted", { column: results.weight })}</p>}
          {results.indicators.length === 0 ? (
            <p role="status">{t("noIndicators")}</p>
          ) : (
            <>
              <nav aria-label={t("exportLabel")}>
                <FileDownloads
                  locale={locale}
                  failedMessage={t("downloadFailed")}
                  listClassName="button-row plain-list"
                  alertClassName="builder-notice builder-notice--warn"
                  downloads={[
                    {
                      href: exportHref("csv"),
                      label: t("exportCsv"),
                      ariaLabel: t("exportCsvOf", { name: selected.name }),
                      className: "button-link",
                    },
                    {
                      href: exportHref("xlsx"),
                      label: t("exportXlsx"),
                      ariaLabel: t("exportXlsxOf", { name: selected.name }),
                      className: "button-link button-link--secondary",
                    },
                    {
                      href: exportHref("svg"),
                      label: t("exportSvg"),
                      ariaLabel: t("exportSvgOf", { name: selected.name }),
                      className: "button-link button-link--secondary",
                    },
                  ]}
                  extra={
                    <li>
                      <PngDownloadButton
                        svgHref={exportHref("svg")}
                        label={t("exportPng")}
                        ariaLabel={t("exportPngOf", { name: selected.name })}
                        locale={locale}
                      />
                    </li>
                  }
                />
              </nav>
              <ResultsTable
                results={results}
                caption={t("tableCaption", { name: selected.name })}
                nameOf={nameOf}
                locale={locale}
              />
              <ResultsChart
                id="results-chart"
                lines={lines}
                title={t("chartTitle", { name: selected.name })}
                description={t("chartDesc")}
                noValue={t("noValue")}
                locale={locale}
                rtl={rtl}
              />
            </>
          )}
          {[...new Set(results.notComputable.map((n) => n.question))].map((question) => (
            <p key={question} className="muted">
              {t("notComputable", {
                question,
                codes: results.notComputable
                  .filter((n) => n.question === question)
                  .map((n) => n.code)
                  .join(", "),
              })}
            </p>
          ))}
          {[...new Set(results.inRepeat.map((n) => n.repeat))].map((repeat) => (
            <p key={`repeat-${repeat}`} className="muted" dir="auto">
              {t("inRepeat", {
                repeat,
                codes: results.inRepeat
                  .filter((n) => n.repeat === repeat)
                  .map((n) => n.code)
                  .join(", "),
              })}
            </p>
          ))}
        </section>
      )}

      {datasets.length >= 2 && (
        <section className="results-section" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t("compareHeading")}</h2>
          <form method="get" action={`/${locale}${base}`}>
            <fieldset>
              <legend>{t("compareIntro")}</legend>
              {selected && <input type="hidden" name="dataset" value={selected.id} />}
              {datasets.map((d) => (
                <span key={d.id}>
                  <input
                    type="checkbox"
                    id={`compare-${d.id}`}
                    name="compare"
                    value={d.id}
                    defaultChecked={page.compareIds.includes(d.id)}
                  />{" "}
                  <label htmlFor={`compare-${d.id}`} dir="auto">
                    {d.name}
                  </label>{" "}
                </span>
              ))}
              <button type="submit">{t("compareButton")}</button>
            </fieldset>
          </form>
          {comparison && (
            <ComparisonView
              comparison={comparison}
              nameOf={nameOf}
              locale={locale}
              rtl={rtl}
              svgHref={comparisonSvgHref}
            />
          )}
        </section>
      )}
    </>
  );
}
