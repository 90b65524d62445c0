"use client";
// "Still valid": for an outdated text whose English change needs no new wording, a reviewer who did
// not write it confirms the translation as it is (approved for the new English, audited), rather
// than having it retyped, resubmitted and approved again. The server checks the same rules.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { stillValidTranslationAction } from "@/lib/translations/actions";
import styles from "./translate.module.css";

export function StillValidButton({ code, lang, revision }: { code: string; lang: string; revision: number }) {
  const t = useTranslations("translate");
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function confirm() {
    setError("");
    startTransition(async () => {
      const result = await stillValidTranslationAction({ code, lang, revision });
      if (!result.ok) return setError(result.message);
      setMessage(t("stillValid.done"));
      router.refresh();
    });
  }

  return (
    <div className={styles.panel}>
      <p className={styles.help} id="still-valid-help">
        {t("stillValid.help")}
      </p>
      <button type="button" onClick={confirm} disabled={pending} aria-describedby="still-valid-help">
        {t("stillValid.button")}
      </button>
      <p role="status" className={styles.status}>
        {message}
      </p>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
