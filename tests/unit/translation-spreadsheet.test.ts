import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";
import {
  fingerprint,
  IMPORT_MAX_BYTES,
  parseFingerprint,
  readTranslationWorkbook,
  writeTranslationWorkbook,
  type SheetRow,
} from "@/lib/translations/spreadsheet";

const headers = {
  id: "Id",
  question: "Question",
  field: "Field",
  source: "Source",
  translation: "Translation",
  state: "State",
  fingerprint: "Fingerprint",
};
const rows: SheetRow[] = [
  {
    id: "q:bkg_age:label",
    question: "bkg_age",
    field: "label",
    source: "How old are you?",
    translation: "كم عمرك؟",
    state: "approved",
    fingerprint: fingerprint("How old are you?", 3),
  },
  {
    id: "q:bkg_age:hint",
    question: "bkg_age",
    field: "hint",
    source: "=1+1",
    translation: '=HYPERLINK("http://x")',
    state: "draft",
    fingerprint: fingerprint("=1+1", 3),
  },
  {
    id: "c:yes_no:yes",
    question: "bkg_age",
    field: "choice:yes",
    source: "Yes",
    translation: "",
    state: "missing",
    fingerprint: fingerprint("Yes", -1),
  },
];

/** A zip with one stored entry that claims a small size but is large once inflated. */
function zipBomb(): Buffer {
  const big = Buffer.alloc(60 * 1024 * 1024, 0x20);
  const data = deflateRawSync(big, { level: 9 });
  const name = Buffer.from("xl/workbook.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(big.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(big.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe("translation spreadsheet", () => {
  it("writes every cell as text and reads the rows back with their ids and fingerprints", async () => {
    const bytes = await writeTranslationWorkbook({ lang: "ar", sourceLanguage: "en", rows, headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("translations")!;
    const formulaCell = sheet.getRow(3).getCell(5);
    // Stored as a string with the text format: a spreadsheet program shows it, never runs it.
    expect(formulaCell.value).toBe('=HYPERLINK("http://x")');
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell.numFmt).toBe("@");
    const read = await readTranslationWorkbook(bytes);
    expect(read).toEqual({
      ok: true,
      lang: "ar",
      rows: rows
        .filter((r) => r.id)
        .map((r, i) => ({
          row: i + 2,
          id: r.id,
          question: r.question,
          translation: r.translation,
          fingerprint: r.fingerprint,
        })),
    });
  });

  it("never evaluates a formula a translation tool left in a cell", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("translations");
    sheet.addRow(["id", "question", "field", "source", "translation", "state", "fingerprint"]);
    sheet.addRow([
      "q:a:label",
      "a",
      "label",
      "Hi there",
      { formula: "1+1", result: 2 },
      "draft",
      fingerprint("Hi there", 0),
    ]);
    const read = await readTranslationWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.ok && read.rows[0].translation).toBe("");
  });

  it("refuses a file over the stated limit before reading it", async () => {
    expect(await readTranslationWorkbook(Buffer.alloc(IMPORT_MAX_BYTES + 1))).toEqual({
      ok: false,
      code: "fileTooLarge",
      reason: String(IMPORT_MAX_BYTES),
    });
  });

  it("refuses malformed files, files without the sheet, and zip bombs", async () => {
    expect(await readTranslationWorkbook(Buffer.from("id,translation\n1,2"))).toMatchObject({
      ok: false,
      code: "badFile",
      reason: "notSpreadsheet",
    });
    const other = new ExcelJS.Workbook();
    other.addWorksheet("survey").addRow(["type", "name"]);
    expect(await readTranslationWorkbook(Buffer.from(await other.xlsx.writeBuffer()))).toMatchObject({
      ok: false,
      code: "badFile",
      reason: "noSheet",
    });
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(await readTranslationWorkbook(bomb)).toMatchObject({
      ok: false,
      code: "badFile",
      reason: "unpackedTooLarge",
    });
  });

  it("reads fingerprints strictly", () => {
    expect(parseFingerprint(fingerprint("x", -1))).toMatchObject({ revision: -1 });
    expect(parseFingerprint("nonsense")).toBeNull();
    expect(fingerprint("Café", 1)).toBe(fingerprint("Cafe\u0301", 1));
  });
});
