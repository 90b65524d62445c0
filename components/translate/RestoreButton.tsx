"use client";
// Restores an earlier version of a translation as a new draft (the history keeps both).
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { restoreTranslationAction } from "@/lib/translations/actions";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";

export function RestoreButton({
  code,
  lang,
  revision,
  revisionId,
  version,
}: {
  code: string;
  lang: string;
  revision: number;
  revisionId: string;
  version: number;
}) {
  const t = useTranslations("translate");
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreTranslationAction({ code, lang, revision, revisionId });
            setMessage(result.ok ? t("history.restored") : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        {t("history.restore", { version })}
      </Button>
      <span role="status" aria-live="polite" className={styles.status}>
        {message}
      </span>
    </>
  );
}
