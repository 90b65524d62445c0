"use client";
// The questionnaire's own (imported) form in the builder: its questions, groups and repeats as a
// tree; each question opens an edit form (texts in every language of the form, required, skip
// condition, accepted answers and their message, calculation) and can be deleted; a question of
// one's own is added at the end of the form or of a group. Every change is checked on the server by
// the same reader as an import, so what is saved always converts with pyxform.
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { OwnFormLanguage, OwnFormRow, OwnFormView } from "@/lib/builder/own-form-view";
import { OWN_QUESTION_TYPES } from "@/lib/builder/own-form-schema";
import { proposeOwnQuestionAction } from "@/lib/builder/actions";
import { buttonClass } from "@/components/ui/Button";
import { useBuilder } from "./builder-context";

type Texts = Record<string, string>;

/** An expression quoted in a label keeps its left-to-right order inside an Arabic sentence. */
const code = (chunks: ReactNode) => (
  <code dir="ltr" className="code">
    {chunks}
  </code>
);

function TextInputs({
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

function Expression({
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

function QuestionForm({
  row,
  languages,
  idPrefix,
}: {
  row: OwnFormRow;
  languages: OwnFormLanguage[];
  idPrefix: string;
}) {
  const t = useTranslations("builder.ownForm");
  const { change, q } = useBuilder();
  const [value, setValue] = useState({
    label: row.label,
    hint: row.hint,
    required: row.required,
    relevant: row.relevant,
    constraint: row.constraint,
    constraintMessage: row.constraintMessage,
    calculation: row.calculation,
  });
  const isQuestion = row.kind === "question";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.run({ op: "editOwnQuestion", edit: { path: row.path, ...value } }, () => t("saved", { name: row.name }));
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
    if (window.confirm(t("confirmDelete", { name: row.name })))
      change.run({ op: "deleteOwnQuestion", path: row.path }, () => t("deleted", { name: row.name }));
  };
  return (
    <form onSubmit={submit} className="builder-form" aria-label={t("editOf", { name: row.name })}>
      <TextInputs
        id={`${idPrefix}-label`}
        label={(language) => t("labelIn", { formLanguage: language })}
        languages={languages}
        value={value.label}
        onChange={(label) => setValue({ ...value, label })}
      />
      <TextInputs
        id={`${idPrefix}-hint`}
        label={(language) => t("hintIn", { formLanguage: language })}
        languages={languages}
        value={value.hint}
        onChange={(hint) => setValue({ ...value, hint })}
      />
      {isQuestion && (
        <p>
          <input
            id={`${idPrefix}-required`}
            type="checkbox"
            checked={value.required}
            onChange={(e) => setValue({ ...value, required: e.target.checked })}
          />{" "}
          <label htmlFor={`${idPrefix}-required`}>{t("required")}</label>
        </p>
      )}
      <Expression
        id={`${idPrefix}-relevant`}
        label={t.rich("relevant", { code })}
        value={value.relevant}
        onChange={(relevant) => setValue({ ...value, relevant })}
      />
      {isQuestion && (
        <>
          <Expression
            id={`${idPrefix}-constraint`}
            label={t.rich("constraint", { code })}
            value={value.constraint}
            onChange={(constraint) => setValue({ ...value, constraint })}
          />
          <TextInputs
            id={`${idPrefix}-constraint-message`}
            label={(language) => t("constraintMessageIn", { formLanguage: language })}
            languages={languages}
            value={value.constraintMessage}
            onChange={(constraintMessage) => setValue({ ...value, constraintMessage })}
          />
          {(row.calculation || /^calculate\b/.test(row.type)) && (
            <Expression
              id={`${idPrefix}-calculation`}
              label={t("calculation")}
              value={value.calculation}
              onChange={(calculation) => setValue({ ...value, calculation })}
            />
          )}
        </>
      )}
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

function Row({ row, languages, index }: { row: OwnFormRow; languages: OwnFormLanguage[]; index: string }) {
  const t = useTranslations("builder.ownForm");
  const [open, setOpen] = useState(false);
  const label = row.shownLabel;
  return (
    <li>
      <code dir="ltr">{row.name || "—"}</code>{" "}
      <bdi className="muted" dir="ltr">
        ({row.type})
      </bdi>
      {label && (
        <>
          {" "}
          <span dir="auto">{label}</span>
        </>
      )}
      {row.editable && (
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t("edit", { name: row.name })}</summary>
          {open && <QuestionForm row={row} languages={languages} idPrefix={`own-${index}`} />}
        </details>
      )}
      {row.children.length > 0 && (
        <ol className="own-form-list">
          {row.children.map((child, i) => (
            <Row key={child.path.join("/")} row={child} languages={languages} index={`${index}-${i}`} />
          ))}
        </ol>
      )}
    </li>
  );
}

function AddOwnQuestion({ view }: { view: OwnFormView }) {
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
  const isSelect = value.type === "select_one" || value.type === "select_multiple";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parent = view.containers.find((c) => c.path.join("/") === value.parent)?.path ?? [];
    const done = await change.run(
      {
        op: "addOwnQuestion",
        add: { ...value, parent, listName: isSelect ? value.listName || null : null },
      },
      () => t("added", { name: value.name }),
    );
    if (done) setValue(empty);
  };
  return (
    <form onSubmit={submit} className="builder-form" aria-labelledby="own-add-heading">
      <h3 id="own-add-heading">{t("addHeading")}</h3>
      <p>
        <label htmlFor="own-add-parent">{t("addTo")}</label>{" "}
        <select
          id="own-add-parent"
          value={value.parent}
          onChange={(e) => setValue({ ...value, parent: e.target.value })}
        >
          <option value="">{t("top")}</option>
          {view.containers.map((c) => (
            <option key={c.path.join("/")} value={c.path.join("/")}>
              {c.label}
            </option>
          ))}
        </select>
      </p>
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
        <input
          id="own-add-name"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={200}
          value={value.name}
          onChange={(e) => setValue({ ...value, name: e.target.value })}
        />
      </p>
      <TextInputs
        id="own-add-label"
        label={(language) => t("labelIn", { formLanguage: language })}
        languages={view.languages}
        value={value.label}
        onChange={(label) => setValue({ ...value, label })}
      />
      <TextInputs
        id="own-add-hint"
        label={(language) => t("hintIn", { formLanguage: language })}
        languages={view.languages}
        value={value.hint}
        onChange={(hint) => setValue({ ...value, hint })}
      />
      {value.type === "calculate" ? (
        <Expression
          id="own-add-calculation"
          label={t("calculation")}
          value={value.calculation}
          onChange={(calculation) => setValue({ ...value, calculation })}
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

/** The tree and the add form; the summary around it is the server's (OwnFormPanel). */
export function OwnFormEditor({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm");
  return (
    <>
      <details>
        <summary>{t("show")}</summary>
        <ol className="own-form-list">
          {view.rows.map((row, i) => (
            <Row key={row.path.join("/")} row={row} languages={view.languages} index={String(i)} />
          ))}
        </ol>
        {view.more > 0 && <p className="muted">{t("more", { count: view.more })}</p>}
      </details>
      <AddOwnQuestion view={view} />
    </>
  );
}
