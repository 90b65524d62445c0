import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";
import {
  fingerprint,
  IMPORT_MAX_BYTES,
  parseFingerprint,
  readTranslationWorkbook,
  writeTranslationWorkbook,
  COLUMNS,
  CONTEXT_COLUMNS,
  type SheetRow,
} from "@/lib/translations/spreadsheet";

const headers = {
  id: "Id",
  question: "Question",
  field: "Field",
  source: "Source",
  translation: "Translation",
  state: "State",
  previous_source: "Previous source",
  type: "Type",
  indicators: "Indicators",
  hint: "Hint",
  fingerprint: "Fingerprint",
};
const rows: SheetRow[] = [
  {
    id: "q:bkg_age:label",
    question: "bkg_age",
    field: "label",
    source: "How old are you?",
    translation: "كم عمرك؟",
    state: "outdated",
    fingerprint: fingerprint("How old are you?", 3),
    previous_source: "What is your age?",
    type: "integer",
    indicators: "AGE, DEMO",
    hint: "In whole years",
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
    const formulaCell = sheet.getRow(3).getCell(COLUMNS.indexOf("translation") + 1);
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
    // …and the row is named as refused (with its row number), not passed over as empty.
    expect(read.ok && read.rows[0]).toMatchObject({ row: 2, refused: "formula" });
  });

  it("writes the context columns beside the texts, with a note on each header", async () => {
    const bytes = await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("translations")!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual([...COLUMNS]);
    for (const key of CONTEXT_COLUMNS) expect(header).toContain(key);
    // The previous English sits just before the current one, the translation just after it.
    expect(header.indexOf("previous_source") + 1).toBe(header.indexOf("source"));
    expect(header.indexOf("source") + 1).toBe(header.indexOf("translation"));
    const cell = (n: number, key: string) => sheet.getRow(n).getCell(header.indexOf(key) + 1);
    expect(cell(2, "previous_source").value).toBe("What is your age?");
    expect(cell(2, "type").value).toBe("integer");
    expect(cell(2, "indicators").value).toBe("AGE, DEMO");
    expect(cell(2, "hint").value).toBe("In whole years");
    expect(cell(2, "source").value).toBe("How old are you?");
    expect(cell(1, "previous_source").note).toBe("Previous source");
  });

  it("protects the sheet so that only the translation cells can be edited", async () => {
    const bytes = await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("translations")!;
    // No password: the protection guards against slips; the import checks fingerprints anyway.
    // exceljs keeps what it read in sheetProtection, which its typings do not declare.
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true });
    expect(protection).not.toHaveProperty("hashValue");
    const translation = COLUMNS.indexOf("translation") + 1;
    for (let n = 1; n <= rows.length + 1; n++)
      for (let c = 1; c <= COLUMNS.length; c++) {
        const unlocked = n > 1 && c === translation;
        // exceljs reads an unset protection as undefined; Excel's default then is "locked".
        expect(sheet.getRow(n).getCell(c).protection?.locked === false, `row ${n} ${COLUMNS[c - 1]}`).toBe(unlocked);
      }
    // The empty translation (a text still to translate) is unlocked too.
    expect(sheet.getRow(4).getCell(translation).protection).toMatchObject({ locked: false });
  });

  it("lays the sheet out right to left for Arabic only", async () => {
    const view = async (lang: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await writeTranslationWorkbook({ lang, sourceLanguage: "en", rows, headers })) as unknown as ArrayBuffer,
      );
      return book.getWorksheet("translations")!.views[0];
    };
    expect(await view("ar")).toMatchObject({ rightToLeft: true, state: "frozen", ySplit: 1 });
    expect((await view("fr")).rightToLeft).toBeFalsy();
  });

  it("still reads a file exported before the context columns and protection, in its own column order", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("translations");
    sheet.addRow(["id", "question", "field", "source", "translation", "state", "fingerprint"]);
    sheet.addRow(["q:a:label", "a", "label", "Hi there", "Bonjour", "missing", fingerprint("Hi there", -1)]);
    book.addWorksheet("about").addRows([["language", "fr"]]);
    const read = await readTranslationWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read).toEqual({
      ok: true,
      lang: "fr",
      rows: [
        { row: 2, id: "q:a:label", question: "a", translation: "Bonjour", fingerprint: fingerprint("Hi there", -1) },
      ],
    });
  });

  it("reads a new file whose protection a translator removed", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers })) as unknown as ArrayBuffer,
    );
    const sheet = book.getWorksheet("translations")!;
    sheet.unprotect();
    sheet.getRow(4).getCell(COLUMNS.indexOf("translation") + 1).value = "Oui";
    const read = await readTranslationWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.ok && read.rows.map((r) => r.translation)).toEqual([rows[0].translation, rows[1].translation, "Oui"]);
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
