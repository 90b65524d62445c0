"use client";
// The XLSForm import form: choose a file, import it, and read either what was created or every
// problem by sheet, row and column. The chosen file stays in the input after a refusal so that the
// person can fix the spreadsheet and send it again; focus moves to the outcome for screen readers.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { MAX_UPLOAD_BYTES } from "@/lib/xlsform/limits";
import { uploadXlsform, type ImportOutcome } from "./upload-xlsform";
import { ImportProblems } from "./ImportProblems";
import { buttonClass } from "@/components/ui/Button";
import { isolate } from "@/lib/text/bidi";

type State = ImportOutcome | { status: "idle" } | { status: "invalid"; message: string };

export function ImportForm({ locale, maxSize }: { locale: string; maxSize: string }) {
  const t = useTranslations("importPage");
  const format = useFormatter();
  const [state, setState] = useState<State>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status !== "idle") outcomeRef.current?.focus();
  }, [state]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    if (!(file instanceof File) || file.size === 0) return setState({ status: "invalid", message: t("noFile") });
    if (file.size > MAX_UPLOAD_BYTES) {
      const fileSize = format.number(file.size / (1024 * 1024), {
        style: "unit",
        unit: "megabyte",
        unitDisplay: "long",
        maximumFractionDigits: 1,
      });
      return setState({ status: "invalid", message: t("tooLarge", { fileSize, size: maxSize }) });
    }
    setBusy(true);
    try {
      const outcome = await uploadXlsform(file, locale);
      // After a refusal the file stays chosen (to fix and send again); after an import it is
      // cleared, so that a second click does not import the same form twice.
      if (outcome.status === "imported") form.reset();
      setState(outcome);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="builder-form import-form" onSubmit={submit} aria-busy={busy} noValidate>
        <label htmlFor="import-file" className="import-label">
          {t("fileLabel")}
        </label>
        <p id="import-file-hint" className="muted">
          {t("fileHint", { size: maxSize })}
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          aria-invalid={state.status === "invalid" || state.status === "refused" ? true : undefined}
          required
        />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? t("busy") : t("submit")}
          </button>
        </p>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="import-outcome">
        <Outcome state={state} />
      </div>
    </>
  );
}

function Outcome({ state }: { state: State }) {
  const t = useTranslations("importPage");
  const format = useFormatter();
  switch (state.status) {
    case "idle":
      return null;
    case "invalid":
    case "failed":
      return (
        <div className="builder-notice builder-notice--error" role="alert">
          <h2 className="import-heading">{t("failedHeading")}</h2>
          <p>{state.status === "invalid" ? state.message : (state.message ?? t("unreachable"))}</p>
        </div>
      );
    case "refused":
      return (
        <>
          <div className="builder-notice builder-notice--error" role="alert">
            <h2 className="import-heading">{t("failedHeading")}</h2>
            <p>{t("summary", { count: state.errors.length })}</p>
          </div>
          <ImportProblems caption={t("problemsCaption")} kind="problem" problems={state.errors} />
          {state.notices.length > 0 && (
            <ImportProblems caption={t("noticesCaption")} kind="note" problems={state.notices} />
          )}
        </>
      );
    case "imported":
      return (
        <>
          <div className="builder-notice builder-notice--ok" role="status">
            <h2 className="import-heading">{t("successHeading")}</h2>
            <p>
              {t("success", {
                title: state.title,
                questions: state.form.questions,
                groups: state.form.groups,
                repeats: state.form.repeats,
                lists: state.form.choiceLists,
              })}{" "}
              {t("successLanguages", { languages: format.list(state.form.languages.map(isolate)) })}
            </p>
            <p>
              <Link href={`/questionnaires/${state.id}`} className={buttonClass({ variant: "primary" })}>
                {t("open", { title: state.title })}
              </Link>
            </p>
          </div>
          {state.notices.length > 0 && (
            <ImportProblems caption={t("noticesCaption")} kind="note" problems={state.notices} />
          )}
        </>
      );
  }
}
