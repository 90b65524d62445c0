"use client";
// Adding a group or a repeat of one's own to the questionnaire's form, at its end or inside a
// group: name, label in every language of the form, skip condition, appearance (field-list shows
// the group on one screen) and, for a repeat, how many times. Questions go into it afterwards by
// the add form's "Add to" or by moving them.
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { OwnFormView } from "@/lib/builder/own-form-view";
import { useBuilder } from "./builder-context";
import {
  code,
  Expression,
  FieldError,
  NameInput,
  ParentSelect,
  parentPath,
  TextInputs,
  type Texts,
} from "./OwnFormFields";
import { useFieldErrors } from "./use-field-errors";

export function OwnAddContainer({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm");
  const { change } = useBuilder();
  const empty = {
    parent: "",
    kind: "group" as "group" | "repeat",
    name: "",
    label: {} as Texts,
    relevant: "",
    appearance: "",
    repeatCount: "",
  };
  const [value, setValue] = useState(empty);
  const nameInput = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors(formRef);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parent = parentPath(view, value.parent);
    fields.clear();
    const done = await change.run(
      {
        op: "addOwnContainer",
        add: { ...value, parent, repeatCount: value.kind === "repeat" ? value.repeatCount : "" },
      },
      () => t("added", { name: value.name }),
      fields.onFailure,
    );
    // Ready for the next one; after a refusal the fields stay as typed, to be corrected.
    if (done) {
      setValue(empty);
      nameInput.current?.focus();
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} className="builder-form" aria-labelledby="own-add-container-heading">
      <h3 id="own-add-container-heading">{t("addContainerHeading")}</h3>
      <fieldset>
        <legend>{t("containerKind")}</legend>
        {(["group", "repeat"] as const).map((kind) => (
          <p key={kind}>
            <input
              id={`own-container-${kind}`}
              type="radio"
              name="own-container-kind"
              checked={value.kind === kind}
              onChange={() => setValue({ ...value, kind })}
            />{" "}
            <label htmlFor={`own-container-${kind}`}>{t(`containerKinds.${kind}`)}</label>
          </p>
        ))}
      </fieldset>
      <ParentSelect
        id="own-container-parent"
        view={view}
        value={value.parent}
        onChange={(parent) => setValue({ ...value, parent })}
      />
      <p>
        <label htmlFor="own-container-name">{t("name")}</label>
        <NameInput
          ref={nameInput}
          id="own-container-name"
          value={value.name}
          onChange={(name) => setValue({ ...value, name })}
          error={fields.errors.name}
        />
      </p>
      <FieldError id="own-container-name" error={fields.errors.name} />
      <TextInputs
        id="own-container-label"
        label={(language) => t("labelIn", { language, formLanguage: language })}
        languages={view.languages}
        value={value.label}
        onChange={(label) => setValue({ ...value, label })}
        error={fields.errors.label}
      />
      <Expression
        id="own-container-relevant"
        label={t.rich("relevant", { code })}
        value={value.relevant}
        onChange={(relevant) => setValue({ ...value, relevant })}
        error={fields.errors.relevant}
      />
      <Expression
        id="own-container-appearance"
        label={t.rich("appearance", { code })}
        value={value.appearance}
        onChange={(appearance) => setValue({ ...value, appearance })}
        error={fields.errors.appearance}
      />
      {value.kind === "repeat" && (
        <Expression
          id="own-container-count"
          label={t.rich("repeatCount", { code })}
          value={value.repeatCount}
          onChange={(repeatCount) => setValue({ ...value, repeatCount })}
          error={fields.errors.repeatCount}
        />
      )}
      <button type="submit" disabled={change.pending}>
        {value.kind === "repeat" ? t("addRepeat") : t("addGroup")}
      </button>
    </form>
  );
}
