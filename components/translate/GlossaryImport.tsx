"use client";
// Import of a TBX or CSV glossary in two steps, like the translation spreadsheet: the file is read
// and every row's effect shown (refused rows with their problems), then applied once confirmed.
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { applyGlossaryImportAction, previewGlossaryImportAction } from "@/lib/translations/glossary-actions";
import styles from "./translate.module.css";
import { FileUploadForm } from "./FileUploadForm";
import { useFileImport } from "./use-file-import";

const KNOWN = ["noFile", "encoding", "notTbx", "csvHeader", "empty", "tooManyRows"];

export function GlossaryImport({
  lang,
  dir,
  maxMegabytes,
}: {
  lang: string;
  dir: "ltr" | "rtl";
  maxMegabytes: number;
}) {
  const t = useTranslations("translate.glossary");
  const router = useRouter();
  const { fileRef, preview, resultRef, message, error, pending, onPreview, onApply } = useFileImport({
    lang,
    previewAction: previewGlossaryImportAction,
    applyAction: applyGlossaryImportAction,
    check: (file) => (file ? null : t("badFile.noFile")),
    explain: ({ code, message, details }) => {
      const reason = details?.reason;
      return code === "badFile" && reason && KNOWN.includes(reason)
        ? t(`badFile.${reason as "noFile"}`)
        : code === "badFile" && reason
          ? `${message} ${reason}`
          : message;
    },
  });
  const apply = () =>
    onApply((data) => {
      router.refresh();
      return t("imported", data);
    });

  const changes = (preview?.counts.create ?? 0) + (preview?.counts.update ?? 0);
  const listed = preview?.rows.filter((r) => r.kind !== "unchanged") ?? [];
  return (
    <>
      <FileUploadForm
        id="glossary"
        label={t("file")}
        accept=".tbx,.xml,.csv,text/csv,application/xml"
        limit={t("limit", { size: maxMegabytes })}
        fileRef={fileRef}
        onSubmit={onPreview}
      >
        <button type="submit" disabled={pending}>
          {t("preview")}
        </button>
      </FileUploadForm>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {message}
      </p>
      {preview && (
        <div ref={resultRef} tabIndex={-1} aria-labelledby="glossary-preview-title" className={styles.panel}>
          <h3 id="glossary-preview-title">{t("preview")}</h3>
          <ul>
            {Object.entries(preview.counts)
              .filter(([, n]) => n > 0)
              .map(([kind, n]) => (
                <li key={kind}>
                  {t(`kinds.${kind as "create"}`)}: {n}
                </li>
              ))}
          </ul>
          {listed.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("row")}</th>
                  <th scope="col">{t("term")}</th>
                  <th scope="col">{t("approved")}</th>
                  <th scope="col">{t("what")}</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td lang="en" dir="ltr">
                      {r.term}
                    </td>
                    <td lang={lang} dir={dir}>
                      {r.approved}
                    </td>
                    <td>
                      {t(`kinds.${r.kind}`)}
                      {r.problems.length > 0 && (
                        <ul className={styles.help}>
                          {r.problems.map((p, i) => (
                            <li key={i}>{t(`problem.${p.code as "required"}`, { field: p.field })}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {changes > 0 ? (
            <button type="button" onClick={apply} disabled={pending}>
              {t("applyImport", { count: changes })}
            </button>
          ) : (
            <p>{t("nothingToApply")}</p>
          )}
        </div>
      )}
    </>
  );
}
