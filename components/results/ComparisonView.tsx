// Several datasets side by side for the same indicators (all respondents of each): a table, a
// chart (per indicator one line per dataset) with its SVG and PNG downloads, and a note wherever
// the bank versions behind an indicator differ (not comparable as is).
import { getTranslations } from "next-intl/server";
import { comparisonChartLines } from "@/lib/results/chart-lines";
import type { Comparison } from "@/lib/results/view";
import { FileDownloads } from "@/components/ui/FileDownloads";
import { count, percent } from "./format";
import { PngDownloadButton } from "./PngDownloadButton";
import { ResultsChart } from "./ResultsChart";

export async function ComparisonView({
  comparison,
  nameOf,
  locale,
  rtl,
  svgHref,
}: {
  comparison: Comparison;
  /** The export route's address of the comparison's chart as SVG */
  svgHref: string;
  nameOf: (code: string) => { text: string; lang: string };
  locale: string;
  rtl: boolean;
}) {
  const t = await getTranslations("results");
  const none = t("noValue");
  const cell = (r: Comparison["rows"][number]["cells"][number]) =>
    r
      ? `${percent(locale, r.estimate) ?? none} (${
          r.interval
            ? t("intervalRange", {
                lower: percent(locale, r.interval.lower)!,
                upper: percent(locale, r.interval.upper)!,
              })
            : none
        }; ${t("n")} ${count(locale, r.n)})`
      : none;
  const lines = comparisonChartLines(comparison);
  return (
    <>
      <table className="results-table" id="comparison-table">
        <caption>{t("compareCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("indicator")}</th>
            {comparison.datasets.map((d) => (
              <th scope="col" key={d.id} dir="auto">
                {d.name}
              </th>
            ))}
            <th scope="col">{t("notes")}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => {
            const name = nameOf(row.code);
            return (
              <tr key={row.code} data-indicator={row.code}>
                <th scope="row">
                  <span className="code">{row.code}</span>{" "}
                  <span lang={name.lang} dir="auto">
                    {name.text}
                  </span>
                </th>
                {row.cells.map((r, i) => (
                  <td key={comparison.datasets[i].id}>{cell(r)}</td>
                ))}
                <td>
                  {row.notes.map((note) =>
                    note.kind === "versionsDiffer" ? (
                      <p key="versions">
                        {t("versionsDiffer", {
                          versions: note.versions
                            .map((v) =>
                              t("versionOf", { dataset: v.dataset, defined: v.defined, used: v.used ?? none }),
                            )
                            .join("; "),
                        })}
                      </p>
                    ) : (
                      <p key="notIn">{t("notIn", { datasets: note.datasets.join(", ") })}</p>
                    ),
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <nav aria-label={t("compareExportLabel")}>
        <FileDownloads
          locale={locale}
          failedMessage={t("downloadFailed")}
          listClassName="button-row plain-list"
          alertClassName="builder-notice builder-notice--warn"
          downloads={[
            {
              href: svgHref,
              label: t("exportSvg"),
              ariaLabel: t("exportCompareSvg"),
              className: "button-link button-link--secondary",
            },
          ]}
          extra={
            <li>
              <PngDownloadButton
                svgHref={svgHref}
                label={t("exportPng")}
                ariaLabel={t("exportComparePng")}
                locale={locale}
              />
            </li>
          }
        />
      </nav>
      <ResultsChart
        id="comparison-chart"
        lines={lines}
        title={t("compareChartTitle")}
        description={t("chartDesc")}
        noValue={none}
        locale={locale}
        rtl={rtl}
      />
    </>
  );
}
