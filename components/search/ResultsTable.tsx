"use client";
// The results as a TanStack Table: the server pages and sorts (manual), the person chooses the
// visible columns and selects rows for a bulk action (the slot `bulkActions`).
import { useMemo, useState, type ReactNode } from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type VisibilityState,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { LANGUAGES, pickText, type Language } from "@/lib/i18n/languages";
import type { ApiQuestion } from "@/lib/search/types";
import type { SearchParams } from "@/lib/search/schema";
import { highlightSegments } from "@/lib/search/highlight";
import { withoutHazardTokens } from "@/lib/hazards/placeholder";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Highlighted } from "./Highlighted";
import { searchHref } from "./search-url";

export type ResultRow = ApiQuestion & { score: number | null };

export const TOGGLEABLE_COLUMNS = ["code", "type", "status", "indicators", "translations", "source", "tags"] as const;
export const DEFAULT_HIDDEN = ["source", "tags"];
const SORTABLE: Record<string, SearchParams["sort"]> = { code: "code", type: "type", status: "status" };

export type ResultsTableProps = {
  items: ResultRow[];
  words: string[];
  locale: Language;
  params: SearchParams;
  /** Comma-separated visible optional columns, from the URL (undefined: the defaults). */
  cols?: string;
  /** Slot for a bulk action on the selected questions (the questionnaire builder adds "add to questionnaire"). */
  bulkActions?: (selectedCodes: string[]) => ReactNode;
};

function visibilityFrom(cols: string | undefined): VisibilityState {
  const shown = cols === undefined ? null : new Set(cols.split(",").filter(Boolean));
  return Object.fromEntries(TOGGLEABLE_COLUMNS.map((c) => [c, shown ? shown.has(c) : !DEFAULT_HIDDEN.includes(c)]));
}

function Snippet({ row, lang, words, label }: { row: ResultRow; lang: Language; words: string[]; label: string }) {
  // Where the words matched the hint or an answer choice rather than the label, show that text too.
  const candidates = [row.text[lang]?.hint, ...row.choices.map((c) => c.label[lang])].filter((t): t is string => !!t);
  // A placeholder is no match ([[hazard]] when "hazard" is searched): Highlighted marks none inside it.
  const hit = words.length
    ? candidates.find((t) => highlightSegments(withoutHazardTokens(t), words).some((s) => s.match))
    : undefined;
  if (!hit) return null;
  return (
    <p className="snippet muted">
      {label} <Highlighted text={hit} words={words} />
    </p>
  );
}

export function ResultsTable({ items, words, locale, params, cols, bulkActions }: ResultsTableProps) {
  const t = useTranslations("search");
  const tq = useTranslations("question");
  const router = useRouter();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const columnVisibility = visibilityFrom(cols);
  const sort = params.sort ?? (params.q ? "relevance" : "code");

  const columns = useMemo<ColumnDef<ResultRow>[]>(
    () => [
      {
        id: "select",
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label={t("selectAll")}
            checked={table.getIsAllRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomeRowsSelected();
            }}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={t("selectRow", { code: row.original.code })}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      },
      {
        id: "question",
        header: t("columns.question"),
        cell: ({ row }) => {
          const q = row.original;
          const picked = pickText(Object.fromEntries(LANGUAGES.map((l) => [l, q.text[l].label])), locale);
          const shownLang = picked?.lang ?? locale;
          return (
            <>
              <Link href={`/questions/${q.code}`} lang={shownLang} dir="auto" className="result-label">
                {picked ? <Highlighted text={picked.text} words={words} /> : q.code}
              </Link>
              {picked && picked.lang !== locale && (
                <span className="badge badge--missing">{t("fallback", { language: picked.lang })}</span>
              )}
              <Snippet row={q} lang={shownLang} words={words} label={t("alsoMatches")} />
            </>
          );
        },
      },
      { id: "code", header: t("columns.code"), cell: ({ row }) => <span className="code">{row.original.code}</span> },
      { id: "type", header: t("columns.type"), cell: ({ row }) => tq(`types.${row.original.type}` as "types.text") },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => (
          <StatusBadge status={row.original.status} label={tq(`statuses.${row.original.status}` as "statuses.draft")} />
        ),
      },
      {
        id: "indicators",
        header: t("columns.indicators"),
        cell: ({ row }) => (
          <ul className="plain-list">
            {row.original.indicators.map((i) => (
              <li key={i.code}>
                <Link href={searchHref({ params, cols }, { indicator: i.code })} title={pickText(i.name, locale)?.text}>
                  <span className="code">{i.code}</span>
                </Link>
              </li>
            ))}
          </ul>
        ),
      },
      {
        id: "translations",
        header: t("columns.translations"),
        cell: ({ row }) => (
          <ul className="plain-list translation-states">
            {LANGUAGES.map((l) => (
              <li key={l}>
                <span lang={l}>{l.toUpperCase()}</span>
                <StatusBadge
                  status={row.original.text[l].status}
                  label={tq(`translation.${row.original.text[l].status}` as "translation.missing")}
                />
              </li>
            ))}
          </ul>
        ),
      },
      { id: "source", header: t("columns.source"), cell: ({ row }) => row.original.source?.organisation ?? "" },
      { id: "tags", header: t("columns.tags"), cell: ({ row }) => row.original.tags.join(", ") },
    ],
    [t, tq, locale, words, params, cols],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table (the project's table library) manages its own state.
  const table = useReactTable({
    data: items,
    columns,
    getRowId: (row) => row.code,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableRowSelection: true,
    state: { rowSelection, columnVisibility },
    onRowSelectionChange: setRowSelection,
  });

  const selectedCodes = Object.keys(rowSelection).filter((k) => rowSelection[k]);
  const toggleColumn = (id: string, visible: boolean) => {
    const shown = TOGGLEABLE_COLUMNS.filter((c) => (c === id ? visible : columnVisibility[c]));
    router.push(searchHref({ params, cols }, { cols: shown.join(",") || "none", page: params.page }), {
      scroll: false,
    });
  };

  return (
    <div className="results">
      <details className="column-chooser">
        <summary>{t("chooseColumns")}</summary>
        <fieldset>
          <legend className="visually-hidden">{t("chooseColumns")}</legend>
          {TOGGLEABLE_COLUMNS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={!!columnVisibility[id]}
                onChange={(e) => toggleColumn(id, e.target.checked)}
              />{" "}
              {t(`columns.${id}`)}
            </label>
          ))}
        </fieldset>
      </details>
      <div className="bulk-bar" role="status">
        <span>{t("selected", { count: selectedCodes.length })}</span>
        {bulkActions?.(selectedCodes)}
      </div>
      <table className="results-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const key = SORTABLE[header.column.id];
                const title = flexRender(header.column.columnDef.header, header.getContext());
                if (!key)
                  return (
                    <th key={header.id} scope="col">
                      {title}
                    </th>
                  );
                const active = sort === key;
                const dir = active && params.dir !== "desc" ? "desc" : "asc";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (params.dir === "desc" ? "descending" : "ascending") : undefined}
                  >
                    <Link
                      href={searchHref({ params, cols }, { sort: key, dir })}
                      aria-label={t("sortBy", { column: String(header.column.columnDef.header) })}
                    >
                      {title} {active ? (params.dir === "desc" ? "▼" : "▲") : ""}
                    </Link>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={row.getIsSelected() ? "is-selected" : undefined}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
