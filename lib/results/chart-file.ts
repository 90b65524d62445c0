// The results chart's SVG file with its words in the page's language: heading, weight and
// grouping, description and footer (questionnaire, dataset, "95 % interval"), for one dataset or
// for the datasets compared. The export route's `format=svg` answers with these; the drawing is
// lib/results/chart-svg.ts.
import "server-only";
import type { Codebook } from "../codebook/model";
import { directionOf, pickText, type Language } from "../i18n/languages";
import { translatorFor } from "../http/messages";
import { cutLabel } from "./chart-layout";
import { comparisonChartLines, datasetChartLines } from "./chart-lines";
import { chartSvg } from "./chart-svg";
import type { Comparison, DatasetResults } from "./view";

const titleOf = (codebook: Codebook, locale: Language) =>
  pickText(codebook.questionnaire.title, locale)?.text || codebook.questionnaire.slug || codebook.questionnaire.id;

/** The footer fits one line whatever the names' length: they are cut, "95 % interval" never is. */
const footerOf = (locale: Language, codebook: Codebook, dataset: string) =>
  translatorFor(locale)("results.chartFooter", {
    questionnaire: cutLabel(titleOf(codebook, locale), 45),
    dataset: cutLabel(dataset, 45),
  });

export function datasetChartFile({
  locale,
  codebook,
  name,
  results,
}: {
  locale: Language;
  codebook: Codebook;
  /** The dataset's name */
  name: string;
  results: DatasetResults;
}): string {
  const t = translatorFor(locale);
  const noValue = t("results.noValue");
  return chartSvg({
    lines: datasetChartLines(results, noValue),
    locale,
    rtl: directionOf(locale) === "rtl",
    title: t("results.chartTitle", { name }),
    caption: [
      results.weight ? t("results.chartWeighted", { column: results.weight }) : t("results.chartUnweighted"),
      results.group ? t("results.chartGrouped", { column: results.group }) : t("results.chartAllRespondents"),
    ].join(" · "),
    description: t("results.chartFileDesc"),
    footer: footerOf(locale, codebook, name),
    noValue,
  });
}

export function comparisonChartFile({
  locale,
  codebook,
  comparison,
}: {
  locale: Language;
  codebook: Codebook;
  comparison: Comparison;
}): string {
  const t = translatorFor(locale);
  const names = comparison.datasets.map((d) => d.name).join(", ");
  return chartSvg({
    lines: comparisonChartLines(comparison),
    locale,
    rtl: directionOf(locale) === "rtl",
    title: t("results.compareChartTitle"),
    caption: t("results.chartCompared", { datasets: names }),
    description: t("results.chartFileDesc"),
    footer: footerOf(locale, codebook, names),
    noValue: t("results.noValue"),
  });
}
