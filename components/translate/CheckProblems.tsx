"use client";
// The checks' findings before a save: blocking problems, which must be corrected, and warnings,
// which the translator may confirm with "Save anyway".
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import type { CheckWarning } from "@/lib/translations/checks";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";

export function CheckProblems({
  blocking,
  warnings,
  blockingRef,
  warningsRef,
  warningText,
  onSaveAnyway,
  pending,
}: {
  blocking: CheckWarning[] | null;
  warnings: CheckWarning[] | null;
  blockingRef: Ref<HTMLDivElement>;
  warningsRef: Ref<HTMLDivElement>;
  warningText: (w: CheckWarning) => string;
  onSaveAnyway: () => void;
  pending: boolean;
}) {
  const t = useTranslations("translate");
  return (
    <>
      {blocking && blocking.length > 0 && (
        <div ref={blockingRef} tabIndex={-1} role="alert" className={styles.error} aria-labelledby="blocking-title">
          {/* Said in words, not only in colour: no "save anyway" here, the text must be corrected. */}
          <h3 id="blocking-title">{t("editor.blockedTitle")}</h3>
          <p>{t("editor.blockedBody")}</p>
          <ul>
            {blocking.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
        </div>
      )}

      {warnings && warnings.length > 0 && !blocking?.length && (
        <div ref={warningsRef} tabIndex={-1} role="alert" className={styles.warnings} aria-labelledby="warnings-title">
          <h3 id="warnings-title">{t("editor.warningsTitle")}</h3>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
          <Button onClick={onSaveAnyway} disabled={pending}>
            {t("editor.saveAnyway")}
          </Button>
        </div>
      )}
    </>
  );
}
