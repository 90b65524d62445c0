// Uploads up to the stated limit: spreadsheets of 0.9, 1.5 and 4.9 MB are read and previewed, one of
// 5.1 MB is refused as too large (a refusal the page words in the person's language), and the
// server actions' body limit (next.config.ts) comes from the same setting and leaves room for both.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { findExportRows } from "@/lib/translations/spreadsheet-data";
import { readImport } from "@/lib/translations/spreadsheet-mutations";
import { COLUMNS, writeTranslationWorkbook } from "@/lib/translations/spreadsheet";
import { ACTION_BODY_LIMIT_BYTES, IMPORT_MAX_BYTES } from "@/lib/translations/upload-limit";
import { isTranslationError } from "@/lib/translations/errors";
import nextConfig from "@/next.config";

const MB = 1024 * 1024;
const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<(typeof COLUMNS)[number], string>;
let base: Buffer;

/** The exported file with a sheet of incompressible notes added until it weighs about `megabytes`. */
async function fileOf(megabytes: number): Promise<Buffer> {
  const build = async (cells: number) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(base as unknown as ArrayBuffer);
    const notes = book.addWorksheet("notes");
    for (let i = 0; i < cells; i++) notes.addRow([randomBytes(22_000).toString("base64")]);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const probe = await build(20);
  const perCell = (probe.length - base.length) / 20;
  let cells = Math.max(0, Math.round((megabytes * MB - base.length) / perCell));
  let bytes = await build(cells);
  // One correction for the zip's own bookkeeping.
  cells += Math.round((megabytes * MB - bytes.length) / perCell);
  bytes = await build(cells);
  return bytes;
}

beforeAll(async () => {
  const db = await getDb();
  const q = await db.question.findFirstOrThrow({
    where: { status: "published", type: "select_one" },
    orderBy: { code: "asc" },
    select: { code: true },
  });
  const rows = await findExportRows({ lang: "fr", codes: [q.code] });
  base = await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers });
}, 60_000);

describe("translation uploads up to the stated limit", () => {
  it.each([0.9, 1.5, 4.9])(
    "reads and previews a %s MB spreadsheet",
    async (megabytes) => {
      const bytes = await fileOf(megabytes);
      expect(Math.abs(bytes.length / MB - megabytes)).toBeLessThan(0.1);
      const preview = await readImport({ lang: "fr", bytes });
      expect(preview.rows.length).toBeGreaterThan(0);
      expect(preview.counts.unchanged).toBe(preview.rows.length);
    },
    120_000,
  );

  it("refuses a 5.1 MB spreadsheet as too large, naming the limit", async () => {
    const bytes = await fileOf(5.1);
    expect(bytes.length).toBeGreaterThan(IMPORT_MAX_BYTES);
    const refused = await readImport({ lang: "fr", bytes }).catch((e) => e);
    expect(isTranslationError(refused) && refused.code).toBe("fileTooLarge");
    expect(isTranslationError(refused) && refused.details?.reason).toBe(String(IMPORT_MAX_BYTES));
  }, 120_000);

  it("sizes the server actions' body from the same setting, with room for a file over the limit", () => {
    // Submissions uploads (lib/results/limits.ts) are larger, but stream to a route of their own.
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(IMPORT_MAX_BYTES + 0.5 * MB);
  });
});
