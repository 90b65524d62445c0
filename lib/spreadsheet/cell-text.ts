// A cell of a spreadsheet read by exceljs, as the text a person sees in it. What a formula cell
// gives is the caller's choice: results files (exported by KoboToolbox or ODK, or a person's own
// workbook) take the result cached in the file, as Excel shows it; a translation workbook takes
// nothing, because a formula's text is not a translation (the row is named as refused instead).
import type ExcelJS from "exceljs";

export type FormulaCells = "cachedResult" | "empty";

export function cellText(value: ExcelJS.CellValue, formulas: FormulaCells): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  if (formulas === "cachedResult" && typeof value === "object" && "result" in value && value.result !== undefined)
    return cellText(value.result as ExcelJS.CellValue, formulas);
  return "";
}
