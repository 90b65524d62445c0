"use client";
// Lifecycle steps of one question: publish a draft (or merge it into a bank question, or reject
// it with a reason), retire a published question, restore a retired one.
import { useState, useTransition, type FormEvent } from "react";
import type { QuestionStatus } from "@/lib/vocabulary/enums";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { changeQuestionStatusAction } from "@/lib/curation/actions";
import { IDLE, doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";
import { useAnnounce } from "./Announcer";
import { Button } from "@/components/ui/Button";

export function StatusActions({
  code,
  status,
  revision,
  canRestore,
  onChanged,
}: {
  code: string;
  status: QuestionStatus;
  revision: number;
  canRestore: boolean;
  onChanged?: (revision: number) => void;
}) {
  const t = useTranslations("curate.status");
  const router = useRouter();
  const [state, setState] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  const announce = useAnnounce();

  // Called by hand rather than as a form action: a draft merged or rejected leaves the queue in the
  // same render as the answer arrives, and its outcome must still reach the page's announcer.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const next = await changeQuestionStatusAction(state, form);
      setState(next);
      const done = doneOf(next);
      if (!done) return;
      if (typeof done.values?.revision === "number") onChanged?.(done.values.revision);
      announce?.(next);
      router.refresh();
    });
  }

  const hidden = (
    <>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
  return (
    <section className="status-actions" aria-labelledby={`status-${code}`}>
      <h2 id={`status-${code}`}>{t("title")}</h2>
      {!announce && <ActionMessage state={state} />}
      {announce && failureOf(state) && <ActionMessage state={state} />}
      {status === "draft" && (
        <>
          <form onSubmit={submit}>
            {hidden}
            <Button variant="primary" type="submit" name="intent" value="publish" disabled={pending}>
              {t("publish")}
            </Button>
          </form>
          <form onSubmit={submit} className="inline-form">
            {hidden}
            <input type="hidden" name="intent" value="merge" />
            <label htmlFor={`merge-${code}`}>{t("mergeInto")}</label>
            <input
              id={`merge-${code}`}
              name="targetCode"
              dir="ltr"
              className="code-input"
              required
              aria-describedby={`merge-help-${code}`}
            />
            <Button variant="primary" type="submit" disabled={pending}>
              {t("merge")}
            </Button>
            <p id={`merge-help-${code}`} className="muted">
              {t("mergeHelp")}
            </p>
          </form>
          <form onSubmit={submit} className="inline-form">
            {hidden}
            <input type="hidden" name="intent" value="reject" />
            <label htmlFor={`reject-${code}`}>{t("rejectReason")}</label>
            <input id={`reject-${code}`} name="reason" dir="auto" required />
            <Button type="submit" disabled={pending}>
              {t("reject")}
            </Button>
          </form>
        </>
      )}
      {status === "published" && (
        <form onSubmit={submit}>
          {hidden}
          <p className="muted">{t("retireHelp")}</p>
          <Button type="submit" name="intent" value="retire" disabled={pending}>
            {t("retire")}
          </Button>
        </form>
      )}
      {status === "retired" && canRestore && (
        <form onSubmit={submit}>
          {hidden}
          <Button variant="primary" type="submit" name="intent" value="restore" disabled={pending}>
            {t("restore")}
          </Button>
        </form>
      )}
    </section>
  );
}
