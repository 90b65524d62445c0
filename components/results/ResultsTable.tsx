// One dataset's indicators as a table (estimate, 95 % interval, n; the effective n when weighted):
// the numbers themselves, and the chart's text alternative.
import { getTranslations } from "next-intl/server";
import type { DatasetResults } from "@/lib/results/view";
import { count, percent } from "./format";

export async function ResultsTable({
  results,
  caption,
  nameOf,
  locale,
}: {
  results: DatasetResults;
  caption: string;
  nameOf: (code: string) => { text: string; lang: string };
  locale: string;
}) {
  const t = await getTranslations("results");
  const none = t("noValue");
  return (
    <table className="results-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("indicator")}</th>
          <th scope="col">{t("group")}</th>
          <th scope="col">{t("estimate")}</th>
          <th scope="col">{t("interval")}</th>
          <th scope="col">{t("n")}</th>
          {results.weight && <th scope="col">{t("effectiveN")}</th>}
        </tr>
      </thead>
      <tbody>
        {results.indicators.flatMap(({ code, results: rows }) =>
          rows.map((r, i) => {
            const name = nameOf(code);
            return (
              <tr key={`${code}-${r.group ?? ""}`} data-indicator={code}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={rows.length}>
                    <span className="code">{code}</span>{" "}
                    <span lang={name.lang} dir="auto">
                      {name.text}
                    </span>
                  </th>
                )}
                <td dir="auto">{r.group === null ? t("allRespondents") : r.group || none}</td>
                <td>{percent(locale, r.estimate) ?? none}</td>
                <td>
                  {r.interval
                    ? t("intervalRange", {
                        lower: percent(locale, r.interval.lower)!,
                        upper: percent(locale, r.interval.upper)!,
                      })
                    : none}
                </td>
                <td>{count(locale, r.n)}</td>
                {results.weight && <td>{count(locale, r.effectiveN, 1)}</td>}
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
