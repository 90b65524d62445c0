"use client";
// What may happen to an indicator: deleted only when no question points at it; otherwise merged
// into another (its question links move) or retired.
import { useActionState, useEffect, useId } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { changeIndicatorAction } from "@/lib/curation/actions";
import { IDLE, doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";
import { useAnnouncer } from "@/components/ui/Announcer";
import { ActionMessage } from "./ActionMessage";
import { Button } from "@/components/ui/Button";

export function IndicatorActions({
  code,
  revision,
  questions,
  retired,
  merged,
}: {
  code: string;
  revision: number;
  questions: number;
  retired: boolean;
  merged: boolean;
}) {
  const t = useTranslations("curate.framework");
  const id = useId();
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState, FormData>(changeIndicatorAction, IDLE);
  // After a conflict too: the page re-reads the indicator, so the next click claims the saved revision.
  const announce = useAnnouncer();
  const tDone = useTranslations("curate.done");
  useEffect(() => {
    // A deleted indicator leaves the page with this form: the page's announcer says so, and takes the focus.
    const done = doneOf(state);
    if (done?.message === "indicatorDeleted") announce?.(tDone("indicatorDeleted", done.values ?? {}));
    if (state?.ok || failureOf(state)?.code === "conflict") router.refresh();
  }, [state, router, announce, tDone]);
  const failure = failureOf(state);
  const saved = failure?.code === "conflict" ? failure.details?.saved : undefined;
  return (
    <div className="indicator-actions">
      <ActionMessage state={state} />
      {saved && (
        <p className="muted">
          {t("savedNow", {
            status: saved.mergedInto
              ? t("mergedInto", { code: saved.mergedInto })
              : saved.retired
                ? t("retired")
                : t("active"),
          })}
        </p>
      )}
      {!merged && (
        <form action={action} className="inline-form">
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="intent" value="merge" />
          <label htmlFor={`${id}-into`}>{t("mergeInto")}</label>
          <input id={`${id}-into`} name="intoCode" dir="ltr" className="code-input" required />
          <Button variant="primary" type="submit" disabled={pending}>
            {t("merge", { count: questions })}
          </Button>
        </form>
      )}
      <form action={action} className="inline-form">
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="revision" value={revision} />
        {!merged && (
          <Button type="submit" name="intent" value={retired ? "restore" : "retire"} disabled={pending}>
            {retired ? t("restore") : t("retire")}
          </Button>
        )}
        <Button
          type="submit"
          name="intent"
          value="delete"
          variant="danger"
          disabled={pending || questions > 0}
          aria-describedby={questions > 0 ? `${id}-in-use` : undefined}
        >
          {t("delete")}
        </Button>
        {questions > 0 && (
          <span id={`${id}-in-use`} className="muted">
            {t("inUse", { count: questions })}
          </span>
        )}
      </form>
    </div>
  );
}
