"use client";
import { useTranslations } from "next-intl";
import type { Failure } from "./use-builder-change";

/** A refusal in words: what went wrong, which questions or rules, and for a stale copy a way to reload. */
export function FailureMessage({ failure, onReload }: { failure: Failure; onReload?: () => void }) {
  const t = useTranslations("builder");
  const problems = (failure.problems ?? []).map((p) => t("problemLine", { owner: p.owner, question: p.question, problem: t(`problems.${p.problem}` as "problems.later_question") }));
  const fields = Object.values(failure.fields ?? {}).map((key) => t(`fieldErrors.${key}` as "fieldErrors.invalid"));
  return (
    <div className="builder-notice builder-notice--error" role="alert">
      <p>{t(`failures.${failure.failure}`, { codes: (failure.codes ?? []).join(", "), problems: problems.join("; ") })}</p>
      {fields.length > 0 && (
        <ul>
          {[...new Set(fields)].map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {failure.failure === "conflict" && onReload && (
        <button type="button" onClick={onReload}>
          {t("reload")}
        </button>
      )}
    </div>
  );
}
