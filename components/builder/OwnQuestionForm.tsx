"use client";
// The edit form of one question, group or repeat of the questionnaire's own form: texts in every
// language of the form, required, skip condition, accepted answers and their message, calculation,
// and the other columns (default, appearance, guidance hint, read only, choice filter, the list a
// select takes its answers from, a repeat's count). Columns it does not show stay as they are.
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/Button";
import type { OwnFormLanguage, OwnFormRow } from "@/lib/builder/own-form-view";
import { proposeOwnQuestionAction } from "@/lib/builder/actions";
import { useBuilder } from "./builder-context";
import { code, Expression, FieldError, invalidProps, TextInputs } from "./OwnFormFields";
import { useFieldErrors } from "./use-field-errors";

export function OwnQuestionForm({
  row,
  languages,
  listNames,
  idPrefix,
}: {
  row: OwnFormRow;
  languages: OwnFormLanguage[];
  listNames: string[];
  idPrefix: string;
}) {
  const t = useTranslations("builder.ownForm");
  const { change, q } = useBuilder();
  const isQuestion = row.kind === "question";
  // A refused save keeps what was typed (this state) and shows each message beside its field.
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors(formRef);
  const [value, setValue] = useState({
    label: row.label,
    hint: row.hint,
    guidanceHint: row.guidanceHint,
    required: row.required,
    relevant: row.relevant,
    constraint: row.constraint,
    constraintMessage: row.constraintMessage,
    calculation: row.calculation,
    appearance: row.appearance,
    default: row.default,
    readOnly: row.readOnly,
    choiceFilter: row.choiceFilter,
    listName: row.listName ?? "",
    repeatCount: row.repeatCount,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { listName, repeatCount, default: dflt, readOnly, choiceFilter, ...common } = value;
    // Only what this kind of row has is sent: the rest of its columns stay as they are.
    const edit = {
      path: row.path,
      ...common,
      ...(isQuestion ? { default: dflt, readOnly, choiceFilter } : {}),
      ...(row.listName ? { listName } : {}),
      ...(row.kind === "repeat" ? { repeatCount } : {}),
    };
    fields.clear();
    void change.run({ op: "editOwnQuestion", edit }, () => t("saved", { name: row.name }), fields.onFailure);
  };
  const [proposing, startProposing] = useTransition();
  const propose = () =>
    startProposing(async () => {
      const result = await proposeOwnQuestionAction(q.id, row.path);
      change.setFeedback(
        result.ok
          ? { kind: "ok", message: t("proposed", { code: String(result.data.details?.code ?? "") }) }
          : { kind: "error", failure: result },
      );
    });
  const remove = () => {
    const message = row.children.length
      ? t("confirmDeleteWith", { name: row.name, count: row.children.length })
      : t("confirmDelete", { name: row.name });
    if (window.confirm(message))
      change.run({ op: "deleteOwnQuestion", path: row.path }, () => t("deleted", { name: row.name }));
  };
  const texts = (key: "label" | "hint" | "guidanceHint" | "constraintMessage", label: string) => (
    <TextInputs
      id={`${idPrefix}-${key}`}
      label={(language) => t(label as "labelIn", { language, formLanguage: language })}
      languages={languages}
      value={value[key]}
      onChange={(v) => setValue({ ...value, [key]: v })}
      error={fields.errors[key]}
    />
  );
  const expression = (
    key: "relevant" | "constraint" | "calculation" | "appearance" | "default" | "choiceFilter" | "repeatCount",
    label: ReactNode,
  ) => (
    <Expression
      id={`${idPrefix}-${key}`}
      label={label}
      value={value[key]}
      onChange={(v) => setValue({ ...value, [key]: v })}
      error={fields.errors[key]}
    />
  );
  const check = (key: "required" | "readOnly", label: string) => (
    <p>
      <input
        id={`${idPrefix}-${key}`}
        type="checkbox"
        checked={value[key]}
        onChange={(e) => setValue({ ...value, [key]: e.target.checked })}
      />{" "}
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
    </p>
  );
  return (
    <form ref={formRef} onSubmit={submit} className="builder-form" aria-label={t("editOf", { name: row.name })}>
      {texts("label", "labelIn")}
      {texts("hint", "hintIn")}
      {isQuestion && texts("guidanceHint", "guidanceHintIn")}
      {row.listName && (
        <p>
          <label htmlFor={`${idPrefix}-list`}>{t("list")}</label>{" "}
          <select
            id={`${idPrefix}-list`}
            value={value.listName}
            onChange={(e) => setValue({ ...value, listName: e.target.value })}
            {...invalidProps(`${idPrefix}-list`, fields.errors.listName)}
          >
            {listNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <FieldError id={`${idPrefix}-list`} error={fields.errors.listName} />
        </p>
      )}
      {isQuestion && check("required", t("required"))}
      {expression("relevant", t.rich("relevant", { code }))}
      {row.kind === "repeat" && expression("repeatCount", t.rich("repeatCount", { code }))}
      {isQuestion && (
        <>
          {expression("constraint", t.rich("constraint", { code }))}
          {texts("constraintMessage", "constraintMessageIn")}
          {(row.calculation || /^calculate\b/.test(row.type)) && expression("calculation", t("calculation"))}
          {expression("default", t("default"))}
          {check("readOnly", t("readOnly"))}
          {row.listName && expression("choiceFilter", t.rich("choiceFilter", { code }))}
        </>
      )}
      {expression("appearance", t.rich("appearance", { code }))}
      <p className="button-row">
        <button type="submit" disabled={change.pending}>
          {t("save")}
        </button>
        {isQuestion && (
          <button type="button" className={buttonClass()} onClick={propose} disabled={proposing}>
            {t("propose")}
          </button>
        )}
        <button type="button" className={buttonClass({ variant: "danger" })} onClick={remove} disabled={change.pending}>
          {t("delete", { name: row.name })}
        </button>
      </p>
    </form>
  );
}
