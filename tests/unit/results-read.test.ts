// Reading a submissions file: the encodings KoboToolbox, ODK Central and Excel write (UTF-8 with
// and without a byte order mark, UTF-16 in either byte order), their delimiters, an .xlsx's first
// sheet, and the refusals (empty, duplicated column, other encodings, too large, not a workbook).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeText, parseSubmissionsCsv, readSubmissionsFile } from "@/lib/results/read-file";
import { RESULTS_MAX_BYTES } from "@/lib/results/limits";

const text = "group/q1;q2;_uuid\r\nyes;عربي;u1\r\nno;é;u2\r\n";

function utf16(value: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + value.length * 2);
  out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < value.length; i++) {
    const [lo, hi] = [value.charCodeAt(i) & 0xff, value.charCodeAt(i) >> 8];
    out.set(order === "le" ? [lo, hi] : [hi, lo], 2 + 2 * i);
  }
  return out;
}

describe("submissions files", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(text)],
    ["UTF-8 with BOM", new TextEncoder().encode("\uFEFF" + text)],
    ["UTF-16 LE", utf16(text, "le")],
    ["UTF-16 BE", utf16(text, "be")],
  ])("reads %s", async (_name, bytes) => {
    expect(decodeText(bytes)).toBe(text);
    const table = await readSubmissionsFile(bytes);
    expect(table.headers).toEqual(["group/q1", "q2", "_uuid"]);
    expect(table.rows).toEqual([
      ["yes", "عربي", "u1"],
      ["no", "é", "u2"],
    ]);
    expect(table.format).toBe("kobo-csv");
  });

  it("takes the header line's delimiter: ODK Central's comma, Excel's tab", () => {
    expect(parseSubmissionsCsv("SubmissionDate,g-q1,KEY\n2026,yes,k\n").headers).toEqual([
      "SubmissionDate",
      "g-q1",
      "KEY",
    ]);
    expect(parseSubmissionsCsv('q1\tq2\n"a;b"\tc\n').rows).toEqual([["a;b", "c"]]);
  });

  it("reads the first sheet of a workbook", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("data");
    sheet.addRow(["q1", "age", "_id"]);
    sheet.addRow(["yes", 34, 1]);
    book.addWorksheet("repeat").addRow(["other"]);
    const table = await readSubmissionsFile(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(table).toEqual({ headers: ["q1", "age", "_id"], rows: [["yes", "34", "1"]], format: "kobo-xlsx" });
  });

  it.each([
    ["an empty file", new Uint8Array(), "empty"],
    ["a header without rows", new TextEncoder().encode("q1;q2\r\n"), "empty"],
    ["a duplicated column", new TextEncoder().encode("q1;q2;q1\r\n1;2;3\r\n"), "duplicateColumn"],
    ["Latin-1 bytes", new Uint8Array([0x71, 0x31, 0x0a, 0xe9, 0x0a]), "encoding"],
    ["a zip that is no workbook", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "unreadable"],
    ["a file over the limit", new Uint8Array(RESULTS_MAX_BYTES + 1), "fileTooLarge"],
  ])("refuses %s", async (_name, bytes, code) => {
    await expect(readSubmissionsFile(bytes)).rejects.toMatchObject({ code });
  });
});
