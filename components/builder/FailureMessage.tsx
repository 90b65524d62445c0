"use client";
import { useTranslations } from "next-intl";
import type { Failure } from "./use-builder-change";
import { Button } from "@/components/ui/Button";

/**
 * A refusal in words: what went wrong, which questions or rules, and for a stale copy a way to reload.
 * A builder refusal is worded here (a check made in the browser, such as broken skip logic, has no
 * server message); any other refusal (bad input, sign-in, outage) shows the server's own message.
 */
export function FailureMessage({ failure, onReload }: { failure: Failure; onReload?: () => void }) {
  const t = useTranslations("builder");
  const ti = useTranslations("import.problems");
  const problems = [
    ...(failure.details?.problems ?? []).map((p) =>
      t("problemLine", {
        owner: p.owner,
        question: p.question,
        problem: t(`problems.${p.problem}` as "problems.later_question"),
      }),
    ),
    // The form reader's problems with the questionnaire's own form, as the import words them.
    ...(failure.details?.formProblems ?? []).map((p) =>
      ti(p.code as "unknown_reference", { value: p.value ?? "", limit: 5, rows: 0, columns: 0 }),
    ),
  ];
  const fields = Object.values(failure.fieldErrors ?? {});
  const key = `failures.${failure.code}` as "failures.conflict";
  const message = t.has(key)
    ? t(key, { codes: (failure.details?.codes ?? []).join(", "), problems: problems.join("; ") })
    : failure.message;
  return (
    <div className="builder-notice builder-notice--error" role="alert">
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {[...new Set(fields)].map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {failure.code === "conflict" && onReload && (
        <Button variant="primary" onClick={onReload}>
          {t("reload")}
        </Button>
      )}
    </div>
  );
}
