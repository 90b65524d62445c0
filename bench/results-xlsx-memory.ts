// The memory an .xlsx upload of submissions costs to read, the old way against the new, each in a
// process of its own (`node --expose-gc --import tsx bench/results-xlsx-memory.ts MODE FILE`):
//   write FILE [rows] [columns]  a seeded Kobo-like export (bench/results-data.ts) as .xlsx,
//                                written by exceljs's streaming writer (shared strings)
//   old FILE                     exceljs's workbook model, loaded whole (the reader before the
//                                upload was streamed), every row's cells read as text
//   new FILE                     the upload's own path: readSubmissionsStream on the file as it
//                                arrives (spooled, then read row by row), records discarded
// Prints one JSON line: the time, the rows read, and the peak RSS and heap over what the process
// used just before. Not part of `npm run bench`: run by hand when the reader changes.
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readSubmissionsStream } from "../lib/results/read-stream";
import type { SyntheticVariable } from "../lib/results/synthetic";
import { cellText } from "../lib/spreadsheet/cell-text";
import { writeWideSubmissions } from "./results-data";

const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function peak<T>(step: () => Promise<T>) {
  gc();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const value = await step();
    sample();
    const mb = (x: number) => Math.round(x / 1e5) / 10;
    return {
      value,
      ms: Math.round(performance.now() - started),
      rssGrowthMb: mb(rss - before.rss),
      heapGrowthMb: mb(heap - before.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

async function write(file: string, rows: number, columns: number) {
  const variables = Array.from({ length: 40 }, (_, i) => ({
    name: `q${i}`,
    groups: ["section"],
    frequencies: { "": 2, yes: 5, no: 4, dont_know: 1 },
  })) as unknown as SyntheticVariable[];
  const dir = await mkdtemp(path.join(os.tmpdir(), "qb-xlsx-memory-"));
  try {
    const csv = path.join(dir, "submissions.csv");
    await writeWideSubmissions(csv, variables, { rows, columns, seed: 1616 });
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
    const sheet = book.addWorksheet("submissions");
    await readSubmissionsStream(createReadStream(csv), (cells) => sheet.addRow(cells).commit());
    sheet.commit();
    await book.commit();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readOld(file: string): Promise<number> {
  const bytes = await readFile(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const width = sheet.columnCount;
  let count = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value, "cachedResult"));
    count++;
  });
  return count;
}

async function readNew(file: string): Promise<number> {
  let count = 0;
  await readSubmissionsStream(createReadStream(file, { highWaterMark: 256 * 1024 }), () => count++);
  return count;
}

async function main() {
  const [mode, file, rows = "50000", columns = "150"] = process.argv.slice(2);
  if (!file || !["write", "old", "new"].includes(mode)) throw new Error("usage: write|old|new FILE [rows] [columns]");
  if (mode === "write") return write(file, Number(rows), Number(columns));
  const measured = await peak(() => (mode === "old" ? readOld(file) : readNew(file)));
  console.log(
    JSON.stringify({
      mode,
      rows: measured.value,
      ms: measured.ms,
      rssGrowthMb: measured.rssGrowthMb,
      heapGrowthMb: measured.heapGrowthMb,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
