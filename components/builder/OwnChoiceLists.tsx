"use client";
// The choice lists of the questionnaire's own form: each list opens an editor of its choices
// (name, label in every language of the form, a cascading list's filter values; reorder, add,
// remove), saved whole; a new list is created the same way. The server keeps each choice's other
// columns (media, unknown ones) by its place in the list as it was read.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/Button";
import type { OwnChoiceView, OwnFormView, OwnListView } from "@/lib/builder/own-form-view";
import { useBuilder } from "./builder-context";
import { FieldError, NameInput, TextInputs, type Texts } from "./OwnFormFields";
import { OwnChoiceValueForm, OwnRenameForm } from "./OwnRenameForm";
import { useFieldErrors } from "./use-field-errors";

type Draft = { key: number; from: number | null; name: string; label: Texts; filters: Record<string, string> };

let nextKey = 0;
const draftsOf = (choices: OwnChoiceView[]): Draft[] =>
  choices.map((c, i) => ({ key: nextKey++, from: i, name: c.name, label: c.label, filters: c.filters }));
const blank = (): Draft => ({ key: nextKey++, from: null, name: "", label: {}, filters: {} });

function ListEditor({
  view,
  listName,
  initial,
  create,
  onDone,
}: {
  view: OwnFormView;
  listName: string;
  initial: Draft[];
  create: boolean;
  onDone?: () => void;
}) {
  const t = useTranslations("builder.ownForm.lists");
  const { change } = useBuilder();
  const [drafts, setDrafts] = useState(initial);
  // The values as read, by place (`from`): a value edited here changes what the data holds.
  const [readValues] = useState(() => initial.map((d) => d.name));
  // A refused save keeps the drafts and shows each message beside its choice's field.
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors(formRef);
  // After adding, removing or moving a choice, focus goes where the person's next action is.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const id = (key: number | string, what: string) => `own-list-${listName}-${key}-${what}`;
  const update = (index: number, patch: Partial<Draft>) =>
    setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    focusNext.current = id(drafts[index].key, by < 0 ? "up" : "down");
    setDrafts(next);
  };
  const remove = (index: number) => {
    const rest = drafts.filter((_, i) => i !== index);
    focusNext.current = rest[index] ? id(rest[index].key, "name") : id("list", "add");
    setDrafts(rest);
  };
  const add = () => {
    const d = blank();
    focusNext.current = id(d.key, "name");
    setDrafts([...drafts, d]);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    fields.clear();
    const done = await change.run(
      {
        op: "saveOwnChoiceList",
        list: {
          listName,
          create,
          choices: drafts.map(({ from, name, label, filters }) => ({ from, name, label, filters })),
        },
      },
      () => t(create ? "created" : "saved", { name: listName }),
      fields.onFailure,
    );
    if (done) onDone?.();
  };
  return (
    <form ref={formRef} onSubmit={submit} className="builder-form" aria-label={t("editOf", { name: listName })}>
      <ol className="own-choices">
        {drafts.map((d, i) => (
          <li key={d.key}>
            <fieldset>
              <legend>{t("choice", { number: i + 1, name: d.name || "—" })}</legend>
              <p>
                <label htmlFor={id(d.key, "name")}>{t("choiceName")}</label>
                <NameInput
                  id={id(d.key, "name")}
                  value={d.name}
                  onChange={(name) => update(i, { name })}
                  error={fields.errors[`choices.${i}.name`]}
                />
              </p>
              <FieldError id={id(d.key, "name")} error={fields.errors[`choices.${i}.name`]} />
              {!create && d.from !== null && d.name.trim() !== readValues[d.from] && (
                <p className="builder-notice builder-notice--warn">
                  {t("valueChanged", { value: readValues[d.from] ?? "" })}
                </p>
              )}
              <TextInputs
                id={id(d.key, "label")}
                label={(language) => t("labelIn", { language, formLanguage: language })}
                languages={view.languages}
                value={d.label}
                onChange={(label) => update(i, { label })}
                error={fields.errors[`choices.${i}.label`]}
              />
              {view.filterColumns.map((column) => (
                <p key={column}>
                  <label htmlFor={id(d.key, `filter-${column}`)}>{t("filterIn", { column })}</label>
                  <input
                    id={id(d.key, `filter-${column}`)}
                    dir="ltr"
                    autoComplete="off"
                    maxLength={1000}
                    value={d.filters[column] ?? ""}
                    onChange={(e) => update(i, { filters: { ...d.filters, [column]: e.target.value } })}
                  />
                </p>
              ))}
              <p className="button-row">
                <button
                  id={id(d.key, "up")}
                  type="button"
                  className={buttonClass()}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  {t("up", { name: d.name || i + 1 })}
                </button>
                <button
                  id={id(d.key, "down")}
                  type="button"
                  className={buttonClass()}
                  disabled={i === drafts.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t("down", { name: d.name || i + 1 })}
                </button>
                <button
                  type="button"
                  className={buttonClass()}
                  disabled={drafts.length === 1}
                  onClick={() => remove(i)}
                >
                  {t("remove", { name: d.name || i + 1 })}
                </button>
              </p>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="button-row">
        <button id={id("list", "add")} type="button" className={buttonClass()} onClick={add}>
          {t("addChoice")}
        </button>
        <button type="submit" disabled={change.pending}>
          {create ? t("create") : t("save", { name: listName })}
        </button>
      </p>
    </form>
  );
}

/** Delete a list: the server refuses, naming them, while questions still take their answers from it. */
function DeleteList({ list }: { list: OwnListView }) {
  const t = useTranslations("builder.ownForm.lists");
  const { change } = useBuilder();
  const remove = () => {
    if (window.confirm(t("confirmDelete", { name: list.name })))
      void change.run({ op: "deleteOwnChoiceList", listName: list.name }, () => t("deleted", { name: list.name }));
  };
  return (
    <p className="button-row">
      <button type="button" className={buttonClass({ variant: "danger" })} onClick={remove} disabled={change.pending}>
        {t("delete", { name: list.name })}
      </button>
      {list.usedBy.length > 0 && (
        <span className="muted"> {t("usedBy", { count: list.usedBy.length, questions: list.usedBy.join(", ") })}</span>
      )}
    </p>
  );
}

function ListRow({ view, list, index }: { view: OwnFormView; list: OwnListView; index: number }) {
  const t = useTranslations("builder.ownForm.lists");
  const [open, setOpen] = useState(false);
  return (
    <li>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <code dir="ltr">{list.name}</code> {t("size", { count: list.size })}
        </summary>
        {open && (
          <>
            <OwnRenameForm
              key={list.name}
              target={{ kind: "list", name: list.name, usedBy: list.usedBy }}
              idPrefix={`own-list-${index}`}
            />
            <DeleteList list={list} />
            {list.choices !== null && (
              // A value changed (here or elsewhere) comes back from the server: the form starts again.
              <OwnChoiceValueForm
                key={list.choices.map((c) => c.name).join(" ")}
                listName={list.name}
                choices={list.choices}
                valueUses={list.valueUses}
                idPrefix={`own-list-${index}`}
              />
            )}
          </>
        )}
        {list.choices === null ? (
          <p className="muted">{t("tooLong")}</p>
        ) : (
          open && (
            // A list saved (here or elsewhere) comes back from the server: the editor starts again
            // from it, as the places its choices were read from (`from`) have changed.
            <ListEditor
              key={JSON.stringify(list.choices)}
              view={view}
              listName={list.name}
              initial={draftsOf(list.choices)}
              create={false}
            />
          )
        )}
      </details>
    </li>
  );
}

function NewList({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm.lists");
  const [name, setName] = useState("");
  const [started, setStarted] = useState<string | null>(null);
  if (started)
    return (
      <>
        <h4>{t("newListOf", { name: started })}</h4>
        <ListEditor view={view} listName={started} initial={[blank()]} create onDone={() => setStarted(null)} />
      </>
    );
  return (
    <form
      className="builder-form"
      aria-label={t("newList")}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) setStarted(name.trim());
      }}
    >
      <p>
        <label htmlFor="own-new-list">{t("newListName")}</label>
        <NameInput id="own-new-list" value={name} onChange={setName} /> <button type="submit">{t("newList")}</button>
      </p>
    </form>
  );
}

export function OwnChoiceLists({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm.lists");
  return (
    <section aria-labelledby="own-lists-heading">
      <h3 id="own-lists-heading">{t("heading")}</h3>
      <p className="muted">{t("intro")}</p>
      {view.lists.length > 0 && (
        <ul className="own-form-list">
          {view.lists.map((list, i) => (
            <ListRow key={list.name} view={view} list={list} index={i} />
          ))}
        </ul>
      )}
      <NewList view={view} />
    </section>
  );
}
