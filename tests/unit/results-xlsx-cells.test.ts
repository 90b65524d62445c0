// The hand scanner of a sheet row's cells (lib/results/xlsx-cells.ts) against the regular
// expressions it replaced, kept here as the definition: the same cells for the shapes spreadsheet
// programs write (shared and inline strings, rich text runs, entities, empty and self-closing
// cells, gaps in r=, prefixes, formulas, dates) and for odd ones the scanner hands to the
// fallback, then for thousands of rows built at random from those pieces.
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/results/synthetic";
import { cellValue, rowCells, type CellContext } from "@/lib/results/xlsx-cells";
import { attribute, columnIndexOf } from "@/lib/xlsform/form/ooxml";

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

/** The regular-expression reading the scanner replaced (read-xlsx.ts before it). */
function byRegex(inner: string, ctx: CellContext): string[] {
  const cells: string[] = [];
  let next = 0;
  for (const m of inner.matchAll(CELL)) {
    const ref = attribute(m[1], "r");
    const column = ref ? columnIndexOf(ref) : next;
    next = column + 1;
    if (column < 0 || !m[2]) continue;
    const value = cellValue(m[1], m[2], ctx);
    if (value === "") continue;
    while (cells.length < column) cells.push("");
    cells[column] = value;
  }
  return cells;
}

const ctx: CellContext = {
  shared: ["yes", "no", "a & <b>", "", "東京"],
  dateStyles: [null, "date", null],
  date1904: false,
};

const both = (inner: string) => {
  const expected = byRegex(inner, ctx);
  expect(rowCells(inner, ctx), inner).toEqual(expected);
  return expected;
};

describe("a sheet row's cells read by hand", () => {
  it("reads the plain shapes: shared strings, numbers, gaps in r=, empty and self-closing cells", () => {
    expect(both('<c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v>12.50</v></c>')).toEqual([
      "yes",
      "a & <b>",
      "12.5",
    ]);
    expect(both('<c r="A3" t="s"><v>1</v></c><c r="E3"><v>7</v></c><c r="F3"/><c r="G3"></c><c><v>8</v></c>')).toEqual([
      "no",
      "",
      "",
      "",
      "7",
      "",
      "",
      "8",
    ]);
    // Without r=: each cell the one after the previous.
    expect(both('<c t="s"><v>0</v></c><c/><c t="s"><v>4</v></c>')).toEqual(["yes", "", "東京"]);
    // A shared string index past the table, empty, or not digits.
    expect(both('<c r="A1" t="s"><v>99</v></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v> 1 </v></c>')).toEqual([
      "",
      "yes",
      "no",
    ]);
  });

  it("reads inline strings, rich text runs, escaped entities, booleans, errors, dates and formulas", () => {
    expect(
      both(
        '<c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#233;</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> part</t></r></is></c>' +
          '<c r="C1" t="str"><f>A1&amp;"x"</f><v>q &quot;x&quot; _x0041_</v></c>' +
          '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>' +
          '<c r="G1" s="1"><v>45352.5</v></c><c r="H1" s="2"><v>3</v></c><c r="I1" t="d"><v>2026-01-02T03:04:05Z</v></c>' +
          '<c r="J1"><f>1+1</f><v>2</v></c><c r="K1"><f>A1</f></c><c r="L1" t="n"><v>abc</v></c>',
      ),
    ).toEqual([
      "a & b <c> é",
      "bold part",
      'q "x" A',
      "true",
      "false",
      "",
      "2024-03-01T12:00:00.000Z",
      "3",
      "2026-01-02T03:04:05.000Z",
      "2",
      "",
      "abc",
    ]);
  });

  it("reads odd tags as the regular expressions did: prefixes, spaces, quotes, entities in attributes", () => {
    both('<x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>5</x:v></x:c>');
    both("<c r = 'B1'  t='s' ><v>1</v></c><c\tr=\"D1\"\nt=\"s\"><v>0</v></c>");
    both('<c r="&#66;1" t="s"><v>0</v></c><c r="_x0044_1"><v>4</v></c><c r="A9" t="&#115;"><v>1</v></c>');
    both('<c foo="a t=x" r="C1" t="s"><v>0</v></c><c r="E1" t="s" t="n"><v>1</v></c><c r="" t="s"><v>0</v></c>');
    both('<c r="A1" s="1" t="n"><v>1</v></c><c r="1"><v>2</v></c><c r=A1><v>3</v></c><c r="B1"x="1"><v>4</v></c>');
    both('<col r="A1"><v>1</v></col><cx r="B1"/><c:foo r="C1"><v>6</v></c:foo><c r="D1"><v>7</v><v>8</v></c>');
    both('<c r="A1"><v a="1">1</v></c><c r="B1"><is><t>x</t></is></c><c r="C1" t="s"><v>0</x:v></v></c>');
    both('<c r="A1"><v>1</v></x:c><c r="B1">text only</c><c r="C1" t="inlineStr"><is><t/></is></c>');
    both('<c r="A1"><v>1</v>'); // never closed
    both('<c r="A1"><v>1</v></c><c r="B1"'); // cut inside a tag
    both("");
  });

  it("gives the regular expressions' cells for rows built at random from those pieces", () => {
    const random = seededRandom(16);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const refs = ["", ' r="A1"', ' r="C7"', ' r="AB2"', " r='D1'", ' r="&#69;1"', ' r="1"', ' r = "B3"'];
    const types = ["", ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t="e"', ' t="d"', ' t="inlineStr"', " t='s'"];
    const styles = ["", ' s="0"', ' s="1"', ' s="2"', ' s="x y"'];
    const values = ["0", "1", "2", "4", "12.5", "", " 3 ", "abc", "a &amp; b", "_x0041_", "2026-01-02", "99", "-1e3"];
    const bodies = [
      (v: string) => `<v>${v}</v>`,
      (v: string) => `<f>SUM(A1)</f><v>${v}</v>`,
      (v: string) => `<is><t>${v}</t></is>`,
      (v: string) => `<is><r><t>${v}</t></r><r><t xml:space="preserve"> ${v}</t></r></is>`,
      (v: string) => `<x:v>${v}</x:v>`,
      () => "",
    ];
    for (let row = 0; row < 3000; row++) {
      let inner = "";
      const cells = 1 + Math.floor(random() * 8);
      for (let i = 0; i < cells; i++) {
        const attrs = pick(refs) + pick(types) + pick(styles);
        const r = random();
        if (r < 0.1) inner += `<c${attrs}/>`;
        else if (r < 0.15) inner += `<x:c${attrs}>${pick(bodies)(pick(values))}</x:c>`;
        else inner += `<c${attrs}>${pick(bodies)(pick(values))}</c>`;
        if (random() < 0.05) inner += pick([" ", "<extLst/>", "\n"]);
      }
      both(inner);
    }
  });
});
