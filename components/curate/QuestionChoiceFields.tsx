"use client";
// The question editor's answer choices: a shared list (with a preview of its choices), the
// question's own choices one per line, or none.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { EditorOptions } from "@/lib/curation/data";
import { SELECT_TYPES } from "@/lib/vocabulary/enums";
import type { EditorValues } from "./question-form-values";
import type { SetEditorValue } from "./useQuestionForm";

export function QuestionChoiceFields({
  values,
  set,
  options,
  errorId,
  errorText,
}: {
  values: EditorValues;
  set: SetEditorValue;
  options: EditorOptions;
  errorId: (name: string) => string | undefined;
  errorText: (name: string) => ReactNode;
}) {
  const t = useTranslations("curate.editor");
  const isSelect = SELECT_TYPES.has(values.type);
  const chosenList = options.sharedLists.find((l) => l.name === values.sharedList);
  return (
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
  );
}
