"use client";
// The problems (or notes) of an import as a table: sheet, row, column and the reason in words.
// Sheet and column names come from the file: shown as text, isolated so that a Latin name keeps
// its order inside an Arabic page.
import { useTranslations } from "next-intl";
import type { ImportProblem } from "./upload-xlsform";

/** `kind` names the last column: the problems that refused a file, or the notes on one. */
export function ImportProblems({
  caption,
  kind,
  problems,
}: {
  caption: string;
  kind: "problem" | "note";
  problems: ImportProblem[];
}) {
  const t = useTranslations("importPage.columns");
  return (
    <div className="import-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sheet")}</th>
            <th scope="col">{t("row")}</th>
            <th scope="col">{t("column")}</th>
            <th scope="col">{t(kind)}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>
                <bdi>{p.sheet ?? "–"}</bdi>
              </td>
              <td>{p.row ?? "–"}</td>
              <td>
                <bdi>{p.column ?? "–"}</bdi>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
