"use client";
// Renaming a question, group or repeat of the questionnaire's own form, or one of its choice lists
// (issue #18). Before the rename is sent the person is told how many `${name}` references (or
// select questions) will change with it; the server rewrites them in the same transaction. A name
// refused (invalid, taken) is shown beside the field, which keeps what was typed. A choice's value
// is changed the same way (OwnChoiceValueForm), the places comparing with it listed first, with
// the warning that data already collected keeps the old value.
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { OwnChoiceView } from "@/lib/builder/own-form-view";
import { isolate } from "@/lib/text/bidi";
import { useBuilder } from "./builder-context";
import { FieldError, NameInput } from "./OwnFormFields";
import { useFieldErrors } from "./use-field-errors";

type Target =
  { kind: "node"; path: string[]; name: string; references: number } | { kind: "list"; name: string; usedBy: string[] };

export function OwnRenameForm({ target, idPrefix }: { target: Target; idPrefix: string }) {
  const t = useTranslations("builder.ownForm.rename");
  const { change } = useBuilder();
  const form = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors(form);
  const [name, setName] = useState(target.name);
  const id = `${idPrefix}-rename`;
  const count = target.kind === "node" ? target.references : target.usedBy.length;
  const impact =
    target.kind === "node"
      ? t("references", { count })
      : t("listUsers", { count, questions: target.usedBy.join(", ") });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const to = name.trim();
    if (!to || to === target.name) return;
    if (!window.confirm(t("confirm", { from: target.name, to, impact }))) return;
    fields.clear();
    const done = (data: { details?: Record<string, unknown> }) =>
      t("renamed", { from: target.name, to, count: Number(data.details?.references ?? 0) });
    if (target.kind === "node")
      void change.run({ op: "renameOwnNode", rename: { path: target.path, name: to } }, done, fields.onFailure);
    else
      void change.run(
        { op: "renameOwnChoiceList", rename: { listName: target.name, name: to } },
        done,
        fields.onFailure,
      );
  };
  return (
    <form ref={form} onSubmit={submit} className="builder-form" aria-label={t("formOf", { name: target.name })}>
      <p>
        <label htmlFor={id}>{t("newName")}</label>{" "}
        <NameInput id={id} value={name} onChange={setName} error={fields.errors.name} />{" "}
        <button type="submit" disabled={change.pending}>
          {t("submit")}
        </button>
      </p>
      <FieldError id={id} error={fields.errors.name} />
      <p className="muted" id={`${id}-impact`}>
        {impact}
      </p>
    </form>
  );
}

/**
 * A choice of a list given a new value: which choice, its new value, then (before anything is
 * sent) how many places compare with the old value and which, and that answers already collected
 * keep the old value. The server rewrites those places in the same change.
 */
export function OwnChoiceValueForm({
  listName,
  choices,
  valueUses,
  idPrefix,
}: {
  listName: string;
  choices: OwnChoiceView[];
  valueUses: Record<string, string[]>;
  idPrefix: string;
}) {
  const t = useTranslations("builder.ownForm.rename");
  const { change } = useBuilder();
  const form = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors(form);
  const values = [...new Set(choices.map((c) => c.name))];
  const [choice, setChoice] = useState(values[0] ?? "");
  const [name, setName] = useState(values[0] ?? "");
  const id = `${idPrefix}-value`;
  const places = Object.hasOwn(valueUses, choice) ? valueUses[choice] : [];
  const impact = t("valueUses", {
    count: places.length,
    value: isolate(choice),
    places: isolate([...new Set(places)].join(", ")),
  });
  const data = t("valueData", { value: isolate(choice) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const to = name.trim();
    if (!to || to === choice) return;
    const names = { from: isolate(choice), to: isolate(to), list: isolate(listName) };
    if (!window.confirm(t("confirmValue", { ...names, impact, data }))) return;
    fields.clear();
    void change.run(
      { op: "renameOwnChoice", rename: { listName, choice, name: to } },
      (done: { details?: Record<string, unknown> }) =>
        t("valueRenamed", { ...names, count: Number(done.details?.references ?? 0) }),
      fields.onFailure,
    );
  };
  return (
    <form ref={form} onSubmit={submit} className="builder-form" aria-label={t("valueFormOf", { name: listName })}>
      <p>
        <label htmlFor={`${id}-choice`}>{t("valueChoice")}</label>{" "}
        <select
          id={`${id}-choice`}
          dir="ltr"
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            setName(e.target.value);
            fields.clear();
          }}
        >
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>{" "}
        <label htmlFor={id}>{t("newValue")}</label>{" "}
        <NameInput id={id} value={name} onChange={setName} error={fields.errors.name} />{" "}
        <button type="submit" disabled={change.pending}>
          {t("valueSubmit")}
        </button>
      </p>
      <FieldError id={id} error={fields.errors.name} />
      <p className="muted" id={`${id}-impact`} aria-live="polite">
        {impact}
      </p>
      <p className="builder-notice builder-notice--warn">{data}</p>
    </form>
  );
}
