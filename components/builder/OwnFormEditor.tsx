"use client";
// The questionnaire's own (imported) form in the builder: its questions, groups and repeats as a
// tree, a page at a time (searchable by name or label); each row opens an edit form
// (OwnQuestionForm), moves one step up or down the tree by its buttons, and can be deleted; a
// question, group or repeat of one's own is added at the end of the form or of a group; the form's
// choice lists are edited below (OwnChoiceLists). Every change is checked on the server by the
// same reader as an import, so what is saved always converts with pyxform.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/Button";
import type { OwnFormRow, OwnFormView } from "@/lib/builder/own-form-view";
import { OWN_QUESTION_TYPES } from "@/lib/builder/own-form-schema";
import { useBuilder } from "./builder-context";
import { Expression, FieldError, NameInput, ParentSelect, parentPath, TextInputs, type Texts } from "./OwnFormFields";
import { useFieldErrors } from "./use-field-errors";
import { OwnQuestionForm } from "./OwnQuestionForm";
import { OwnAddContainer } from "./OwnAddContainer";
import { OwnChoiceLists } from "./OwnChoiceLists";
import { OwnRenameForm } from "./OwnRenameForm";

/**
 * The move button to focus once the page comes back from the server: a row moved into or out of a
 * group is a new element there, and keyboard users must not be sent back to the top of the page.
 */
let focusAfterMove: string | null = null;
const moveId = (path: string[], direction: "up" | "down") => `own-move-${direction}-${path.join("/")}`;

function MoveButtons({ row }: { row: OwnFormRow }) {
  const t = useTranslations("builder.ownForm");
  const { change } = useBuilder();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    for (const ref of [up, down]) {
      if (ref.current && ref.current.id === focusAfterMove) {
        focusAfterMove = null;
        ref.current.focus();
      }
    }
  });
  const move = async (direction: "up" | "down") => {
    await change.run({ op: "moveOwnNode", move: { path: row.path, direction } }, (data) => {
      const to = (data.details?.to as string[] | undefined) ?? row.path;
      focusAfterMove = moveId(to, direction);
      return t("moved", { name: row.name });
    });
  };
  return (
    <span className="button-row own-move">
      <button
        ref={up}
        id={moveId(row.path, "up")}
        type="button"
        className={buttonClass()}
        onClick={() => move("up")}
        disabled={change.pending}
      >
        {t("moveUp", { name: row.name })}
      </button>
      <button
        ref={down}
        id={moveId(row.path, "down")}
        type="button"
        className={buttonClass()}
        onClick={() => move("down")}
        disabled={change.pending}
      >
        {t("moveDown", { name: row.name })}
      </button>
    </span>
  );
}

function Row({ row, view, index }: { row: OwnFormRow; view: OwnFormView; index: string }) {
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
        <>
          {" "}
          <MoveButtons row={row} />
          <details onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>{t("edit", { name: row.name })}</summary>
            {open && (
              <>
                <OwnRenameForm
                  key={row.name}
                  target={{ kind: "node", path: row.path, name: row.name, references: row.references }}
                  idPrefix={`own-${index}`}
                />
                <OwnQuestionForm
                  row={row}
                  languages={view.languages}
                  listNames={view.listNames}
                  idPrefix={`own-${index}`}
                />
              </>
            )}
          </details>
        </>
      )}
      {row.children.length > 0 && (
        <ol className="own-form-list">
          {row.children.map((child, i) => (
            <Row key={child.path.join("/")} row={child} view={view} index={`${index}-${i}`} />
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * The search box over names and labels, and the pages: a plain GET form and links relative to this
 * page (they keep its language prefix), so they work without script too.
 */
function RowsNavigation({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm");
  const href = (page: number) =>
    `?${new URLSearchParams({ ...(view.query ? { ownq: view.query } : {}), ownpage: String(page + 1) })}#own-form-rows`;
  return (
    <>
      <form method="get" role="search" aria-label={t("searchLabel")} className="builder-form own-search">
        <p>
          <label htmlFor="own-search">{t("search")}</label>{" "}
          <input id="own-search" type="search" name="ownq" defaultValue={view.query} maxLength={200} />{" "}
          <button type="submit">{t("searchButton")}</button>
          {view.query && (
            <>
              {" "}
              <a href="?#own-form-rows">{t("searchClear")}</a>
            </>
          )}
        </p>
      </form>
      <p id="own-form-rows" role="status">
        {t("rowsShown", { count: view.matching, page: view.page + 1, pages: view.pages })}
      </p>
      {view.pages > 1 && (
        <nav aria-label={t("pagesLabel")}>
          <ul className="button-row plain-list">
            {view.page > 0 && (
              <li>
                <a href={href(view.page - 1)}>{t("previousPage")}</a>
              </li>
            )}
            {view.page < view.pages - 1 && (
              <li>
                <a href={href(view.page + 1)}>{t("nextPage")}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
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

/** The tree, its search and pages, the add forms and the choice lists; the summary around it is the server's (OwnFormPanel). */
export function OwnFormEditor({ view }: { view: OwnFormView }) {
  const t = useTranslations("builder.ownForm");
  return (
    <>
      <details open={!!view.query || view.page > 0}>
        <summary>{t("show")}</summary>
        <RowsNavigation view={view} />
        <ol className="own-form-list">
          {view.rows.map((row, i) => (
            <Row key={row.path.join("/")} row={row} view={view} index={String(i)} />
          ))}
        </ol>
      </details>
      <AddOwnQuestion view={view} />
      <OwnAddContainer view={view} />
      <OwnChoiceLists view={view} />
    </>
  );
}
