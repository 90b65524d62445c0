// The glossary's exchange formats: TBX (checked well-formed and of the TBX v3 core structure by
// Python's XML parser, independent of ours) and CSV, each read back to the same terms.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readTbx, writeTbx, type ExchangeTerm } from "@/lib/translations/glossary-tbx";
import { readGlossaryCsv, writeGlossaryCsv } from "@/lib/translations/glossary-csv";
import { parseXml, XmlError } from "@/lib/text/xml";

const terms: ExchangeTerm[] = [
  {
    term: "health worker",
    approved: "عامل صحي",
    forms: ["العاملون الصحيون"],
    forbidden: ["موظف صحي"],
    except: ["community health worker"],
    note: 'Collective; <b> & "quotes"',
    domain: "health",
  },
  {
    term: "=SUM(A1)",
    approved: "+1 brote",
    forms: [],
    forbidden: ["@x", "-y"],
    except: [],
    note: "",
    domain: "general",
  },
];

const PYTHON_CHECK = `
import sys, xml.etree.ElementTree as ET
ns = {"t": "urn:iso:std:iso:30042:ed-2"}
root = ET.fromstring(sys.stdin.buffer.read())
assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx", root.tag
assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
XL = "{http://www.w3.org/XML/1998/namespace}lang"
out = []
for e in root.findall("t:text/t:body/t:conceptEntry", ns):
    subject = e.find("t:descrip[@type='subjectField']", ns).text
    langs = {l.get(XL): [(s.find("t:term", ns).text, (s.find("t:termNote[@type='administrativeStatus']", ns).text if s.find("t:termNote", ns) is not None else "")) for s in l.findall("t:termSec", ns)] for l in e.findall("t:langSec", ns)}
    out.append(f"{subject}|{langs['en'][0][0]}|" + ",".join(st for _, st in langs["ar"]))
print("\\n".join(out))
`;

describe("TBX", () => {
  it("is well-formed TBX v3 (conceptEntry > langSec > termSec) with administrative statuses", () => {
    const xml = writeTbx("ar", terms);
    const seen = execFileSync("python3", ["-c", PYTHON_CHECK], { input: xml }).toString().trim().split("\n");
    expect(seen).toEqual([
      "health|health worker|preferredTerm-admn-sts,admittedTerm-admn-sts,deprecatedTerm-admn-sts",
      "general|=SUM(A1)|preferredTerm-admn-sts,deprecatedTerm-admn-sts,deprecatedTerm-admn-sts",
    ]);
  });

  it("round-trips: export then import gives the same terms", () => {
    const read = readTbx(writeTbx("ar", terms), "ar");
    expect(read.rootOk).toBe(true);
    expect(read.terms.map((t) => t.problem)).toEqual([undefined, undefined]);
    expect(read.terms.map((t) => t.fields)).toEqual(terms);
  });

  it("reads TBX 2 (martif, termEntry, langSet, tig) and names entries without the language", () => {
    const martif = `<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
      <termEntry><descrip type="subjectField">WASH</descrip>
        <langSet xml:lang="en-US"><tig><term>oral rehydration solution</term></tig></langSet>
        <langSet xml:lang="fr-FR"><tig><term>solution de réhydratation orale</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
          <tig><term>SRO maison</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
      </termEntry>
      <termEntry><langSet xml:lang="en"><tig><term>mpox</term></tig></langSet></termEntry>
    </body></text></martif>`;
    const read = readTbx(martif, "fr");
    expect(read.terms[0].fields).toMatchObject({
      term: "oral rehydration solution",
      approved: "solution de réhydratation orale",
      forbidden: ["SRO maison"],
      domain: "WASH",
    });
    expect(read.terms[1].problem).toBe("noTargetTerm");
  });

  it("refuses what is not well-formed, and any DOCTYPE (no entity expansion, no external entity)", () => {
    expect(() => parseXml("<tbx><text></tbx>")).toThrow(XmlError);
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><tbx/>')).toThrow(/DOCTYPE/);
    expect(() => parseXml("<tbx>&foo;</tbx>")).toThrow(/entity/);
    expect(() => parseXml("<tbx/><tbx/>")).toThrow(XmlError);
  });
});

describe("CSV", () => {
  it("round-trips with formula-looking cells protected in the file and restored on reading", () => {
    const bytes = writeGlossaryCsv(terms);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("'=SUM(A1)");
    expect(text).toContain("'+1 brote");
    const read = readGlossaryCsv(text);
    expect(read.headerOk).toBe(true);
    expect(read.terms.map((t) => t.fields)).toEqual(terms);
    expect(read.terms.map((t) => t.row)).toEqual([2, 3]);
  });

  it("needs the term and approved columns; reads semicolon-separated files too", () => {
    expect(readGlossaryCsv("a,b\n1,2\n").headerOk).toBe(false);
    const read = readGlossaryCsv("term;approved;forbidden\noutbreak;brote;epidemia | foco\n");
    expect(read.terms[0].fields).toMatchObject({
      term: "outbreak",
      approved: "brote",
      forbidden: ["epidemia", "foco"],
    });
  });
});
