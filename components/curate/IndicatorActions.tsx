"use client";
// What may happen to an indicator: deleted only when no question points at it; otherwise merged
// into another (its question links move) or retired.
import { useActionState, useEffect, useId } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { changeIndicatorAction } from "@/lib/curation/actions";
import { IDLE, type ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";

export function IndicatorActions({ code, questions, retired, merged }: { code: string; questions: number; retired: boolean; merged: boolean }) {
  const t = useTranslations("curate.framework");
  const id = useId();
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState, FormData>(changeIndicatorAction, IDLE);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <div className="indicator-actions">
      <ActionMessage state={state} />
      {!merged && (
        <form action={action} className="inline-form">
          <input type="hidden" name="code" value={code} />
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
        {!merged && (
          <button type="submit" name="intent" value={retired ? "restore" : "retire"} className="secondary" disabled={pending}>
            {retired ? t("restore") : t("retire")}
          </button>
        )}
        <button type="submit" name="intent" value="delete" className="secondary" disabled={pending || questions > 0} aria-describedby={questions > 0 ? `${id}-in-use` : undefined}>
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
