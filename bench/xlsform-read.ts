// How long the XLSForm reader takes on a large form: a generated 5,000-row survey (nested groups,
// repeats, four languages, selects) with a 2,000-row choices sheet, read into the form model and
// written back; and a LibreOffice-shaped file (82 real rows, formatted empty rows to row
// 1,048,576). Prints the median of a few runs per step, in milliseconds, and a JSON line last.
//   npx tsx bench/xlsform-read.ts [--runs 5] [--save form.xlsx]
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { generatedForm } from "./generated-form";
import JSZip from "jszip";
import { readForm } from "../lib/xlsform/form/read-form";
import { readTables } from "../lib/xlsform/form/read-tables";
import { writeFormFile } from "../lib/xlsform/form/write-form";

export const SURVEY_ROWS = 5_000;

async function libreOfficeShaped(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const survey = book.addWorksheet("survey");
  survey.addRow(["type", "name", "label"]);
  for (let i = 1; i <= 81; i++) survey.addRow(["text", `q${i}`, `Question ${i}`]);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const path = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(path)!.async("string");
  const empty: string[] = [];
  for (let r = 83; r <= 1_048_576; r++) empty.push(`<row r="${r}" s="1" customFormat="1"/>`);
  zip.file(path, xml.replace("</sheetData>", `${empty.join("")}</sheetData>`));
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

async function median(runs: number, step: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]);
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, save: { type: "string" } } });
  const runs = Math.max(1, Number(values.runs));
  const bytes = await generatedForm(SURVEY_ROWS);
  // --save FILE keeps the generated form, to profile or convert it with pyxform.
  if (values.save) await writeFile(values.save, bytes);
  const tables = await readTables(bytes);
  if (!tables.ok) throw new Error(`generated form unreadable: ${JSON.stringify(tables.problems)}`);
  const read = readForm(tables.workbook);
  if (!read.ok) throw new Error(`generated form refused: ${JSON.stringify(read.problems)}`);
  const surveyRows = tables.workbook.sheets[0].rows.length;

  const readMs = await median(runs, async () => {
    const t = await readTables(bytes);
    if (t.ok) readForm(t.workbook);
  });
  const writeMs = await median(runs, async () => {
    await writeFormFile(read.form);
  });
  const office = await libreOfficeShaped();
  const officeMs = await median(runs, async () => {
    await readTables(office);
  });
  console.log(`XLSForm read (${surveyRows} survey rows, ${bytes.byteLength} bytes) → form model: ${readMs} ms`);
  console.log(`Form model → XLSForm written: ${writeMs} ms`);
  console.log(
    `LibreOffice-shaped read (82 rows, formatted to row 1,048,576; ${office.byteLength} bytes): ${officeMs} ms`,
  );
  console.log(
    JSON.stringify({
      xlsformRead: { surveyRows, bytes: bytes.byteLength, readMs, writeMs, libreOfficeReadMs: officeMs, runs },
    }),
  );
}

await main();
