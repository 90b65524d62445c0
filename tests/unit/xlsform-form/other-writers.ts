// Forms as other programs save them: openpyxl (typed cells: numbers, booleans, dates) and a
// LibreOffice-shaped file that declares formatted empty rows down to the sheet's last row.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { workbook, type Cell } from "./forms";
import { runPython } from "./pyxform";

const OPENPYXL_FORM = `
import sys, datetime
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = "survey"
ws.append(["type", "name", "label", "default", "required", "constraint"])
ws.append(["integer", "age", "Age", 30, True, ". >= 18"])
ws.append(["decimal", "weight", "Weight", 62.5, False, None])
ws.append(["date", "visit", "Visit date", datetime.datetime(2024, 3, 1), "yes", None])
ws.append(["begin_group", "more", "More", None, None, None])
ws.append(["text", "comment", "  Comment with spaces  ", None, None, None])
ws.append(["end_group", None, None, None, None, None])
ch = wb.create_sheet("choices")
ch.append(["list_name", "name", "label"])
st = wb.create_sheet("settings")
st.append(["form_title", "form_id", "version"])
st.append(["Saved by openpyxl", "openpyxl_form", 2024120501])
wb.save(sys.argv[1])
`;

export function savedByOpenpyxl(): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), "qb-openpyxl-form-"));
  try {
    const file = path.join(dir, "form.xlsx");
    runPython(OPENPYXL_FORM, [file]);
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const SHEET_LAST_ROW = 1_048_576;

/**
 * A header and 81 questions, then formatted empty rows as LibreOffice writes them when a whole
 * column has a format: every row down to the last one the format reaches, and the sheet's last row.
 */
export async function libreOfficeShaped(formattedRows = 150_000): Promise<Uint8Array> {
  const rows: Cell[][] = [["type", "name", "label", "hint"]];
  for (let i = 1; i <= 81; i++)
    rows.push([i % 10 === 0 ? "decimal" : "text", `q${i}`, `Question ${i}`, i % 3 === 0 ? `Hint ${i}` : null]);
  const bytes = await workbook({ survey: rows, settings: [["form_id"], ["libreoffice_form"]] });
  const zip = await JSZip.loadAsync(bytes);
  const sheetPath = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(sheetPath)!.async("string");
  const empty: string[] = [];
  for (let r = 83; r < 83 + formattedRows; r++) empty.push(`<row r="${r}" s="1" customFormat="1" ht="12.8"/>`);
  empty.push(`<row r="${SHEET_LAST_ROW}" s="1" customFormat="1" ht="12.8"/>`);
  const shaped = xml
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:AMJ${SHEET_LAST_ROW}"/>`)
    .replace("</sheetData>", `${empty.join("")}</sheetData>`);
  zip.file(sheetPath, shaped);
  return new Uint8Array(
    await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } }),
  );
}
