"use client";
// The question editor's constraint: the bounds that suit the answer type (min and max for numbers,
// a maximum length for text, no future date), a custom constraint and its message.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { EditorValues } from "./question-form-values";
import type { SetEditorValue } from "./useQuestionForm";

export function QuestionConstraintFields({
  values,
  set,
  errorText,
}: {
  values: EditorValues;
  set: SetEditorValue;
  errorText: (name: string) => ReactNode;
}) {
  const t = useTranslations("curate.editor");
  return (
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
  );
}
