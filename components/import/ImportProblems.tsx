"use client";
// The problems (or notes) of an import as a table: sheet, row, column and the reason in words.
// Sheet and column names come from the file: shown as text, isolated so that a Latin name keeps
// its order inside an Arabic page.
import { useTranslations } from "next-intl";
import type { ImportProblem } from "./upload-xlsform";

export function ImportProblems({ caption, problems }: { caption: string; problems: ImportProblem[] }) {
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
            <th scope="col">{t("problem")}</th>
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
