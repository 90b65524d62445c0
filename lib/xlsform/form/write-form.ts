// The form model → an XLSForm workbook that pyxform converts to the same XForm as the file it was
// read from. What this guarantees:
// - every sheet keeps its name and place, every column its header as written and its place (new
//   columns the model gained are added after them, spelled the xlsform.org way);
// - rows keep their spreadsheet row numbers where they can (so pyxform's generated note names
//   and row numbers in its messages stay the same), new rows follow the row before them;
// - questions outside any group stay outside: nothing is wrapped, renamed or re-typed;
// - form_id, version and every other setting are written exactly as held;
// - every cell is text (never a formula), see xlsx-writer.ts.
import type { Sheet, SheetRow, XlsformWorkbook } from "../workbook";
import { headerFor } from "./headers";
import { writeTablesXlsx } from "./xlsx-writer";
import { bareLanguage, walkSurvey, type ColumnRef, type FormModel, type RowCells } from "./model";

type Flat = RowCells & { type?: string; name?: string; listName?: string };

/** The survey tree as rows, in sheet order: each group's begin row, its children, its end row. */
function flattenSurvey(form: FormModel): Flat[] {
  const out: Flat[] = [];
  const visit = (nodes: FormModel["survey"]) => {
    for (const node of nodes) {
      if (node.kind === "group" || node.kind === "repeat" || node.kind === "loop") {
        out.push(node);
        visit(node.children);
        const { name, ...values } = node.end.values;
        out.push({ ...node.end, values, type: node.end.type || `end_${node.kind}`, name });
      } else out.push(node);
    }
  };
  visit(form.survey);
  return out;
}

/** Columns for a sheet: the original ones in order, then any the data needs that none of them holds. */
function columnsFor(original: ColumnRef[], rows: Flat[], bare: string, fixed: string[]): ColumnRef[] {
  const refs = [...original];
  // What the columns already hold, looked up once per cell rather than searched.
  const covered = new Set<string>();
  const cover = (r: ColumnRef) => {
    covered.add(`h\u0000${r.header}`);
    if (r.kind === "text") covered.add(`t\u0000${r.key}\u0000${r.language ?? bare}`);
    if (r.kind === "value") covered.add(`v\u0000${r.key}`);
  };
  refs.forEach(cover);
  const textCovered = (key: string, language: string) => covered.has(`t\u0000${key}\u0000${language}`);
  // A sheet whose language headers use one colon (`label:English`) must not gain a `::` header:
  // pyxform would then read every header of the sheet with `::`.
  const single =
    !refs.some((r) => r.header.includes("::")) && refs.some((r) => r.kind === "text" && r.language !== null);
  const hasBare = refs.some((r) => r.kind === "text" && r.language === null);
  const add = (ref: ColumnRef) => {
    if (covered.has(`h\u0000${ref.header}`)) return;
    refs.push(ref);
    cover(ref);
  };
  for (const key of fixed) if (!covered.has(`v\u0000${key}`)) add({ header: key, key, language: null, kind: "value" });
  for (const row of rows) {
    for (const [key, texts] of Object.entries(row.texts)) {
      for (const [language, text] of Object.entries(texts)) {
        if (!text || textCovered(key, language)) continue;
        // A bare column only where the file already had one, or for pyxform's unnamed "default"
        // language: a named language gets its own `label::…` column, as xlsform.org recommends.
        const bareColumn = language === bare && (hasBare || language === "default");
        const header = bareColumn ? key : single ? `${key}:${language}` : headerFor(key, language);
        add({ header, key, language: bareColumn ? null : language, kind: "text" });
      }
    }
    for (const [key, value] of Object.entries(row.values)) {
      if (value && !covered.has(`v\u0000${key}`)) add({ header: key, key, language: null, kind: "value" });
    }
    for (const [header, value] of Object.entries(row.verbatim)) {
      if (value && !covered.has(`h\u0000${header}`)) add({ header, key: header, language: null, kind: "verbatim" });
    }
  }
  return refs;
}

function cellFor(row: Flat, ref: ColumnRef, bare: string): string {
  if (ref.kind === "text") return row.texts[ref.key]?.[ref.language ?? bare] ?? "";
  if (ref.kind === "verbatim") return row.verbatim[ref.header] ?? "";
  if (ref.key === "type" && row.type !== undefined) return row.type;
  if (ref.key === "name" && row.name !== undefined) return row.name;
  if (ref.key === "list_name" && row.listName !== undefined) return row.listName;
  return row.values[ref.key] ?? "";
}

/** Rows at their original row numbers where that keeps them in order; otherwise right after the last. */
function placeRows(rows: Flat[], refs: ColumnRef[], bare: string): SheetRow[] {
  let last = 1;
  return rows.map((row) => {
    const at = row.row > last ? row.row : last + 1;
    last = at;
    const cells: Record<string, string> = {};
    for (const ref of refs) {
      const value = cellFor(row, ref, bare);
      if (value !== "") cells[ref.header] = value;
    }
    return { row: at, cells };
  });
}

export function formToWorkbook(form: FormModel): XlsformWorkbook {
  const bare = bareLanguage(form.settings);
  const survey = flattenSurvey(form);
  const surveyRefs = columnsFor(form.columns.survey, survey, bare, ["type", "name"]);
  const sheets = new Map<string, Sheet>();
  sheets.set(form.sheets.survey, {
    name: form.sheets.survey,
    headers: surveyRefs.map((r) => r.header),
    rows: placeRows(survey, surveyRefs, bare),
  });

  const choices: Flat[] = form.choiceLists.flatMap((list) => list.choices.map((c) => ({ ...c, listName: list.name })));
  if (form.sheets.choices || choices.length) {
    const refs = columnsFor(form.columns.choices, choices, bare, ["list_name", "name"]);
    const name = form.sheets.choices ?? "choices";
    sheets.set(name, { name, headers: refs.map((r) => r.header), rows: placeRows(choices, refs, bare) });
  }

  const settingsRow: Flat = { row: 2, texts: {}, values: form.settings.values, verbatim: form.settings.verbatim };
  const hasSettings =
    Object.values(form.settings.values).some(Boolean) || Object.values(form.settings.verbatim).some(Boolean);
  if (form.sheets.settings || hasSettings) {
    const refs = columnsFor(form.columns.settings, [settingsRow], bare, []);
    const name = form.sheets.settings ?? "settings";
    sheets.set(name, {
      name,
      headers: refs.map((r) => r.header),
      rows: hasSettings ? placeRows([settingsRow], refs, bare) : [],
    });
  }
  for (const other of form.otherSheets) {
    sheets.set(other.name, {
      name: other.name,
      headers: other.headers.filter((h): h is string => h !== null),
      rows: other.rows,
    });
  }
  const order = [
    ...form.sheets.order.filter((n) => sheets.has(n)),
    ...[...sheets.keys()].filter((n) => !form.sheets.order.includes(n)),
  ];
  return { sheets: order.map((n) => sheets.get(n)!) };
}

export async function writeFormFile(form: FormModel): Promise<Uint8Array> {
  return writeTablesXlsx(formToWorkbook(form));
}

/** How many survey rows the form has (begin and end rows included), for limits and messages. */
export function surveyRowCount(form: FormModel): number {
  let n = 0;
  for (const node of walkSurvey(form.survey)) n += node.kind === "question" || node.kind === "skipped" ? 1 : 2;
  return n;
}
