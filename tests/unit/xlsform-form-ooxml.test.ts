// The SpreadsheetML pieces the form reader scans by hand: cell references, XML text, shared
// strings (rich text, phonetic guides), numbers and dates as pyxform (openpyxl) prints them.
import { describe, expect, it } from "vitest";
import {
  columnIndexOf,
  columnLetter,
  decodeXmlText,
  excelSerialToText,
  numberText,
  parseDateStyles,
  parseSharedStrings,
} from "@/lib/xlsform/form/ooxml";
import { escapeXml } from "@/lib/xlsform/form/xlsx-writer";

describe("SpreadsheetML scanning", () => {
  it("reads column letters both ways", () => {
    expect(["A1", "Z9", "AA10", "AMJ1048576", "xfd3"].map(columnIndexOf)).toEqual([0, 25, 26, 1023, 16383]);
    expect([0, 25, 26, 1023].map(columnLetter)).toEqual(["A", "Z", "AA", "AMJ"]);
  });

  it("decodes entities and OOXML escapes, and the writer's escaping reads back", () => {
    expect(decodeXmlText("a &amp; b &lt;c&gt; &#233;&#x1F600; _x000D__x0041_")).toBe("a & b <c> é😀 \rA");
    for (const text of ["=1+1", "_x0041_ stays", "tab\there", "bell\u0007", 'q "x" & <y>'])
      expect(decodeXmlText(escapeXml(text))).toBe(text);
  });

  it("reads shared strings: plain, rich text runs, empty, and without phonetic guides", () => {
    const xml =
      '<sst xmlns="x" count="4"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> part</t></r></si>' +
      '<si><t/></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>';
    expect(parseSharedStrings(xml)).toEqual(["plain", "bold part", "", "東京"]);
  });

  it("reads a lone <t> by hand as the rich-text pattern reads it, and leaves other shapes to the pattern", () => {
    const items = [
      "<t>a &amp; b &lt;c&gt; _x0041_</t>",
      '<t xml:space="preserve"> spaced </t>',
      '<t a=">">x</t>',
      "<t></t>",
      "<t/>",
      '<t a="1"/>',
      "<x:t>prefixed</x:t>",
      "<t>one</t><t>two</t>",
      "<tx>not a run</tx><t>run</t>",
      "<t>東京</t><rPh><t>トウキョウ</t></rPh>",
      "<t>no close",
    ];
    const xml = items.map((item) => `<si>${item}</si>`).join("");
    expect(parseSharedStrings(xml)).toEqual([
      "a & b <c> A",
      " spaced ",
      '">x',
      "",
      "",
      "",
      "prefixed",
      "onetwo",
      "run",
      "東京",
      "",
    ]);
  });

  it("prints numbers and dates as Python prints what openpyxl returns", () => {
    expect(
      ["3", "3.0", "62.5", "0.1", "1E-5", "-4", "0.0001", "1.5E-7", "1E+20", "123456789012.5"].map(numberText),
    ).toEqual(["3", "3", "62.5", "0.1", "1e-05", "-4", "0.0001", "1.5e-07", "100000000000000000000", "123456789012.5"]);
    expect(excelSerialToText(45352, "date", false)).toBe("2024-03-01 00:00:00");
    expect(excelSerialToText(45352.5, "date", false)).toBe("2024-03-01 12:00:00");
    expect(excelSerialToText(0.75, "time", false)).toBe("18:00:00");
    expect(excelSerialToText(0, "date", true)).toBe("1904-01-01 00:00:00");
  });

  it("knows which cell styles are dates, built in or custom", () => {
    const styles =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="&quot;Day&quot; 0"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/></cellXfs></styleSheet>';
    expect(parseDateStyles(styles)).toEqual([null, "date", "date", null, "time"]);
  });
});
