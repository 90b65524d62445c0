// Seeded synthetic submissions with known answer frequencies, written as KoboToolbox ("XML values
// and headers", `;`, groups joined by `/`) or ODK Central (`,`, groups joined by `-`) would export
// them. For tests and the benchmark: the same seed gives the same file.
import type { QuestionnaireVariable } from "./submissions";

/** mulberry32: a small, well-mixed 32-bit generator, enough for test data (not for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticVariable = QuestionnaireVariable & {
  /** choice name → relative frequency; "" (no answer) may be one of them */
  frequencies: Record<string, number>;
};

export type SyntheticData = { header: string[]; answers: string[][] };

function pick(random: () => number, frequencies: Record<string, number>): string {
  const entries = Object.entries(frequencies);
  const total = entries.reduce((s, [, f]) => s + f, 0);
  let r = random() * total;
  for (const [name, f] of entries) if ((r -= f) < 0) return name;
  return entries[entries.length - 1][0];
}

/** Rows of answers (plus a weight and a region column), before they are written in one layout. */
export function generateSubmissions(
  variables: readonly SyntheticVariable[],
  { rows, seed, regions = ["north", "south"] }: { rows: number; seed: number; regions?: string[] },
): SyntheticData & { weights: number[]; regions: string[] } {
  const random = seededRandom(seed);
  const answers: string[][] = [];
  const weights: number[] = [];
  const regionOf: string[] = [];
  for (let i = 0; i < rows; i++) {
    answers.push(variables.map((v) => pick(random, v.frequencies)));
    weights.push(Math.round((0.5 + random() * 1.5) * 1000) / 1000);
    regionOf.push(regions[Math.floor(random() * regions.length)]);
  }
  return { header: variables.map((v) => v.name), answers, weights, regions: regionOf };
}

const quote = (cell: string, delimiter: string) =>
  /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;

export function writeSubmissionsCsv(
  data: ReturnType<typeof generateSubmissions>,
  variables: readonly SyntheticVariable[],
  layout: "kobo" | "kobo-dot" | "odk-central",
): string {
  const delimiter = layout === "odk-central" ? "," : ";";
  const sep = layout === "kobo" ? "/" : layout === "kobo-dot" ? "." : "-";
  const header = [
    layout === "odk-central" ? "SubmissionDate" : "start",
    ...variables.map((v) => [...v.groups, v.name].join(sep)),
    "weight",
    "region",
    layout === "odk-central" ? "KEY" : "_uuid",
  ];
  const lines = [
    header,
    ...data.answers.map((row, i) => ["2026-01-01", ...row, String(data.weights[i]), data.regions[i], `uuid:${i}`]),
  ];
  return "\uFEFF" + lines.map((l) => l.map((c) => quote(c, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}

/**
 * The same rows as writeSubmissionsCsv's "kobo" layout, as KoboToolbox's .xlsx export holds them:
 * one sheet, text in shared strings, the weight as a number (the CSV's text of the same number).
 * Streamed by exceljs's writer, so a test can make a large one without the workbook model.
 */
export async function writeSubmissionsXlsx(
  data: ReturnType<typeof generateSubmissions>,
  variables: readonly SyntheticVariable[],
  extraSheets: { name: string; rows: (string | number)[][] }[] = [],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const { PassThrough } = await import("node:stream");
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet("data");
  sheet
    .addRow(["start", ...variables.map((v) => [...v.groups, v.name].join("/")), "weight", "region", "_uuid"])
    .commit();
  data.answers.forEach((row, i) =>
    sheet.addRow(["2026-01-01", ...row, data.weights[i], data.regions[i], `uuid:${i}`]).commit(),
  );
  sheet.commit();
  for (const extra of extraSheets) {
    const other = book.addWorksheet(extra.name);
    for (const row of extra.rows) other.addRow(row).commit();
    other.commit();
  }
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
