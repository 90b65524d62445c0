"use client";
// Adds a comment to a translation's review thread.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { commentTranslationAction } from "@/lib/translations/actions";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";

export function CommentForm({ code, lang }: { code: string; lang: string }) {
  const t = useTranslations("translate");
  const router = useRouter();
  const [body, setBody] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setError("");
        if (!body.trim()) return setError(t("comments.empty"));
        startTransition(async () => {
          const result = await commentTranslationAction({ code, lang, body });
          if (result.ok) {
            setBody("");
            setMessage(t("comments.posted"));
            router.refresh();
          } else setError(result.message);
        });
      }}
    >
      <label htmlFor="comment-body">{t("comments.add")}</label>
      <textarea id="comment-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      <Button variant="primary" type="submit" disabled={pending}>
        {t("comments.post")}
      </Button>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {message}
      </p>
    </form>
  );
}
