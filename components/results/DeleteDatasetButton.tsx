"use client";
// Deleting a dataset takes two clicks (the second names it), since its answers are not kept anywhere else.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { deleteDatasetAction } from "@/lib/results/actions";

export function DeleteDatasetButton({
  questionnaireId,
  datasetId,
  name,
  locale,
}: {
  questionnaireId: string;
  datasetId: string;
  name: string;
  locale: string;
}) {
  const t = useTranslations("results");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function onDelete() {
    setError("");
    startTransition(async () => {
      const result = await deleteDatasetAction({ questionnaireId, datasetId, locale });
      if (!result.ok) return setError(result.message);
      setConfirming(false);
      router.push(`/questionnaires/${questionnaireId}/results`);
      router.refresh();
    });
  }

  return (
    <span className="results-delete">
      {confirming ? (
        <>
          <button type="button" onClick={onDelete} disabled={pending}>
            {t("confirmDelete", { name })}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={t("deleteOf", { name })}>
          {t("delete")}
        </button>
      )}
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
