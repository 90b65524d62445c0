"use client";
// The inputs the own-form editors share: a text in every language of the form (each input in its
// language and direction), and an XLSForm expression (left to right, never spell-checked).
import type { ReactNode } from "react";
import type { OwnFormLanguage } from "@/lib/builder/own-form-view";

export type Texts = Record<string, string>;
/** An expression quoted in a label keeps its left-to-right order inside an Arabic sentence. */
export const code = (chunks: ReactNode) => (
  <code dir="ltr" className="code">
    {chunks}
  </code>
);

export function TextInputs({
  id,
  label,
  languages,
  value,
  onChange,
}: {
  id: string;
  label: (language: string) => string;
  languages: OwnFormLanguage[];
  value: Texts;
  onChange: (v: Texts) => void;
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
          />
        </p>
      ))}
    </>
  );
}

export function Expression({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
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
      />
    </p>
  );
}
