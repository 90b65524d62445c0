"use client";
// Upload of a submissions file to POST /api/v1/questionnaires/{id}/datasets, the file as the body:
// the size is checked here before sending (and again on the server, as the body arrives);
// a refusal names the row and column concerned, in the person's language; a success opens the new
// dataset's results.
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";

export function UploadForm({
  questionnaireId,
  locale,
  maxMegabytes,
}: {
  questionnaireId: string;
  locale: string;
  /** A file (CSV or XLSX) must be smaller than this */
  maxMegabytes: number;
}) {
  const t = useTranslations("results");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setError("");
    setMessage("");
    const file = fileRef.current?.files?.[0];
    if (!name.trim()) return setError(t("noName"));
    if (!file) return setError(t("failures.noFile"));
    if (file.size >= maxMegabytes * 1024 * 1024) return setError(t("tooLarge", { size: maxMegabytes }));
    startTransition(async () => {
      // The file is the request's body, read by the server as it arrives (no form envelope).
      const query = new URLSearchParams({ name, fileName: file.name.slice(0, 200) });
      let body: { message?: string; dataset?: { id: string; rows: number } } = {};
      try {
        const response = await fetch(
          `/api/v1/questionnaires/${encodeURIComponent(questionnaireId)}/datasets?${query}`,
          {
            method: "POST",
            body: file,
            headers: { "Content-Type": file.type || "application/octet-stream", "Accept-Language": locale },
          },
        );
        body = await response.json().catch(() => ({}));
        if (!response.ok || !body.dataset) return setError(body.message ?? t("uploadFailed"));
      } catch {
        return setError(t("uploadFailed"));
      }
      const saved = body.dataset;
      setMessage(t("uploaded", { name: name.trim(), rows: saved.rows }));
      setName("");
      if (fileRef.current) fileRef.current.value = "";
      router.push(`/questionnaires/${questionnaireId}/results?dataset=${encodeURIComponent(saved.id)}`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="results-upload" noValidate>
      <p>
        <label htmlFor="results-name">{t("nameLabel")}</label>
        <input
          id="results-name"
          name="name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          aria-describedby="results-name-hint"
          required
        />
        <span id="results-name-hint" className="muted">
          {t("nameHint")}
        </span>
      </p>
      <p>
        <label htmlFor="results-file">{t("fileLabel")}</label>
        <input
          ref={fileRef}
          id="results-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="results-limit"
          required
        />
        <span id="results-limit" className="muted">
          {t("limit", { size: maxMegabytes })}
        </span>
      </p>
      <button type="submit" disabled={pending}>
        {t("uploadButton")}
      </button>
      {error && (
        <p role="alert" className="builder-notice builder-notice--warn">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite">
        {pending ? t("uploading") : message}
      </p>
    </form>
  );
}
