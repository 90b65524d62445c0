"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/curation/action-state";

/** The answer of an action, read out by screen readers: a status for success, an alert for failure. */
export function ActionMessage({ state }: { state: ActionState }) {
  const t = useTranslations("curate");
  if (state.status === "ok")
    return (
      <p role="status" className="notice notice--ok">
        {t(`done.${state.message}` as "done.saved", state.values ?? {})}
      </p>
    );
  if (state.status === "error")
    return (
      <p role="alert" className="notice notice--error">
        {t(`failures.${state.failure}` as "failures.conflict", { questions: 0, ...(state.values ?? {}) })}
      </p>
    );
  return null;
}
