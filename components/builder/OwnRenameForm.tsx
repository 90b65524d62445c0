"use client";
// Renaming a question, group or repeat of the questionnaire's own form, or one of its choice lists
// (issue #18). Before the rename is sent the person is told how many `${name}` references (or
// select questions) will change with it; the server rewrites them in the same transaction. A name
// refused (invalid, taken) is shown beside the field, which keeps what was typed.
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
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
