"use client";
// Import of a TBX or CSV glossary in two steps, like the translation spreadsheet: the file is read
// and every row's effect shown (refused rows with their problems), then applied once confirmed.
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { applyGlossaryImportAction, previewGlossaryImportAction } from "@/lib/translations/glossary-actions";
import type { GlossaryPreview } from "@/lib/translations/glossary-import-mutations";
import styles from "./translate.module.css";

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
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<GlossaryPreview | null>(null);
  const resultRef = useFocusWhen<HTMLDivElement>(preview);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function formData(extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set("lang", lang);
    const file = fileRef.current?.files?.[0];
    if (file) form.set("file", file);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return form;
  }
  const KNOWN = ["noFile", "encoding", "notTbx", "csvHeader", "empty", "tooManyRows"];
  const failure = (code: string, message: string, reason?: string) =>
    code === "badFile" && reason && KNOWN.includes(reason)
      ? t(`badFile.${reason as "noFile"}`)
      : code === "badFile" && reason
        ? `${message} ${reason}`
        : message;

  function onPreview(event: React.FormEvent) {
    event.preventDefault();
    setError("");
    setMessage("");
    setPreview(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t("badFile.noFile"));
    startTransition(async () => {
      const result = await previewGlossaryImportAction(formData());
      if (result.ok) setPreview(result.data);
      else setError(failure(result.code, result.message, result.details?.reason));
    });
  }

  function onApply() {
    if (!preview) return;
    startTransition(async () => {
      const result = await applyGlossaryImportAction(formData({ digest: preview.digest }));
      if (result.ok) {
        setPreview(null);
        setMessage(t("imported", result.data));
        router.refresh();
      } else setError(failure(result.code, result.message, result.details?.reason));
    });
  }

  const changes = (preview?.counts.create ?? 0) + (preview?.counts.update ?? 0);
  const listed = preview?.rows.filter((r) => r.kind !== "unchanged") ?? [];
  return (
    <>
      <form onSubmit={onPreview} className={styles.panel}>
        <label htmlFor="glossary-file">{t("file")}</label>
        <input
          ref={fileRef}
          id="glossary-file"
          name="file"
          type="file"
          accept=".tbx,.xml,.csv,text/csv,application/xml"
          aria-describedby="glossary-limit"
        />
        <p id="glossary-limit" className={styles.help}>
          {t("limit", { size: maxMegabytes })}
        </p>
        <button type="submit" disabled={pending}>
          {t("preview")}
        </button>
      </form>
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
            <button type="button" onClick={onApply} disabled={pending}>
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
