"use client";
// The problems (or notes) of an import as a table: sheet, row, column and the reason in words.
// Sheet and column names come from the file: shown as text, isolated so that a Latin name keeps
// its order inside an Arabic page. The same problem in the same sheet and column is one line with
// its rows listed (a 5,000-row form with one repeated slip gets one line, not 5,000).
import { useTranslations } from "next-intl";
import type { ImportProblem } from "./upload-xlsform";

const ROWS_SHOWN = 8;

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
  const tp = useTranslations("importPage");
  const groups = new Map<string, ImportProblem[]>();
  for (const p of problems) {
    const key = [p.code, p.sheet ?? "", p.column ?? ""].join("\u0000");
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const rowsOf = (group: ImportProblem[]) => {
    const rows = group.map((p) => p.row).filter((r): r is number => r !== undefined);
    if (rows.length === 0) return "–";
    const shown = rows.slice(0, ROWS_SHOWN).join(", ");
    return rows.length > ROWS_SHOWN ? tp("moreRows", { rows: shown, count: rows.length - ROWS_SHOWN }) : shown;
  };
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
          {[...groups.values()].map((group, i) => (
            <tr key={i}>
              <td>
                <bdi>{group[0].sheet ?? "–"}</bdi>
              </td>
              <td>{rowsOf(group)}</td>
              <td>
                <bdi>{group[0].column ?? "–"}</bdi>
              </td>
              <td>{group[0].message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
