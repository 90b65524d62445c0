"use client";
// The inputs the own-form editors share: a text in every language of the form (each input in its
// language and direction), an XLSForm expression and an XLSForm name (left to right, never
// spell-checked), and the group a new question, group or repeat goes into.
import type { ReactNode, Ref } from "react";
import { useTranslations } from "next-intl";
import type { OwnFormLanguage, OwnFormView } from "@/lib/builder/own-form-view";

export type Texts = Record<string, string>;
/** An expression quoted in a label keeps its left-to-right order inside an Arabic sentence. */
export const code = (chunks: ReactNode) => (
  <code dir="ltr" className="code">
    {chunks}
  </code>
);

/** A refused save's message for one field, which the field names in its aria-describedby. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

/** aria-invalid and aria-describedby of a field with a message (FieldError beside it). */
export const invalidProps = (id: string, error?: string) =>
  error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};

export function TextInputs({
  id,
  label,
  languages,
  value,
  onChange,
  error,
}: {
  id: string;
  label: (language: string) => string;
  languages: OwnFormLanguage[];
  value: Texts;
  onChange: (v: Texts) => void;
  error?: string;
}) {
  return (
    <>
      {languages.map((l, i) => (
        <p key={l.name}>
          <label htmlFor={`${id}-${i}`}>{label(l.name)}</label>
          <input
            id={`${id}-${i}`}
            type="text"
            lang={l.lang}
            dir={l.dir}
            maxLength={5000}
            value={value[l.name] ?? ""}
            onChange={(e) => onChange({ ...value, [l.name]: e.target.value })}
            {...invalidProps(id, error)}
          />
        </p>
      ))}
      <FieldError id={id} error={error} />
    </>
  );
}

export function Expression({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        className="own-expression"
        maxLength={5000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...invalidProps(id, error)}
      />
      <FieldError id={id} error={error} />
    </p>
  );
}

/** An XLSForm name (of a question, group, repeat, list or choice); its label is the caller's. */
export function NameInput({
  id,
  value,
  onChange,
  ref,
  error,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  ref?: Ref<HTMLInputElement>;
  /** Shown by the caller with FieldError (the input sits inside the caller's own paragraph) */
  error?: string;
}) {
  return (
    <input
      ref={ref}
      id={id}
      dir="ltr"
      autoComplete="off"
      spellCheck={false}
      required
      maxLength={200}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...invalidProps(id, error)}
    />
  );
}

/** Where a new node goes: the end of the form ("") or of a group, named by its path joined with "/". */
export function ParentSelect({
  id,
  view,
  value,
  onChange,
}: {
  id: string;
  view: OwnFormView;
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useTranslations("builder.ownForm");
  return (
    <p>
      <label htmlFor={id}>{t("addTo")}</label>{" "}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("top")}</option>
        {view.containers.map((c) => (
          <option key={c.path.join("/")} value={c.path.join("/")}>
            {c.label}
          </option>
        ))}
      </select>
    </p>
  );
}

/** The path of the group ParentSelect chose ([] for the form itself). */
export const parentPath = (view: OwnFormView, value: string) =>
  view.containers.find((c) => c.path.join("/") === value)?.path ?? [];
