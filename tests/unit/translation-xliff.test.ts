import { describe, expect, it } from "vitest";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { fingerprint } from "@/lib/translations/spreadsheet";
import { looksLikeXml, readXliff, segmentState, writeXliff, XLIFF_NS, type XliffUnit } from "@/lib/translations/xliff";

const units: XliffUnit[] = [
  {
    id: "q:AGE-01:label",
    question: "AGE-01",
    version: 2,
    source: "How old is ${child_name} & is he < 5?",
    translation: "Quel âge a ${child_name} ?",
    state: "draft",
    fingerprint: fingerprint("How old is ${child_name} & is he < 5?", 3),
    notes: [
      ["type", "integer"],
      ["indicator", "CHD-01"],
    ],
  },
  {
    id: "c:yesno:yes",
    question: "AGE-01",
    version: 2,
    source: "Yes",
    translation: "",
    state: "missing",
    fingerprint: fingerprint("Yes", -1),
    notes: [],
  },
];
const xml = () => writeXliff({ lang: "fr", sourceLanguage: "en", units });

/**
 * The structure the XLIFF 2.1 core schema asks of what we write, checked fast and without tools:
 * root attributes, file > unit > [modules] notes? originalData? segment+, segment > source target?,
 * a known state, inline <ph> with ids declared in originalData. OASIS's schema itself, through
 * xmllint, checks whole exported languages in tests/integration/translation-xliff-schema.test.ts.
 */
function checkStructure(text: string): string[] {
  const problems: string[] = [];
  const stack: SaxesTagNS[] = [];
  const dataIds = new Set<string>();
  const order: Record<string, number> = { notes: 1, originalData: 2, segment: 3 };
  let lastInUnit = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    const parent = stack.at(-1);
    const a = (n: string) => tag.attributes[n]?.value;
    if (!parent) {
      if (tag.local !== "xliff" || tag.uri !== XLIFF_NS) problems.push("root");
      if (a("version") !== "2.1" || !a("srcLang") || !a("trgLang")) problems.push("root attributes");
    } else if (parent.local === "xliff" && tag.local !== "file") problems.push(`xliff > ${tag.local}`);
    else if (parent.local === "unit" && tag.uri === XLIFF_NS) {
      const rank = order[tag.local];
      if (!rank || rank < lastInUnit) problems.push(`unit > ${tag.local} out of order`);
      lastInUnit = rank ?? 9;
    } else if (parent.local === "unit" && lastInUnit > 0) problems.push("module after core elements");
    if (tag.local === "unit") [lastInUnit] = [0, dataIds.clear()];
    if (tag.local === "unit" && !/^[\w.:-]+$/.test(a("id") ?? "")) problems.push("unit id not an NMTOKEN");
    if (tag.local === "data") dataIds.add(a("id")!);
    if (tag.local === "segment" && !["initial", "translated", "reviewed", "final"].includes(a("state")!))
      problems.push("segment state");
    if (tag.local === "ph" && !dataIds.has(a("dataRef")!)) problems.push("ph dataRef");
    if ((tag.local === "source" || tag.local === "target") && parent?.local !== "segment") problems.push(tag.local);
    stack.push(tag);
  });
  parser.on("closetag", () => stack.pop());
  parser.write(text).close();
  return problems;
}

describe("XLIFF 2.1 writer", () => {
  it("writes a well-formed document of the core structure, with placeholders as <ph> and context notes", () => {
    const text = xml();
    expect(checkStructure(text)).toEqual([]);
    expect(text).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(text).toContain('version="2.1" srcLang="en" trgLang="fr"');
    expect(text).toContain(
      '<source>How old is <ph id="1" dataRef="d1" disp="${child_name}" equiv="${child_name}" canDelete="no"/> &amp; is he &lt; 5?</source>',
    );
    expect(text).toContain('<target>Quel âge a <ph id="1" dataRef="d1"');
    expect(text).toContain('<segment id="s1" state="translated">');
    expect(text).toContain('<note category="indicator">CHD-01</note>');
    // A text not translated yet has no target at all.
    expect(text).toMatch(/<unit id="c:yesno:yes"[\s\S]*?<source>Yes<\/source>\n<\/segment>/);
  });

  it("maps our states to segment states", () => {
    expect(["missing", "draft", "in_review", "approved", "outdated"].map(segmentState)).toEqual([
      "initial",
      "translated",
      "reviewed",
      "final",
      "initial",
    ]);
  });
});

describe("XLIFF 2.1 reader", () => {
  const read = (text: string) => readXliff(Buffer.from(text), "en");

  it("reads back what it wrote, placeholders as ${name} again", () => {
    const out = read(xml());
    expect(out).toMatchObject({ ok: true, lang: "fr" });
    if (!out.ok) return;
    expect(out.rows).toEqual([
      {
        row: 1,
        id: "q:AGE-01:label",
        translation: "Quel âge a ${child_name} ?",
        fingerprint: units[0].fingerprint,
        question: "AGE-01",
      },
      { row: 2, id: "c:yesno:yes", translation: "", fingerprint: units[1].fingerprint, question: "AGE-01" },
    ]);
  });

  it("names a unit whose placeholder was deleted, invented, or whose source was edited", () => {
    const deleted = xml().replace(/(<target>Quel âge a )<ph[^>]*\/>/, "$1Pierre");
    expect(read(deleted)).toMatchObject({ ok: true, rows: [{ id: "q:AGE-01:label", refused: "placeholder" }, {}] });
    const invented = xml().replace("<target>Quel âge a ", '<target><ph id="7" dataRef="d7"/>Quel âge a ');
    expect(read(invented)).toMatchObject({ ok: true, rows: [{ refused: "placeholder" }, {}] });
    const edited = xml().replace("<source>Yes</source>", "<source>Yes!</source><target>Oui</target>");
    expect(read(edited)).toMatchObject({ ok: true, rows: [{}, { id: "c:yesno:yes", refused: "sourceEdited" }] });
  });

  it("refuses a file for another source language, an older XLIFF, a DTD and what is not XLIFF", () => {
    expect(read(xml().replace('srcLang="en"', 'srcLang="de"'))).toEqual({
      ok: false,
      code: "badFile",
      reason: "wrongLanguage",
    });
    expect(read(xml().replace('version="2.1"', 'version="1.2"'))).toMatchObject({ reason: "notXliff" });
    expect(read(`<!DOCTYPE x [<!ENTITY a "b">]>${xml()}`)).toMatchObject({ reason: "unsafeXml" });
    expect(read("<html><body/></html>")).toMatchObject({ reason: "notXliff" });
    expect(read("<xliff")).toMatchObject({ reason: "notXliff" });
  });

  it("tells an XML document from a zip", () => {
    expect(looksLikeXml(Buffer.from("\uFEFF  <?xml version='1.0'?><xliff/>"))).toBe(true);
    expect(looksLikeXml(Buffer.from("PK\u0003\u0004"))).toBe(false);
  });
});
