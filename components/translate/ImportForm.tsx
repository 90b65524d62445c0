"use client";
// Import of a translation spreadsheet in two steps: the file is read and every row's effect shown
// (nothing written), then the same file is applied in one transaction once the person confirms.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyImportAction, previewImportAction } from "@/lib/translations/actions";
import type { PreviewKind } from "@/lib/translations/spreadsheet-data";
import { rowRanges } from "@/lib/translations/row-ranges";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";
import { FileUploadForm } from "./FileUploadForm";
import { useFileImport } from "./use-file-import";

export function ImportForm({ lang, dir, maxMegabytes }: { lang: string; dir: "ltr" | "rtl"; maxMegabytes: number }) {
  const t = useTranslations("translate");
  const [clearEmptied, setClearEmptied] = useState(false);
  const [notApplied, setNotApplied] = useState<Partial<Record<PreviewKind, number[]>>>({});
  const { fileRef, preview, resultRef, message, error, pending, onPreview, onApply, resetPreview } = useFileImport({
    lang,
    fields: (): Record<string, string> => (clearEmptied ? { clearEmptied: "on" } : {}),
    previewAction: previewImportAction,
    applyAction: applyImportAction,
    check: (file) =>
      !file
        ? t("badFile.noFile")
        : file.size > maxMegabytes * 1024 * 1024
          ? t("import.tooLarge", { size: maxMegabytes })
          : null,
    explain: ({ code, message, details }) => {
      const reason = details?.reason;
      if (code === "badFile" && reason) return t(`badFile.${reason as "notSpreadsheet"}`);
      if (code === "fileTooLarge") return t("import.tooLarge", { size: maxMegabytes });
      return message;
    },
  });
  const apply = () =>
    onApply(({ applied, cleared, blockedRows, notApplied }) => {
      setNotApplied(notApplied);
      return (
        t("import.applied", { count: applied }) +
        (cleared ? ` ${t("import.cleared", { count: cleared })}` : "") +
        (blockedRows.length ? ` ${t("import.blockedRows", { rows: blockedRows.join(", ") })}` : "")
      );
    });
  const preview_ = (event: React.FormEvent) => {
    setNotApplied({});
    onPreview(event);
  };

  const listed = preview?.rows.filter((r) => r.kind !== "unchanged" && r.kind !== "skipped") ?? [];
  const skippedRows = preview?.rows.filter((r) => r.kind === "skipped").map((r) => r.row) ?? [];
  return (
    <>
      <FileUploadForm
        id="import"
        label={t("import.file")}
        accept=".xlsx,.xlf,.xliff,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xliff+xml"
        limit={t("import.limit", { size: maxMegabytes })}
        fileRef={fileRef}
        onSubmit={preview_}
      >
        <p>
          <input
            id="import-clear-emptied"
            type="checkbox"
            checked={clearEmptied}
            aria-describedby="import-clear-emptied-help"
            onChange={(event) => {
              // The preview was made with the other choice: it must be made again before applying.
              setClearEmptied(event.target.checked);
              resetPreview();
            }}
          />{" "}
          <label htmlFor="import-clear-emptied">{t("import.clearEmptied")}</label>
        </p>
        <p id="import-clear-emptied-help" className={styles.help}>
          {t("import.clearEmptiedHelp")}
        </p>
        <Button variant="primary" type="submit" disabled={pending}>
          {t("import.preview")}
        </Button>
      </FileUploadForm>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {pending ? t("import.working") : message}
      </p>
      {!pending && Object.keys(notApplied).length > 0 && (
        <RowsByKind title={t("import.notApplied")} rows={notApplied} />
      )}
      {preview && (
        <div ref={resultRef} tabIndex={-1} aria-labelledby="preview-title" className={styles.panel}>
          <h2 id="preview-title">{t("import.previewTitle")}</h2>
          <ul>
            {Object.entries(preview.counts)
              .filter(([, n]) => n > 0)
              .map(([kind, n]) => (
                <li key={kind}>
                  {t(`import.kinds.${kind as "update"}`)}: {n}
                </li>
              ))}
          </ul>
          {preview.counts.blocked > 0 && (
            <p className={styles.error}>
              {t("import.blockedRows", {
                rows: preview.rows
                  .filter((r) => r.kind === "blocked")
                  .map((r) => r.row)
                  .join(", "),
              })}
            </p>
          )}
          {skippedRows.length > 0 && (
            <p className={styles.help}>
              {t("import.rowsOf", { kind: t("import.kinds.skipped"), rows: rowRanges(skippedRows) })}
            </p>
          )}
          {listed.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t("import.changesCaption")}>
              <table>
                <caption>{t("import.changesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("import.row")}</th>
                    <th scope="col">{t("import.id")}</th>
                    <th scope="col">{t("import.what")}</th>
                    <th scope="col">{t("import.before")}</th>
                    <th scope="col">{t("import.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.map((r) => (
                    <tr key={`${r.row}-${r.id}`}>
                      <td>{r.row}</td>
                      <td>
                        <span className="code">{r.id}</span>
                      </td>
                      <td>
                        {t(`import.kinds.${r.kind}`)}
                        {r.warnings.length > 0 && (
                          <ul className={styles.help}>
                            {r.warnings.map((w, i) => (
                              <li key={i}>
                                {/* Said in words, not only shown in colour: this one refuses the row. */}
                                {r.blocking.some((b) => b.code === w.code && b.detail === w.detail)
                                  ? `${t("import.blockingProblem")} `
                                  : ""}
                                {t(`checks.${w.code}`, { detail: w.detail ?? "" })}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td lang={lang} dir={dir}>
                        {r.before ?? "—"}
                      </td>
                      <td lang={lang} dir={dir}>
                        {r.after}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.counts.update + preview.counts.clear > 0 ? (
            <Button variant="primary" onClick={apply} disabled={pending}>
              {t("import.apply", { count: preview.counts.update + preview.counts.clear })}
            </Button>
          ) : (
            <p>{t("import.nothingToApply")}</p>
          )}
        </div>
      )}
    </>
  );
}

/** After applying: every row left out, by why, so that none goes unnamed. */
function RowsByKind({ title, rows }: { title: string; rows: Partial<Record<PreviewKind, number[]>> }) {
  const t = useTranslations("translate");
  return (
    <div className={styles.panel}>
      <p>{title}</p>
      <ul>
        {Object.entries(rows).map(([kind, numbers]) => (
          <li key={kind}>
            {t("import.rowsOf", { kind: t(`import.kinds.${kind as PreviewKind}`), rows: rowRanges(numbers ?? []) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
