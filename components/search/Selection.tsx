"use client";
// The search results' client island: which rows are selected, for a bulk action. The table itself
// is rendered on the server (./ResultsTable.tsx); only the checkboxes, the selected rows' mark and
// the count read this state, so the browser downloads neither a table library nor the code that
// renders a row (issue 19: the search page's JavaScript). Texts come in ready-made from the server.
import { createContext, useContext, useState, type ReactNode } from "react";

type Selection = { codes: readonly string[]; selected: ReadonlySet<string>; set: (next: Set<string>) => void };

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("inside a SelectionProvider only");
  return selection;
}

/** Holds the selection of the rows `codes` (one page of results). */
export function SelectionProvider({ codes, children }: { codes: string[]; children: ReactNode }) {
  const [selected, set] = useState<ReadonlySet<string>>(() => new Set());
  return <SelectionContext.Provider value={{ codes, selected, set }}>{children}</SelectionContext.Provider>;
}

/** The selected codes, in the order of the rows (for a bulk action in the bar). */
export function useSelectedCodes(): string[] {
  const { codes, selected } = useSelection();
  return codes.filter((c) => selected.has(c));
}

/** The header's box: checked when every row is, mixed when some are; selects all or none. */
export function SelectAllBox({ label }: { label: string }) {
  const { codes, selected, set } = useSelection();
  const all = codes.length > 0 && codes.every((c) => selected.has(c));
  const some = !all && codes.some((c) => selected.has(c));
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = some;
      }}
      onChange={(e) => set(new Set(e.target.checked ? codes : []))}
    />
  );
}

export function SelectRowBox({ code, label }: { code: string; label: string }) {
  const { selected, set } = useSelection();
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={selected.has(code)}
      onChange={(e) => {
        const next = new Set(selected);
        if (e.target.checked) next.add(code);
        else next.delete(code);
        set(next);
      }}
    />
  );
}

/** A results row, marked while selected; its cells are rendered on the server. */
export function SelectableRow({ code, children }: { code: string; children: ReactNode }) {
  const { selected } = useSelection();
  return (
    <tr role="row" className={selected.has(code) ? "is-selected" : undefined}>
      {children}
    </tr>
  );
}

/** "N questions selected", from the texts for 0 … rows (formatted on the server, plurals and digits included). */
export function SelectedCount({ texts }: { texts: string[] }) {
  const { selected } = useSelection();
  return <span>{texts[selected.size] ?? texts[texts.length - 1]}</span>;
}
