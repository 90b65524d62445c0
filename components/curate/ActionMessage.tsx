"use client";
import { useTranslations } from "next-intl";
import { doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";

/** The answer of an action, read out by screen readers: a status for success, an alert for failure. */
export function ActionMessage({ state }: { state: ActionState }) {
  const t = useTranslations("curate");
  const done = doneOf(state);
  if (done)
    return (
      <p role="status" className="notice notice--ok">
        {t(`done.${done.message}` as "done.saved", done.values ?? {})}
      </p>
    );
  const failure = failureOf(state);
  if (failure)
    return (
      <p role="alert" className="notice notice--error">
        {failure.message}
      </p>
    );
  return null;
}
