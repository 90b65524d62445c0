// The one zip-bomb guard (lib/spreadsheet/guard.ts), on zips no spreadsheet program would write.
import { describe, expect, it } from "vitest";
import { inspectSpreadsheetZip, SPREADSHEET_LIMITS } from "@/lib/spreadsheet/guard";
import { readTranslationWorkbook } from "@/lib/translations/spreadsheet";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { makeZip, type ZipPart } from "./xlsform-zip";

const MB = 1024 * 1024;
const workbook: ZipPart = { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") };
const part = (name: string, declaredSize?: number): ZipPart => ({ name, data: Buffer.from("<x/>"), declaredSize });

describe("inspectSpreadsheetZip", () => {
  it("lets a small, honest container through", async () => {
    expect(await inspectSpreadsheetZip(makeZip([workbook, part("xl/styles.xml")]))).toBeNull();
  });

  it("refuses too many parts before listing them", async () => {
    const parts = Array.from({ length: SPREADSHEET_LIMITS.maxParts }, (_, i) => part(`xl/p${i}.bin`));
    expect(await inspectSpreadsheetZip(makeZip([workbook, ...parts]))).toEqual({
      refusal: "tooManyParts",
      value: String(SPREADSHEET_LIMITS.maxParts + 1),
    });
    expect(await inspectSpreadsheetZip(makeZip([workbook, ...parts.slice(1)]))).toBeNull();
  });

  it("refuses one part that declares more than a part may unpack to", async () => {
    const big = part("xl/media/big.bin", SPREADSHEET_LIMITS.maxPartBytes + 1);
    expect(await inspectSpreadsheetZip(makeZip([workbook, big]))).toEqual({
      refusal: "unpackedTooLarge",
      value: "xl/media/big.bin",
    });
  });

  it("refuses parts each within the limit that unpack to too much together", async () => {
    const each = SPREADSHEET_LIMITS.maxPartBytes;
    const count = Math.floor(SPREADSHEET_LIMITS.maxUnpackedBytes / each) + 1;
    const parts = Array.from({ length: count }, (_, i) => part(`xl/media/m${i}.bin`, each));
    const refused = await inspectSpreadsheetZip(makeZip([workbook, ...parts]));
    // Refused at the part that takes the total over, with the total so far (not a part's name).
    expect(refused?.refusal).toBe("unpackedTooLarge");
    expect(Number(refused?.value)).toBeGreaterThan(SPREADSHEET_LIMITS.maxUnpackedBytes);
  });

  it("refuses a part that unpacks to more than it declares, and entity tricks", async () => {
    const liar: ZipPart = { name: "xl/sharedStrings.xml", data: Buffer.alloc(2 * MB, 0x61), declaredSize: 10 };
    expect(await inspectSpreadsheetZip(makeZip([workbook, liar]))).toMatchObject({ refusal: "notSpreadsheet" });
    const doctype: ZipPart = { name: "xl/styles.xml", data: Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><x/>') };
    expect(await inspectSpreadsheetZip(makeZip([workbook, doctype]))).toEqual({
      refusal: "unsafeXml",
      value: "xl/styles.xml",
    });
    expect(await inspectSpreadsheetZip(makeZip([part("xl/styles.xml")]))).toEqual({ refusal: "notSpreadsheet" });
  });

  it("is the guard of both spreadsheet readers", async () => {
    const bomb = makeZip([workbook, part("xl/media/big.bin", SPREADSHEET_LIMITS.maxPartBytes + 1)]);
    expect(await readTranslationWorkbook(bomb)).toMatchObject({ ok: false, reason: "unpackedTooLarge" });
    expect(await readXlsx(bomb)).toMatchObject({ ok: false, problems: [{ code: "unpacked_too_large" }] });
  });
});
