"use client";
// Upload of a submissions file: the size is checked here before sending (and again on the server);
// a refusal names the row and column concerned, in the person's language; a success opens the new
// dataset's results.
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { uploadDatasetAction } from "@/lib/results/actions";

export function UploadForm({
  questionnaireId,
  locale,
  maxMegabytes,
}: {
  questionnaireId: string;
  locale: string;
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
    if (file.size > maxMegabytes * 1024 * 1024) return setError(t("tooLarge", { size: maxMegabytes }));
    const form = new FormData();
    form.set("questionnaireId", questionnaireId);
    form.set("name", name);
    form.set("locale", locale);
    form.set("file", file);
    startTransition(async () => {
      const result = await uploadDatasetAction(form);
      if (!result.ok) return setError(result.fieldErrors?.name ?? result.message);
      setMessage(t("uploaded", { name: name.trim(), rows: result.data.rows }));
      setName("");
      if (fileRef.current) fileRef.current.value = "";
      router.push(`/questionnaires/${questionnaireId}/results?dataset=${encodeURIComponent(result.data.id)}`);
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
