"use client";
// The review steps of one translation: submit for review (translators), approve or send back with
// a comment (reviewers). The buttons shown are the ones this person may use in this state; the
// server checks again. Four eyes: a reviewer who edited the text last sees why they cannot approve
// it instead of the button (they may still send it back).
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { approveTranslationAction, returnTranslationAction, submitTranslationAction } from "@/lib/translations/actions";
import type { CheckWarning } from "@/lib/translations/checks";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";

export function WorkflowPanel({
  code,
  lang,
  revision,
  state,
  canSubmit,
  canReview,
  canApprove,
  editedLast,
  blocking = [],
}: {
  code: string;
  lang: string;
  revision: number;
  state: string;
  canSubmit: boolean;
  canReview: boolean;
  canApprove: boolean;
  /** A reviewer of the language who edited this text last */
  editedLast: boolean;
  /** Blocking problems in the saved text: it may not be submitted or approved until corrected */
  blocking?: CheckWarning[];
}) {
  const t = useTranslations("translate");
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function act(kind: "submit" | "approve" | "return") {
    setError("");
    if (kind === "return" && !comment.trim()) {
      setError(t("workflow.commentRequired"));
      return;
    }
    startTransition(async () => {
      const input = { code, lang, revision };
      const result =
        kind === "submit"
          ? await submitTranslationAction(input)
          : kind === "approve"
            ? await approveTranslationAction(input)
            : await returnTranslationAction({ ...input, comment });
      if (result.ok) {
        setComment("");
        setMessage(t(`workflow.done.${kind}`));
        router.refresh();
      } else setError(result.message);
    });
  }

  const showSubmit = canSubmit && state === "draft";
  const showReview = canReview && state === "in_review";
  const blocked = blocking.length > 0;
  const blockedBy = blocked ? "workflow-blocked" : undefined;
  const fieldName = (field: string) =>
    field.startsWith("choice:")
      ? t("fields.choice", { name: field.slice(7) })
      : t(`fields.${field as "label" | "hint" | "constraintMessage"}`);
  return (
    <section aria-labelledby="workflow-title" className={styles.panel}>
      <h2 id="workflow-title">{t("workflow.title")}</h2>
      {blocked && (showSubmit || (showReview && canApprove)) && (
        <div id="workflow-blocked" className={styles.error}>
          <p>{t("workflow.blocked")}</p>
          <ul>
            {blocking.map((w, i) => (
              <li key={i}>
                {fieldName(w.field)}: {t(`checks.${w.code}`, { detail: w.detail ?? "" })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {showSubmit && (
        <Button
          variant="primary"
          onClick={() => act("submit")}
          disabled={pending || blocked}
          aria-describedby={blockedBy}
        >
          {t("workflow.submit")}
        </Button>
      )}
      {showReview && (
        <div className={styles.review}>
          {canApprove ? (
            <Button
              variant="primary"
              onClick={() => act("approve")}
              disabled={pending || blocked}
              aria-describedby={blockedBy}
            >
              {t("workflow.approve")}
            </Button>
          ) : (
            editedLast && <p className={styles.help}>{t("workflow.ownEdit")}</p>
          )}
          <label htmlFor="return-comment">{t("workflow.returnComment")}</label>
          <textarea
            id="return-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-describedby="return-help"
          />
          <p id="return-help" className={styles.help}>
            {t("workflow.returnHelp")}
          </p>
          <Button onClick={() => act("return")} disabled={pending}>
            {t("workflow.return")}
          </Button>
        </div>
      )}
      {!showSubmit && !showReview && <p className="muted">{t(`workflow.nothing.${state as "draft"}`)}</p>}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {pending ? t("editor.saving") : message}
      </p>
    </section>
  );
}
