"use client";
// The question editor: every field controlled, so that nothing typed is lost whatever the server
// answers (a validation error, an impact to confirm, a conflict with another curator's save).
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { pickText, type Language } from "@/lib/i18n/languages";
import { saveQuestionAction } from "@/lib/curation/actions";
import { IDLE, confirmOf, doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";
import type { EditorOptions, QuestionFormValues } from "@/lib/curation/data";
import { SOURCE_RELATIONS, formatChoiceLines } from "@/lib/curation/schema";
import { QUESTION_TYPES, SELECT_TYPES, type QuestionType } from "@/lib/vocabulary/enums";
import { ActionMessage } from "./ActionMessage";
import { CodeField } from "./CodeField";
import { ConflictPanel } from "./ConflictPanel";
import { DuplicateHints } from "./DuplicateHints";
import { ImpactPanel } from "./ImpactPanel";
import { Button } from "@/components/ui/Button";

export type EditorValues = {
  code: string;
  type: QuestionType;
  label: string;
  hint: string;
  notes: string;
  constraintMessage: string;
  customConstraint: string;
  min: string;
  max: string;
  maxLength: string;
  notFuture: boolean;
  choiceMode: "none" | "shared" | "own";
  sharedList: string;
  ownChoices: string;
  indicators: string[];
  tags: string;
  sourceKey: string;
  sourceRelation: string;
};

export function valuesOf(q: QuestionFormValues | null): EditorValues {
  const s = (v: number | null) => (v === null ? "" : String(v));
  return {
    code: q?.code ?? "",
    type: q?.type ?? "select_one",
    label: q?.label ?? "",
    hint: q?.hint ?? "",
    notes: q?.notes ?? "",
    constraintMessage: q?.constraintMessage ?? "",
    customConstraint: q?.customConstraint ?? "",
    min: s(q?.constraint.min ?? null),
    max: s(q?.constraint.max ?? null),
    maxLength: s(q?.constraint.maxLength ?? null),
    notFuture: q?.constraint.notFuture ?? false,
    choiceMode: q?.choiceMode ?? "shared",
    sharedList: q?.sharedList ?? "",
    ownChoices: formatChoiceLines(q?.ownChoices ?? []),
    indicators: q?.indicators ?? [],
    tags: (q?.tags ?? []).join(", "),
    sourceKey: q?.sourceKey ?? "",
    sourceRelation: q?.sourceRelation ?? "",
  };
}

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
  const locale = useLocale() as Language;
  const router = useRouter();
  const [values, setValues] = useState<EditorValues>(() => valuesOf(question));
  // The revision this edit started from: the page's, or a newer one learnt from a save or a conflict.
  const [learntRevision, setLearntRevision] = useState(revision);
  const baseRevision = Math.max(revision, learntRevision);
  const [state, setState] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef(false);

  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const failure = failureOf(state);
  const confirm = confirmOf(state);
  const fieldError = (name: string) => failure?.fieldErrors?.[name];
  const errorId = (name: string) => (fieldError(name) ? `${name}-error` : undefined);
  const errorText = (name: string) =>
    fieldError(name) ? (
      <p id={`${name}-error`} className="field-error">
        {fieldError(name)}
      </p>
    ) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (confirmRef.current) form.set("confirm", "1");
    confirmRef.current = false;
    startTransition(async () => {
      const next = await saveQuestionAction(state, form);
      setState(next);
      const done = doneOf(next);
      if (!done) return;
      if (!question) return router.push(`/curate/questions/${done.values?.code}`);
      if (typeof done.values?.revision === "number") {
        setLearntRevision(done.values.revision);
        onSaved?.(done.values.revision);
      }
      router.refresh();
    });
  }

  const isSelect = SELECT_TYPES.has(values.type);
  const published = question?.status === "published";
  const chosenList = options.sharedLists.find((l) => l.name === values.sharedList);
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
          aria-describedby={errorId("label")}
          value={values.label}
          onChange={(e) => set("label", e.target.value)}
        />
        {errorText("label")}
      </div>
      <div className="field">
        <label htmlFor="hint">{t("hint")}</label>
        <input id="hint" name="hint" dir="auto" value={values.hint} onChange={(e) => set("hint", e.target.value)} />
      </div>

      <fieldset className="field">
        <legend>{t("choices")}</legend>
        {(["shared", "own", "none"] as const).map((mode) => (
          <label key={mode} className="choice-option">
            <input
              type="radio"
              name="choiceMode"
              value={mode}
              checked={values.choiceMode === mode}
              onChange={() => set("choiceMode", mode)}
            />{" "}
            {t(`choiceModes.${mode}`)}
          </label>
        ))}
        {errorText("choiceMode")}
        {values.choiceMode === "shared" && (
          <div className="field">
            <label htmlFor="sharedList">{t("sharedList")}</label>
            <select
              id="sharedList"
              name="sharedList"
              value={values.sharedList}
              onChange={(e) => set("sharedList", e.target.value)}
              aria-describedby={chosenList ? "sharedList-preview" : errorId("sharedList")}
            >
              <option value="">{t("chooseList")}</option>
              {options.sharedLists.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name}
                </option>
              ))}
            </select>
            {errorText("sharedList")}
            {chosenList && (
              <p id="sharedList-preview" className="muted" lang="en">
                {chosenList.choices.join(" · ")}
              </p>
            )}
          </div>
        )}
        {values.choiceMode === "own" && (
          <div className="field">
            <label htmlFor="ownChoices">{t("ownChoices")}</label>
            <p id="ownChoices-help" className="muted">
              {t("ownChoicesHelp")}
            </p>
            <textarea
              id="ownChoices"
              name="ownChoices"
              rows={5}
              dir="auto"
              aria-describedby={`ownChoices-help ${errorId("ownChoices") ?? ""}`}
              value={values.ownChoices}
              onChange={(e) => set("ownChoices", e.target.value)}
            />
            {errorText("ownChoices")}
          </div>
        )}
        {!isSelect && values.choiceMode !== "none" && <p className="muted">{t("choicesOnlyForSelect")}</p>}
      </fieldset>

      <fieldset className="field">
        <legend>{t("constraint")}</legend>
        {(values.type === "integer" || values.type === "decimal") && (
          <div className="inline-fields">
            <label>
              {t("min")}{" "}
              <input
                name="min"
                type="number"
                inputMode="decimal"
                value={values.min}
                onChange={(e) => set("min", e.target.value)}
              />
            </label>
            <label>
              {t("max")}{" "}
              <input
                name="max"
                type="number"
                inputMode="decimal"
                value={values.max}
                onChange={(e) => set("max", e.target.value)}
              />
            </label>
          </div>
        )}
        {values.type === "text" && (
          <label>
            {t("maxLength")}{" "}
            <input
              name="maxLength"
              type="number"
              min={1}
              value={values.maxLength}
              onChange={(e) => set("maxLength", e.target.value)}
            />
          </label>
        )}
        {values.type === "date" && (
          <label>
            <input
              type="checkbox"
              name="notFuture"
              checked={values.notFuture}
              onChange={(e) => set("notFuture", e.target.checked)}
            />{" "}
            {t("notFuture")}
          </label>
        )}
        {errorText("constraint")}
        <label htmlFor="customConstraint">{t("customConstraint")}</label>
        <input
          id="customConstraint"
          name="customConstraint"
          dir="ltr"
          className="code-input"
          value={values.customConstraint}
          onChange={(e) => set("customConstraint", e.target.value)}
        />
        <label htmlFor="constraintMessage">{t("constraintMessage")}</label>
        <input
          id="constraintMessage"
          name="constraintMessage"
          dir="auto"
          value={values.constraintMessage}
          onChange={(e) => set("constraintMessage", e.target.value)}
        />
      </fieldset>

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
