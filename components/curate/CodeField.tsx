"use client";
// The question code, checked as it is typed: valid for XLSForm and the bank, and not yet used.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { checkCodeAction } from "@/lib/curation/actions";
import { bankCodeSchema } from "@/lib/vocabulary/names";

type Check = "idle" | "checking" | "ok" | "invalid" | "taken" | "forbidden";

export function CodeField({
  value,
  onChange,
  currentCode,
  readOnly,
  serverError,
}: {
  value: string;
  onChange: (v: string) => void;
  currentCode?: string;
  readOnly: boolean;
  serverError?: string;
}) {
  const t = useTranslations("curate.editor");
  // The format is checked here at once; whether the code is free needs the server.
  const [answer, setAnswer] = useState<{ code: string; result: Check } | null>(null);
  const formatOk = bankCodeSchema.safeParse(value).success;
  const check: Check =
    readOnly || !value ? "idle" : !formatOk ? "invalid" : answer?.code === value ? answer.result : "checking";

  useEffect(() => {
    if (readOnly || !formatOk) return;
    let live = true;
    const timer = setTimeout(async () => {
      const answered = await checkCodeAction(value, currentCode);
      const result: Check = answered.ok
        ? answered.data
        : answered.code === "forbidden" || answered.code === "unauthenticated"
          ? "forbidden"
          : "invalid";
      if (live) setAnswer({ code: value, result });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value, currentCode, readOnly, formatOk]);

  const problem =
    serverError ?? (check === "invalid" ? t("codeInvalid") : check === "taken" ? t("codeTaken") : undefined);
  return (
    <div className="field">
      <label htmlFor="code">{t("code")}</label>
      <input
        id="code"
        name="code"
        dir="ltr"
        className="code-input"
        autoComplete="off"
        spellCheck={false}
        readOnly={readOnly}
        aria-invalid={!!problem}
        aria-describedby="code-help code-check"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id="code-help" className="muted">
        {readOnly ? t("codeFixed") : t("codeHelp")}
      </p>
      <p id="code-check" aria-live="polite" className={problem ? "field-error" : "muted"}>
        {problem ?? (check === "ok" ? t("codeFree") : check === "checking" ? t("codeChecking") : "")}
      </p>
    </div>
  );
}
