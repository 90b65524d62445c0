"use client";
// The questionnaire's own (imported) form in the builder: its questions, groups and repeats as a
// tree, a page at a time (searchable by name or label); each row opens an edit form
// (OwnQuestionForm), moves one step up or down the tree by its buttons, and can be deleted; a
// question, group or repeat of one's own is added at the end of the form or of a group; the form's
// choice lists are edited below (OwnChoiceLists). Every change is checked on the server by the
// same reader as an import, so what is saved always converts with pyxform.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/Button";
import type { OwnFormRow, OwnFormView } from "@/lib/builder/own-form-view";
import { useBuilder } from "./builder-context";
import { OwnQuestionForm } from "./OwnQuestionForm";
import { AddOwnQuestion } from "./AddOwnQuestion";
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
