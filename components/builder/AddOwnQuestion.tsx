"use client";
// "Add a question of its own" under the questionnaire's own form (OwnFormEditor): type, name, label
// and hint per language, its list for a select, where it goes; checked on the server by the form
// reader like every own-form change.
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { OwnFormView } from "@/lib/builder/own-form-view";
import { OWN_QUESTION_TYPES } from "@/lib/builder/own-form-schema";
import { useBuilder } from "./builder-context";
import { Expression, FieldError, NameInput, ParentSelect, parentPath, TextInputs, type Texts } from "./OwnFormFields";
import { useFieldErrors } from "./use-field-errors";

export function AddOwnQuestion({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm");
  const { change } = useBuilder();
  const empty = {
    parent: "",
    type: "text" as (typeof OWN_QUESTION_TYPES)[number],
    listName: view.listNames[0] ?? "",
    name: "",
    label: {} as Texts,
    hint: {} as Texts,
    required: false,
    calculation: "",
  };
  const [value, setValue] = useState(empty);
  // A refused add keeps what was typed and shows each message beside its field.
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors(formRef);
  const isSelect = value.type === "select_one" || value.type === "select_multiple";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parent = parentPath(view, value.parent);
    fields.clear();
    const done = await change.run(
      {
        op: "addOwnQuestion",
        add: { ...value, parent, listName: isSelect ? value.listName || null : null },
      },
      () => t("added", { name: value.name }),
      fields.onFailure,
    );
    if (done) setValue(empty);
  };
  return (
    <form ref={formRef} onSubmit={submit} className="builder-form" aria-labelledby="own-add-heading">
      <h3 id="own-add-heading">{t("addHeading")}</h3>
      <ParentSelect
        id="own-add-parent"
        view={view}
        value={value.parent}
        onChange={(parent) => setValue({ ...value, parent })}
      />
      <p>
        <label htmlFor="own-add-type">{t("type")}</label>{" "}
        <select
          id="own-add-type"
          value={value.type}
          onChange={(e) => setValue({ ...value, type: e.target.value as typeof value.type })}
        >
          {OWN_QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </p>
      {isSelect && (
        <p>
          <label htmlFor="own-add-list">{t("list")}</label>{" "}
          <select
            id="own-add-list"
            value={value.listName}
            onChange={(e) => setValue({ ...value, listName: e.target.value })}
          >
            {view.listNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </p>
      )}
      <p>
        <label htmlFor="own-add-name">{t("name")}</label>
        <NameInput
          id="own-add-name"
          value={value.name}
          onChange={(name) => setValue({ ...value, name })}
          error={fields.errors.name}
        />
      </p>
      <FieldError id="own-add-name" error={fields.errors.name} />
      <TextInputs
        id="own-add-label"
        label={(language) => t("labelIn", { language, formLanguage: language })}
        languages={view.languages}
        value={value.label}
        onChange={(label) => setValue({ ...value, label })}
        error={fields.errors.label}
      />
      <TextInputs
        id="own-add-hint"
        label={(language) => t("hintIn", { language, formLanguage: language })}
        languages={view.languages}
        value={value.hint}
        onChange={(hint) => setValue({ ...value, hint })}
        error={fields.errors.hint}
      />
      {value.type === "calculate" ? (
        <Expression
          id="own-add-calculation"
          label={t("calculation")}
          value={value.calculation}
          onChange={(calculation) => setValue({ ...value, calculation })}
          error={fields.errors.calculation}
        />
      ) : (
        value.type !== "note" && (
          <p>
            <input
              id="own-add-required"
              type="checkbox"
              checked={value.required}
              onChange={(e) => setValue({ ...value, required: e.target.checked })}
            />{" "}
            <label htmlFor="own-add-required">{t("required")}</label>
          </p>
        )
      )}
      <button type="submit" disabled={change.pending}>
        {t("add")}
      </button>
    </form>
  );
}
