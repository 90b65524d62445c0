// The results table, rendered on the server: the server pages and sorts (plain links:
// ./PageLink.tsx), the visible columns are part of the URL (./ColumnChooser.tsx), and only
// the row selection is client state (./Selection.tsx), with a slot for a bulk action on the
// selected rows (the questionnaire builder adds "add to questionnaire…"). The table's model
// (columns, visibility, header and rows) is TanStack Table's headless core, built here on the
// server with createTable (no hook, so it runs in a server component): the library and the row
// rendering stay out of the page's JavaScript.
import type { ReactNode } from "react";
import { createTable, flexRender, getCoreRowModel, type ColumnDef } from "@tanstack/react-table";
import { getTranslations } from "next-intl/server";
import { LANGUAGES, pickText, type Language } from "@/lib/i18n/languages";
import type { ApiQuestion } from "@/lib/search/types";
import type { SearchParams } from "@/lib/search/schema";
import { highlightSegments } from "@/lib/search/highlight";
import { withoutHazardTokens } from "@/lib/hazards/placeholder";
import { TRANSLATION_STATES } from "@/lib/vocabulary/enums";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Highlighted } from "./Highlighted";
import { searchHref } from "./search-url";
import { TOGGLEABLE_COLUMNS, visibleColumns, type ColumnId } from "./columns";
import { ColumnChooser } from "./ColumnChooser";
import { SelectAllBox, SelectableRow, SelectedCount, SelectionProvider, SelectRowBox } from "./Selection";
import { PageLink } from "./PageLink";
import { ResultPreviewSlot } from "./ResultPreviewSlot";

/**
 * A code that may wrap only after its underscores ("per_measles_" / "vacc_intent_" / "child"), not
 * at any letter. <wbr> rather than a zero-width space: a code copied from the page stays the code.
 */
function withBreaksAfterUnderscores(code: string): ReactNode {
  const parts = code.split(/(?<=_)/);
  return parts.length < 2 ? code : parts.map((part, i) => (i === 0 ? part : [<wbr key={i} />, part]));
}

export type ResultRow = ApiQuestion & { score: number | null };

const SORTABLE: Partial<Record<ColumnId, NonNullable<SearchParams["sort"]>>> = {
  code: "code",
  type: "type",
  status: "status",
};

/** The columns whose values need their name beside them in a card (a badge or a type speaks for itself). */
const CARD_LABELLED = new Set<string>(["code", "indicators", "translations", "source", "tags"]);

export type ResultsTableProps = {
  items: ResultRow[];
  words: string[];
  locale: Language;
  params: SearchParams;
  /** Comma-separated visible optional columns, from the URL (undefined: the defaults). */
  cols?: string;
  /** A bulk action on the selected questions, a client component reading them with useSelectedCodes(). */
  bulkActions?: ReactNode;
};

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

export async function ResultsTable({ items, words, locale, params, cols, bulkActions }: ResultsTableProps) {
  const t = await getTranslations("search");
  const tq = await getTranslations("question");
  const visible = visibleColumns(cols);
  const sort = params.sort ?? (params.q ? "relevance" : "code");
  const labels = Object.fromEntries(TOGGLEABLE_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as Record<ColumnId, string>;

  const cell: Record<ColumnId, (q: ResultRow) => ReactNode> = {
    code: (q) => <span className="code">{withBreaksAfterUnderscores(q.code)}</span>,
    type: (q) => tq(`types.${q.type}` as "types.text"),
    status: (q) => <StatusBadge status={q.status} label={tq(`statuses.${q.status}` as "statuses.draft")} />,
    indicators: (q) => (
      <ul className="plain-list">
        {q.indicators.map((i) => (
          <li key={i.code}>
            <PageLink
              locale={locale}
              href={searchHref({ params, cols }, { indicator: i.code })}
              title={pickText(i.name, locale)?.text}
            >
              <span className="code">{i.code}</span>
            </PageLink>
          </li>
        ))}
      </ul>
    ),
    // Grouped by state ("Approved EN ES FR AR"): one badge per state rather than one per language.
    translations: (q) => (
      <ul className="plain-list translation-states">
        {TRANSLATION_STATES.filter((state) => LANGUAGES.some((l) => q.text[l].status === state)).map((state) => (
          <li key={state}>
            <StatusBadge status={state} label={tq(`translation.${state}` as "translation.missing")} />{" "}
            {LANGUAGES.filter((l) => q.text[l].status === state)
              .map((l) => l.toUpperCase())
              .join(" ")}
          </li>
        ))}
      </ul>
    ),
    source: (q) => q.source?.organisation ?? "",
    tags: (q) => q.tags.join(", "),
  };

  const header = (id: ColumnId) => {
    const key = SORTABLE[id];
    if (!key)
      return (
        <th key={id} scope="col" role="columnheader" className={`col-${id}`}>
          {labels[id]}
        </th>
      );
    const active = sort === key;
    const dir = active && params.dir !== "desc" ? "desc" : "asc";
    return (
      <th
        key={id}
        scope="col"
        role="columnheader"
        className={`col-${id} is-sortable`}
        aria-sort={active ? (params.dir === "desc" ? "descending" : "ascending") : undefined}
      >
        <PageLink
          locale={locale}
          href={searchHref({ params, cols }, { sort: key, dir })}
          aria-label={t("sortBy", { column: labels[id] })}
        >
          {labels[id]} {active ? (params.dir === "desc" ? "▼" : "▲") : ""}
        </PageLink>
      </th>
    );
  };

  const question = (q: ResultRow) => {
    const picked = pickText(Object.fromEntries(LANGUAGES.map((l) => [l, q.text[l].label])), locale);
    const shownLang = picked?.lang ?? locale;
    return (
      <>
        <PageLink locale={locale} href={`/questions/${q.code}`} lang={shownLang} dir="auto" className="result-label">
          {picked ? <Highlighted text={picked.text} words={words} /> : q.code}
        </PageLink>
        {picked && picked.lang !== locale && (
          <span className="badge badge--missing">{t("fallback", { language: picked.lang })}</span>
        )}
        <Snippet row={q} lang={shownLang} words={words} label={t("alsoMatches")} />
      </>
    );
  };

  const columns: ColumnDef<ResultRow>[] = [
    {
      id: "select",
      header: () => <SelectAllBox label={t("selectAll")} />,
      cell: ({ row }) => <SelectRowBox code={row.original.code} label={t("selectRow", { code: row.original.code })} />,
    },
    { id: "question", header: () => t("columns.question"), cell: ({ row }) => question(row.original) },
    ...TOGGLEABLE_COLUMNS.map((id): ColumnDef<ResultRow> => ({
      id,
      header: () => header(id),
      cell: ({ row }) => cell[id](row.original),
    })),
  ];
  const table = createTable<ResultRow>({
    data: items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (q) => q.code,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  // As useReactTable does: every feature's initial state, then ours (the columns the URL shows).
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, columnVisibility: visible } }));

  return (
    <SelectionProvider codes={items.map((q) => q.code)}>
      <div className="results">
        <ColumnChooser params={params} cols={cols} visible={visible} labels={labels} title={t("chooseColumns")} />
        <div className="bulk-bar" role="status">
          <SelectedCount texts={Array.from({ length: items.length + 1 }, (_, count) => t("selected", { count }))} />
          {bulkActions}
        </div>
        {/* The roles are written out because on a narrow screen the rows are laid out as cards
            (search.css), and a table given another display loses its table semantics in browsers. */}
        <table className="results-table" role="table">
          <thead role="rowgroup">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row">
                {group.headers.map((h) =>
                  // A sortable column's header is its own <th> (aria-sort, the sort link).
                  TOGGLEABLE_COLUMNS.includes(h.column.id as ColumnId) ? (
                    flexRender(h.column.columnDef.header, h.getContext())
                  ) : (
                    <th key={h.id} scope="col" role="columnheader" className={`col-${h.column.id}`}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                    </th>
                  ),
                )}
              </tr>
            ))}
          </thead>
          <tbody role="rowgroup">
            {table.getRowModel().rows.map((row) => (
              <SelectableRow key={row.id} code={row.id}>
                {row.getVisibleCells().map((c) => (
                  // data-label: the column's name, shown before the value in a card (narrow screens).
                  <td
                    key={c.id}
                    role="cell"
                    className={`col-${c.column.id}`}
                    data-label={CARD_LABELLED.has(c.column.id) ? labels[c.column.id as ColumnId] : undefined}
                  >
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </SelectableRow>
            ))}
          </tbody>
        </table>
        <ResultPreviewSlot locale={locale} />
      </div>
    </SelectionProvider>
  );
}
