"use client";
// "Visible columns": the choice is part of the URL (cols=…), so a box changes the address and the
// server renders the table again; the box shows its new state once the new address has loaded.
import { useRouter } from "@/lib/i18n/navigation";
import type { SearchParams } from "@/lib/search/schema";
import { searchHref } from "./search-url";
import { TOGGLEABLE_COLUMNS, type ColumnId } from "./columns";

export function ColumnChooser({
  params,
  cols,
  visible,
  labels,
  title,
}: {
  params: SearchParams;
  cols?: string;
  visible: Record<ColumnId, boolean>;
  labels: Record<ColumnId, string>;
  title: string;
}) {
  const router = useRouter();
  const toggle = (id: ColumnId, on: boolean) => {
    const shown = TOGGLEABLE_COLUMNS.filter((c) => (c === id ? on : visible[c]));
    router.push(searchHref({ params, cols }, { cols: shown.join(",") || "none", page: params.page }), {
      scroll: false,
    });
  };
  return (
    <details className="column-chooser">
      <summary>{title}</summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        {TOGGLEABLE_COLUMNS.map((id) => (
          <label key={id}>
            <input type="checkbox" checked={visible[id]} onChange={(e) => toggle(id, e.target.checked)} /> {labels[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
