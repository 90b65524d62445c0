"use client";
// What may happen to an indicator: deleted only when no question points at it; otherwise merged
// into another (its question links move) or retired.
import { useActionState, useEffect, useId } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { changeIndicatorAction } from "@/lib/curation/actions";
import { IDLE, failureOf, type ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";

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
  useEffect(() => {
    if (state?.ok || failureOf(state)?.code === "conflict") router.refresh();
  }, [state, router]);
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
          <button type="submit" disabled={pending}>
            {t("merge", { count: questions })}
          </button>
        </form>
      )}
      <form action={action} className="inline-form">
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="revision" value={revision} />
        {!merged && (
          <button
            type="submit"
            name="intent"
            value={retired ? "restore" : "retire"}
            className="secondary"
            disabled={pending}
          >
            {retired ? t("restore") : t("retire")}
          </button>
        )}
        <button
          type="submit"
          name="intent"
          value="delete"
          className="secondary"
          disabled={pending || questions > 0}
          aria-describedby={questions > 0 ? `${id}-in-use` : undefined}
        >
          {t("delete")}
        </button>
        {questions > 0 && (
          <span id={`${id}-in-use`} className="muted">
            {t("inUse", { count: questions })}
          </span>
        )}
      </form>
    </div>
  );
}
