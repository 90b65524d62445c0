"use client";
// The question editor: every field controlled, so that nothing typed is lost whatever the server
// answers (a validation error, an impact to confirm, a conflict with another curator's save).
// The form model lives in useQuestionForm.ts, the values in question-form-values.ts, the choice
// and constraint sections in QuestionChoiceFields.tsx and QuestionConstraintFields.tsx.
import { useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { EditorOptions, QuestionFormValues } from "@/lib/curation/data";
import { SOURCE_RELATIONS } from "@/lib/curation/schema";
import { QUESTION_TYPES, type QuestionType } from "@/lib/vocabulary/enums";
import { ActionMessage } from "./ActionMessage";
import { CodeField } from "./CodeField";
import { ConflictPanel } from "./ConflictPanel";
import { DuplicateHints } from "./DuplicateHints";
import { ImpactPanel } from "./ImpactPanel";
import { QuestionChoiceFields } from "./QuestionChoiceFields";
import { QuestionConstraintFields } from "./QuestionConstraintFields";
import { valuesOf } from "./question-form-values";
import { useQuestionForm } from "./useQuestionForm";
import { Button } from "@/components/ui/Button";

export function QuestionEditor({
  question,
  options,
  revision,
  onSaved,
}: {
  question: QuestionFormValues | null;
  options: EditorOptions;
  revision: number;
  onSaved?: (revision: number) => void;
}) {
  const t = useTranslations("curate.editor");
  const tq = useTranslations("question");
  const te = useTranslations("curate.errors");
  const th = useTranslations("hazardText");
  const locale = useLocale() as Language;
  const {
    values,
    setValues,
    set,
    baseRevision,
    setLearntRevision,
    state,
    pending,
    confirmRef,
    failure,
    confirm,
    fieldError,
    errorId,
    submit,
  } = useQuestionForm({ question, revision, onSaved });
  const formRef = useRef<HTMLFormElement>(null);
  const errorText = (name: string) =>
    fieldError(name) ? (
      <p id={`${name}-error`} className="field-error">
        {fieldError(name)}
      </p>
    ) : null;

  const published = question?.status === "published";
  const submitLabel = !question
    ? t("create")
    : published
      ? t("publishVersion", { version: question.version + 1 })
      : t("saveDraft");

  return (
    <form ref={formRef} onSubmit={submit} className="editor" noValidate aria-describedby="editor-help">
      <p id="editor-help" className="muted">
        {published ? t("publishedHelp", { version: question!.version }) : t("draftHelp")}
      </p>
      <input type="hidden" name="originalCode" value={question?.code ?? ""} />
      <input type="hidden" name="revision" value={baseRevision} />
      <input type="hidden" name="sourceLanguage" value={question?.sourceLanguage ?? "en"} />

      <CodeField
        value={values.code}
        onChange={(v) => set("code", v)}
        currentCode={question?.code}
        readOnly={!!question && question.status !== "draft"}
        serverError={fieldError("code") ?? (failure?.code === "codeTaken" ? te("codeTaken") : undefined)}
      />

      <div className="field">
        <label htmlFor="type">{t("type")}</label>
        <select id="type" name="type" value={values.type} onChange={(e) => set("type", e.target.value as QuestionType)}>
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {tq(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="label">{t("label")}</label>
        <textarea
          id="label"
          name="label"
          rows={3}
          dir="auto"
          required
          aria-invalid={!!fieldError("label")}
          aria-describedby={["label-help", errorId("label")].filter(Boolean).join(" ")}
          value={values.label}
          onChange={(e) => set("label", e.target.value)}
        />
        <p id="label-help" className="muted">
          {th("curatorHint")}
        </p>
        {errorText("label")}
      </div>
      <div className="field">
        <label htmlFor="hint">{t("hint")}</label>
        <input
          id="hint"
          name="hint"
          dir="auto"
          aria-describedby="label-help"
          value={values.hint}
          onChange={(e) => set("hint", e.target.value)}
        />
      </div>

      <QuestionChoiceFields values={values} set={set} options={options} errorId={errorId} errorText={errorText} />

      <QuestionConstraintFields values={values} set={set} errorText={errorText} />

      <div className="field">
        <label htmlFor="indicators">{t("indicators")}</label>
        <p id="indicators-help" className="muted">
          {t("indicatorsHelp")}
        </p>
        <select
          id="indicators"
          name="indicators"
          multiple
          size={8}
          aria-describedby="indicators-help"
          value={values.indicators}
          onChange={(e) =>
            set(
              "indicators",
              Array.from(e.target.selectedOptions, (o) => o.value),
            )
          }
        >
          {options.indicators
            .filter((i) => !i.retired || values.indicators.includes(i.code))
            .map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {pickText(i.name, locale)?.text}
              </option>
            ))}
        </select>
      </div>

      {(!question || question.status === "draft") && (
        <DuplicateHints label={values.label} indicators={values.indicators} currentCode={question?.code} />
      )}

      <div className="field">
        <label htmlFor="tags">{t("tags")}</label>
        <input
          id="tags"
          name="tags"
          aria-describedby="tags-help"
          value={values.tags}
          onChange={(e) => set("tags", e.target.value)}
        />
        <p id="tags-help" className="muted">
          {t("tagsHelp")}
        </p>
      </div>

      <div className="inline-fields">
        <div className="field">
          <label htmlFor="sourceKey">{t("source")}</label>
          <select
            id="sourceKey"
            name="sourceKey"
            value={values.sourceKey}
            onChange={(e) => set("sourceKey", e.target.value)}
          >
            <option value="">{t("noSource")}</option>
            {options.sources.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sourceRelation">{t("sourceRelation")}</label>
          <select
            id="sourceRelation"
            name="sourceRelation"
            value={values.sourceRelation}
            onChange={(e) => set("sourceRelation", e.target.value)}
            aria-describedby={errorId("sourceRelation")}
          >
            <option value="">—</option>
            {SOURCE_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`relations.${r}`)}
              </option>
            ))}
          </select>
          {errorText("sourceRelation")}
        </div>
      </div>

      <div className="field">
        <label htmlFor="notes">{t("notes")}</label>
        <textarea
          id="notes"
          name="notes"
          rows={3}
          dir="auto"
          value={values.notes}
          onChange={(e) => set("notes", e.target.value)}
        />
      </div>

      {confirm && <ImpactPanel impact={confirm.confirm} nextVersion={confirm.nextVersion} />}
      {failure?.code === "conflict" && failure.details?.current && (
        <ConflictPanel
          mine={values}
          saved={failure.details.current}
          onTakeSaved={() => {
            setValues(valuesOf(failure.details!.current!));
            setLearntRevision(failure.details!.current!.revision);
          }}
          onKeepMine={() => setLearntRevision(failure.details!.current!.revision)}
        />
      )}
      <ActionMessage state={state} />

      <div className="actions">
        {confirm ? (
          <Button variant="primary" type="submit" disabled={pending} onClick={() => (confirmRef.current = true)}>
            {t("confirmPublish", { version: confirm.nextVersion })}
          </Button>
        ) : (
          <Button variant="primary" type="submit" disabled={pending}>
            {submitLabel}
          </Button>
        )}
      </div>
    </form>
  );
}
