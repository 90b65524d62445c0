// An .xlsx upload read as a stream: spooled to a private temporary file as it arrives, its first
// sheet read row by row from there. The records equal those of the CSV of the same data (a
// sheet written before its shared strings, as exceljs's streaming writer and others order the
// zip); cell kinds read as exceljs's workbook model read them before (dates, booleans, formulas'
// cached results, rich text); the temporary file is gone after a read, a refusal, or the sink's
// own error; a file over the limit is refused as it arrives.
import { readdirSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResultsError } from "@/lib/results/errors";
import { parseSubmissionsCsv, readSubmissionsFile } from "@/lib/results/read-file";
import { readSubmissionsStream } from "@/lib/results/read-stream";
import { makeZip, type ZipPart } from "./xlsform-zip";
import {
  generateSubmissions,
  writeSubmissionsCsv,
  writeSubmissionsXlsx,
  type SyntheticVariable,
} from "@/lib/results/synthetic";

const variables: SyntheticVariable[] = Array.from({ length: 12 }, (_, i) => ({
  name: `q${i}`,
  groups: i % 2 ? ["grp"] : [],
  frequencies: { "": 1, yes: 3, no: 2, dont_know: 1, "a & <b>": 1 },
})) as unknown as SyntheticVariable[];

/** Chunks of `size` bytes, as a network body arrives. */
function* chunksOf(bytes: Uint8Array, size = 16 * 1024) {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

let spoolDir = "";
let savedTmp: string | undefined;
beforeEach(async () => {
  savedTmp = process.env.TMPDIR;
  spoolDir = await mkdtemp(join(tmpdir(), "qb-spool-test-"));
  process.env.TMPDIR = spoolDir;
});
afterEach(async () => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  await rm(spoolDir, { recursive: true, force: true });
});
const leftovers = () => readdir(spoolDir);

describe("an .xlsx upload read as a stream", () => {
  it("gives the records of the CSV of the same data, record for record, and leaves no file", async () => {
    const data = generateSubmissions(variables, { rows: 20_000, seed: 1616 });
    const xlsx = await writeSubmissionsXlsx(data, variables);
    // exceljs's streaming writer puts the sheet before the shared strings in the zip.
    const names = [
      ...Buffer.from(xlsx)
        .toString("latin1")
        .matchAll(/xl\/(worksheets\/sheet1|sharedStrings)\.xml/g),
    ].map((m) => m[1]);
    expect(names[0]).toBe("worksheets/sheet1");
    const csv = parseSubmissionsCsv(writeSubmissionsCsv(data, variables, "kobo"));
    const records: string[][] = [];
    let spooled: string[] = [];
    const { xlsx: isXlsx, bytes } = await readSubmissionsStream(chunksOf(xlsx), (r) => {
      // The upload is on disk (one private directory) while its rows are read, and only then.
      if (records.length === 0) spooled = readdirSync(spoolDir);
      records.push(r);
    });
    expect(isXlsx).toBe(true);
    expect(bytes).toBe(xlsx.byteLength);
    expect(spooled).toHaveLength(1);
    expect(spooled[0]).toMatch(/^qb-upload-/);
    const width = csv.headers.length;
    const padded = records.map((r) => [...r, ...Array(width - r.length).fill("")]);
    expect(padded[0]).toEqual(csv.headers);
    expect(padded.length - 1).toBe(csv.rows.length);
    for (let i = 0; i < csv.rows.length; i++) expect(padded[i + 1]).toEqual(csv.rows[i]);
    expect(await leftovers()).toEqual([]);
  });

  it("reads cells as the workbook model did: dates, booleans, formulas' cached results, rich text", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("data");
    sheet.addRow(["q1", "when", "ok", "sum", "rich", "_id", "", ""]);
    sheet.addRow([
      "yes",
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      true,
      { formula: "1+1", result: 2 },
      { richText: [{ text: "a" }, { text: "b", font: { bold: true } }] },
      1.5,
    ]);
    sheet.addRow([" spaced ", null, false, { formula: "A1" }, "x", 7]);
    book.addWorksheet("repeat").addRow(["other"]);
    const table = await readSubmissionsFile(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(table.headers).toEqual(["q1", "when", "ok", "sum", "rich", "_id"]);
    expect(table.rows).toEqual([
      ["yes", "2026-01-02T03:04:05.000Z", "true", "2", "ab", "1.5"],
      [" spaced ", "", "false", "", "x", "7"],
    ]);
    expect(table.format).toBe("kobo-xlsx");
    expect(await leftovers()).toEqual([]);
  });

  it("removes the file after a refusal and after the sink's own error", async () => {
    const data = generateSubmissions(variables, { rows: 50, seed: 7 });
    const xlsx = await writeSubmissionsXlsx(data, variables);
    await expect(
      readSubmissionsStream(chunksOf(xlsx), () => {
        throw new ResultsError("notAChoice", { row: 1 });
      }),
    ).rejects.toMatchObject({ code: "notAChoice" });
    expect(await leftovers()).toEqual([]);
    // A zip that is no workbook; a workbook cut short (its zip directory never arrives).
    const noWorkbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readSubmissionsStream([noWorkbook], () => {})).rejects.toMatchObject({ code: "unreadable" });
    await expect(readSubmissionsStream([xlsx.subarray(0, xlsx.byteLength - 100)], () => {})).rejects.toMatchObject({
      code: "unreadable",
    });
    expect(await leftovers()).toEqual([]);
  });

  it("refuses a file over the limit as it arrives, keeping nothing", async () => {
    const data = generateSubmissions(variables, { rows: 2_000, seed: 8 });
    const xlsx = await writeSubmissionsXlsx(data, variables);
    let pulled = 0;
    function* counted() {
      for (const chunk of chunksOf(xlsx, 1024)) {
        pulled += chunk.byteLength;
        yield chunk;
      }
    }
    const sink: string[][] = [];
    await expect(readSubmissionsStream(counted(), (r) => sink.push(r), 10 * 1024)).rejects.toMatchObject({
      code: "fileTooLarge",
      details: { limit: 100 },
    });
    expect(pulled).toBeLessThanOrEqual(11 * 1024);
    expect(sink).toEqual([]);
    expect(await leftovers()).toEqual([]);
  });

  it("checks worksheets for declarations itself: the first as it reads it, the others before", async () => {
    const workbook = (sheets: number) =>
      `<workbook><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="s${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
    const rels = (sheets: number) =>
      `<Relationships>${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`;
    const row = (r: number) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>v${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
    // Enough rows that the sheet inflates in many chunks (64 KB each).
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i + 2)).join("");
    const sheet = (body: string) => `<worksheet><sheetData>${row(1)}${body}</sheetData></worksheet>`;
    const book = (...sheets: string[]): ZipPart[] => [
      { name: "xl/workbook.xml", data: Buffer.from(workbook(sheets.length)) },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(rels(sheets.length)) },
      ...sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(xml) })),
    ];
    const read = async (parts: ZipPart[]) => {
      const records: string[][] = [];
      await readSubmissionsStream([makeZip(parts)], (r) => records.push(r));
      return records;
    };
    const records = await read(book(sheet(rows), sheet("")));
    expect(records).toHaveLength(20_001);
    expect(records[12_345]).toEqual(["v12346", "12346"]);
    const doctype = '<!DOCTYPE x [<!ENTITY a "b">]>';
    const refusedUnsafe = async (parts: ZipPart[]) => {
      const sink: string[][] = [];
      await expect(readSubmissionsStream([makeZip(parts)], (r) => sink.push(r))).rejects.toMatchObject({
        code: "unreadable",
        details: { reason: "unsafeXml" },
      });
      return sink.length;
    };
    // In the first sheet's prolog: refused before a row is read; in a sheet never read: before too.
    expect(await refusedUnsafe(book(doctype + sheet(rows)))).toBe(0);
    expect(await refusedUnsafe(book(sheet(rows), doctype + sheet("")))).toBe(0);
    // Far into the sheet, where the scan meets it chunk by chunk.
    expect(await refusedUnsafe(book(sheet(rows + doctype + rows)))).toBeGreaterThan(0);
    // Cut in two by the 64 KB chunks the sheet inflates in, wherever the cut falls.
    const before = sheet("").indexOf("</sheetData>");
    for (let shift = 1; shift < 9; shift++) {
      const at = 64 * 1024 - before - shift;
      expect(await refusedUnsafe(book(sheet(rows.slice(0, at) + "<!DOCTYPE x>" + rows)))).toBeGreaterThan(0);
    }
    // A sheet that inflates to more than it declares.
    const liar = book(sheet(rows));
    liar[2].declaredSize = 100;
    await expect(read(liar)).rejects.toMatchObject({ code: "unreadable", details: { reason: "notSpreadsheet" } });
    expect(await leftovers()).toEqual([]);
  });
});
