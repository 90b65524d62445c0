"use client";
// Import of a translation spreadsheet in two steps: the file is read and every row's effect shown
// (nothing written), then the same file is applied in one transaction once the person confirms.
import { useTranslations } from "next-intl";
import { applyImportAction, previewImportAction } from "@/lib/translations/actions";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";
import { FileUploadForm } from "./FileUploadForm";
import { useFileImport } from "./use-file-import";

export function ImportForm({ lang, dir, maxMegabytes }: { lang: string; dir: "ltr" | "rtl"; maxMegabytes: number }) {
  const t = useTranslations("translate");
  const { fileRef, preview, resultRef, message, error, pending, onPreview, onApply } = useFileImport({
    lang,
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
    onApply(
      ({ applied, blockedRows }) =>
        t("import.applied", { count: applied }) +
        (blockedRows.length ? ` ${t("import.blockedRows", { rows: blockedRows.join(", ") })}` : ""),
    );

  const listed = preview?.rows.filter((r) => r.kind !== "unchanged" && r.kind !== "skipped") ?? [];
  return (
    <>
      <FileUploadForm
        id="import"
        label={t("import.file")}
        accept=".xlsx,.xlf,.xliff,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xliff+xml"
        limit={t("import.limit", { size: maxMegabytes })}
        fileRef={fileRef}
        onSubmit={onPreview}
      >
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
          {preview.counts.update > 0 ? (
            <Button variant="primary" onClick={apply} disabled={pending}>
              {t("import.apply", { count: preview.counts.update })}
            </Button>
          ) : (
            <p>{t("import.nothingToApply")}</p>
          )}
        </div>
      )}
    </>
  );
}
