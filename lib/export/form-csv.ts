// A questionnaire with its own form, as CSV for people who read it in a spreadsheet: the survey
// rows, then the choices, under the XLSForm's own headers (a `sheet` column first says which).
// Every text and setting of the form is there, as in the XLSForm; cells are neutralised against
// formulas by toCsv.
import { formToWorkbook, type FormModel } from "../xlsform/form";
import { toCsv } from "./csv";

export function formToCsv(form: FormModel): Uint8Array {
  const workbook = formToWorkbook(form);
  // Sheets by the names the file gave them (`Survey`, `choices`).
  const sheetNamed = (name: string | null) => workbook.sheets.find((s) => s.name === name);
  const parts = [
    { name: "survey", sheet: sheetNamed(form.sheets.survey) },
    { name: "choices", sheet: sheetNamed(form.sheets.choices) },
  ];
  const columns = ["sheet"];
  for (const { sheet } of parts) for (const h of sheet?.headers ?? []) if (!columns.includes(h)) columns.push(h);
  const records = parts.flatMap(({ name, sheet }) => (sheet?.rows ?? []).map((r) => ({ sheet: name, ...r.cells })));
  return toCsv(columns, records);
}
