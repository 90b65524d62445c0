// The form reader's guards: what could hurt the server is refused before or while it is unpacked,
// and a sheet is never held whole in memory.
import { describe, expect, it } from "vitest";
import { readFormFile } from "@/lib/xlsform/form/read-form";
import { MAX_UPLOAD_BYTES } from "@/lib/xlsform/limits";
import { makeZip, type ZipPart } from "./xlsform-zip";

const WORKBOOK = '<workbook xmlns:r="r"><sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const spreadsheet = (sheet: Buffer, extra: ZipPart[] = [], declaredSize?: number) =>
  makeZip([
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(RELS) },
    { name: "xl/worksheets/sheet1.xml", data: sheet, declaredSize },
    ...extra,
  ]);
const SHEET = Buffer.from(
  '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>label</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>text</t></is></c><c r="B2" t="inlineStr"><is><t>a</t></is></c><c r="C2" t="inlineStr"><is><t>A</t></is></c></row></sheetData></worksheet>',
);

async function codes(bytes: Uint8Array): Promise<string[]> {
  const result = await readFormFile(bytes);
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe("the form reader's guards", () => {
  it("reads a minimal hand-made workbook (the guards below are not refusing everything)", async () => {
    const result = await readFormFile(spreadsheet(SHEET));
    expect(result.ok && result.form.survey).toMatchObject([{ kind: "question", type: "text", name: "a" }]);
  });

  it("refuses a file over the upload limit before unpacking it", async () => {
    expect(await codes(new Uint8Array(MAX_UPLOAD_BYTES + 1))).toEqual(["file_too_large"]);
  });

  it("refuses what is not a zip, or a zip that is not a workbook", async () => {
    expect(await codes(new TextEncoder().encode("type,name\ntext,a"))).toEqual(["not_a_spreadsheet"]);
    expect(await codes(makeZip([{ name: "hello.txt", data: Buffer.from("hi") }]))).toEqual(["not_a_spreadsheet"]);
  });

  it("refuses a DOCTYPE or ENTITY in a part it reads", async () => {
    const laughs = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet><sheetData/></worksheet>',
    );
    expect(await codes(spreadsheet(laughs))).toEqual(["unsafe_xml"]);
  });

  it("refuses a part that inflates to more than its zip entry declares", async () => {
    expect(await codes(spreadsheet(Buffer.concat([SHEET, Buffer.alloc(2 * 1024 * 1024, 0x20)]), [], 100))).toEqual([
      "not_a_spreadsheet",
    ]);
  });

  it("refuses a part other than a worksheet that declares more than 20 MB", async () => {
    expect(
      await codes(spreadsheet(SHEET, [{ name: "xl/sharedStrings.xml", data: Buffer.alloc(21 * 1024 * 1024, 0x20) }])),
    ).toEqual(["unpacked_too_large"]);
  });

  it("refuses a row whose XML never ends instead of holding it in memory", async () => {
    const endless = Buffer.concat([
      Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'),
      Buffer.alloc(5 * 1024 * 1024, 0x61),
    ]);
    expect(await codes(spreadsheet(endless))).toEqual(["unpacked_too_large"]);
  });

  it("reads a long row that arrives over many chunks whole", async () => {
    const label = "ab".repeat(1_500_000);
    const sheet = Buffer.from(SHEET.toString().replace("<t>a</t>", `<t>${label}</t>`));
    const result = await readFormFile(spreadsheet(sheet));
    expect(result.ok && result.form.survey[0]).toMatchObject({ name: label });
  });

  it("streams a 40 MB worksheet of nothing without refusing or holding it", async () => {
    const padded = Buffer.concat([
      Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c></row>'),
      Buffer.alloc(40 * 1024 * 1024, 0x20),
      Buffer.from("</sheetData></worksheet>"),
    ]);
    const result = await readFormFile(spreadsheet(padded));
    expect(result.ok && result.form.survey).toEqual([]);
  });
});
