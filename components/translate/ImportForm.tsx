"use client";
// Import of a translation spreadsheet in two steps: the file is read and every row's effect shown
// (nothing written), then the same file is applied in one transaction once the person confirms.
import { useRef, useState, useTransition } from "react";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { useTranslations } from "next-intl";
import { applyImportAction, previewImportAction } from "@/lib/translations/actions";
import type { ImportPreview, PreviewKind } from "@/lib/translations/spreadsheet-data";
import { rowRanges } from "@/lib/translations/row-ranges";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";

export function ImportForm({ lang, dir, maxMegabytes }: { lang: string; dir: "ltr" | "rtl"; maxMegabytes: number }) {
  const t = useTranslations("translate");
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const resultRef = useFocusWhen<HTMLDivElement>(preview);
  const [message, setMessage] = useState("");
  const [notApplied, setNotApplied] = useState<Partial<Record<PreviewKind, number[]>>>({});
  const [clearEmptied, setClearEmptied] = useState(false);
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function formData(extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set("lang", lang);
    const file = fileRef.current?.files?.[0];
    if (file) form.set("file", file);
    if (clearEmptied) form.set("clearEmptied", "on");
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return form;
  }

  function failure(code: string, message: string, reason?: string) {
    if (code === "badFile" && reason) return t(`badFile.${reason as "notSpreadsheet"}`);
    if (code === "fileTooLarge") return t("import.tooLarge", { size: maxMegabytes });
    return message;
  }

  function onPreview(event: React.FormEvent) {
    event.preventDefault();
    setError("");
    setMessage("");
    setNotApplied({});
    setPreview(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t("badFile.noFile"));
    if (file.size > maxMegabytes * 1024 * 1024) return setError(t("import.tooLarge", { size: maxMegabytes }));
    startTransition(async () => {
      const result = await previewImportAction(formData());
      if (result.ok) {
        setPreview(result.data);
      } else setError(failure(result.code, result.message, result.details?.reason));
    });
  }

  function onApply() {
    if (!preview) return;
    startTransition(async () => {
      const result = await applyImportAction(formData({ digest: preview.digest }));
      if (result.ok) {
        setPreview(null);
        const blocked = result.data.blockedRows;
        setNotApplied(result.data.notApplied);
        setMessage(
          t("import.applied", { count: result.data.applied }) +
            (result.data.cleared ? ` ${t("import.cleared", { count: result.data.cleared })}` : "") +
            (blocked.length ? ` ${t("import.blockedRows", { rows: blocked.join(", ") })}` : ""),
        );
      } else setError(failure(result.code, result.message, result.details?.reason));
    });
  }

  const listed = preview?.rows.filter((r) => r.kind !== "unchanged" && r.kind !== "skipped") ?? [];
  const skippedRows = preview?.rows.filter((r) => r.kind === "skipped").map((r) => r.row) ?? [];
  return (
    <>
      <form onSubmit={onPreview} className={styles.panel}>
        <label htmlFor="import-file">{t("import.file")}</label>
        <input
          ref={fileRef}
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,.xlf,.xliff,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xliff+xml"
          aria-describedby="import-limit"
        />
        <p id="import-limit" className={styles.help}>
          {t("import.limit", { size: maxMegabytes })}
        </p>
        <p>
          <input
            id="import-clear-emptied"
            type="checkbox"
            checked={clearEmptied}
            aria-describedby="import-clear-emptied-help"
            onChange={(event) => {
              // The preview was made with the other choice: it must be made again before applying.
              setClearEmptied(event.target.checked);
              setPreview(null);
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
      </form>
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
            <Button variant="primary" onClick={onApply} disabled={pending}>
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
