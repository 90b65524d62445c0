// A sheet's header row and data rows as the form model holds them: headers de-aliased into column
// references (two headers meaning one column refused, as pyxform does), each row's cells sorted
// into texts by language, values and verbatim cells, and the form's languages from its text
// columns. Shared by the settings, choices and survey readers of read-form.ts.
import { classifyHeader, processHeader, type SheetKind } from "./headers";
import { languageCode, type ColumnRef, type FormLanguage, type RowCells } from "./model";
import type { FormProblem } from "./problems";
import type { RawRow, RawSheet } from "./read-tables";

/** The cells pyxform reads as yes (a `disabled` row, `allow_choice_duplicates`). */
export const YES = new Set(["yes", "Yes", "YES", "true", "True", "TRUE", "true()"]);

export type SheetColumns = { refs: ColumnRef[]; byHeader: Map<string, ColumnRef> };

/** De-aliases a sheet's headers; two headers that mean the same column are refused, as pyxform does. */
export function readColumns(sheet: RawSheet, kind: SheetKind, problems: FormProblem[]): SheetColumns {
  const headers = sheet.headers.filter((h): h is string => h !== null);
  const useDoubleColon = headers.some((h) => h.includes("::"));
  const byTokens = new Map<string, string>();
  const refs: ColumnRef[] = [];
  // pyxform drops a settings column headed exactly `id_string` when one is headed exactly `form_id`
  // (with a warning, read-form.ts): it is kept as written and means nothing, not a clash.
  const ignoredIdString = kind === "settings" && headers.includes("id_string") && headers.includes("form_id");
  for (const header of headers) {
    if (ignoredIdString && header === "id_string") {
      refs.push({ header, key: header, language: null, kind: "verbatim" });
      continue;
    }
    const { renamed, tokens } = processHeader(header, useDoubleColon, kind);
    const key = tokens.join("\u0000");
    const other = byTokens.get(key);
    if (other !== undefined && renamed) {
      problems.push({
        code: "duplicate_column_meaning",
        severity: "error",
        sheet: sheet.name,
        row: 1,
        column: header,
        value: `${other}', '${header}`,
      });
    }
    byTokens.set(key, header);
    refs.push(classifyHeader(header, tokens, kind));
  }
  return { refs, byHeader: new Map(refs.map((r) => [r.header, r])) };
}

export function rowCells(raw: RawRow, columns: SheetColumns, defaultLanguage: string): RowCells {
  const cells: RowCells = { row: raw.row, texts: {}, values: {}, verbatim: {} };
  for (const [header, value] of Object.entries(raw.cells)) {
    const ref = columns.byHeader.get(header);
    if (!ref) continue;
    if (ref.kind === "text") {
      const texts = (cells.texts[ref.key] ??= {});
      const language = ref.language ?? defaultLanguage;
      // pyxform merges a bare column into its language; a translated column wins over it.
      if (ref.language !== null || !(language in texts)) texts[language] = value;
    } else if (ref.kind === "value") cells.values[ref.key] = value;
    else cells.verbatim[header] = value;
  }
  return cells;
}

export function languagesOf(sheets: SheetColumns[], defaultLanguage: string): FormLanguage[] {
  const out: FormLanguage[] = [];
  for (const { refs } of sheets) {
    for (const ref of refs) {
      if (ref.kind !== "text") continue;
      const name = ref.language ?? defaultLanguage;
      let language = out.find((l) => l.name === name);
      if (!language) {
        language = { name, isDefault: name === defaultLanguage, bare: false, code: languageCode(name) };
        out.push(language);
      }
      if (ref.language === null) language.bare = true;
    }
  }
  return out;
}
