import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvStream, toCsv } from "@/lib/export/csv";
import { neutraliseCell } from "@/lib/export/spreadsheet-safety";
import { questionnaireToCsv } from "@/lib/export/questionnaire-csv";
import { bankToCsv } from "@/lib/export/bank-csv";
import { asciiSlug, attachmentHeader, safeFileName } from "@/lib/export/filename";
import { sampleQuestionnaire } from "./xlsform-fixture";

const BOM = [0xef, 0xbb, 0xbf];

function readBack(bytes: Uint8Array): Record<string, string>[] {
  return parse(Buffer.from(bytes), { bom: true, columns: true, relax_column_count: false });
}

describe("CSV writing", () => {
  it("starts with the UTF-8 byte-order mark and uses CRLF line ends", () => {
    const bytes = toCsv(["a"], [{ a: "x" }]);
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe("a\r\nx\r\n");
  });

  it("quotes commas, quotes and newlines, and keeps Arabic intact", () => {
    const tricky = { a: "one, two", b: 'say "hi"', c: "line 1\nline 2", d: "هل تثق بالراديو (عمرك ${age})؟" };
    const bytes = toCsv(["a", "b", "c", "d"], [tricky]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"one, two"');
    expect(text).toContain('"say ""hi"""');
    expect(text).toContain('"line 1\nline 2"');
    expect(readBack(bytes)).toEqual([tricky]);
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell("1+1")).toBe("1+1");
    expect(neutraliseCell("نعم = yes")).toBe("نعم = yes");
    const rows = readBack(
      toCsv(["label"], [{ label: '=HYPERLINK("http://x","click")' }, { label: "@SUM(A1)" }, { label: "-2+3" }]),
    );
    expect(rows.map((r) => r.label)).toEqual(['\'=HYPERLINK("http://x","click")', "'@SUM(A1)", "'-2+3"]);
  });
});

describe("questionnaire CSV", () => {
  it("has one row per section, question and choice, label and hint columns per language", () => {
    const doc = sampleQuestionnaire();
    const bytes = questionnaireToCsv(doc, { languages: doc.languages, fallback: null });
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    const rows = readBack(bytes);
    expect(Object.keys(rows[0])).toEqual([
      "row_type",
      "section",
      "name",
      "type",
      "list_name",
      "choice",
      "required",
      "relevant",
      "constraint",
      "label::English (en)",
      "label::Español (es)",
      "label::Français (fr)",
      "label::العربية (ar)",
      "hint::English (en)",
      "hint::Español (es)",
      "hint::Français (fr)",
      "hint::العربية (ar)",
    ]);
    expect(rows.map((r) => `${r.row_type}:${r.name}${r.choice ? `:${r.choice}` : ""}`)).toEqual([
      "section:consent",
      "question:consent_given",
      "choice:consent_given:yes",
      "choice:consent_given:no",
      "section:vaccination",
      "question:age",
      "question:sources",
      "choice:sources:radio",
      "choice:sources:health_workers",
      "choice:sources:other",
      "question:trusts_radio",
      "choice:trusts_radio:yes",
      "choice:trusts_radio:no",
      "question:why_not",
      "question:thanks",
    ]);
    const age = rows.find((r) => r.name === "age" && r.row_type === "question")!;
    expect(age["label::English (en)"]).toBe("'=How old are you?");
    expect(age["hint::English (en)"]).toBe('In years, comma, "quoted"\nsecond line');
    expect(age["label::العربية (ar)"]).toBe("كم عمرك؟");
    expect(age.constraint).toBe(". >= 18 and . <= 120");
    expect(rows[4].relevant).toBe("${consent_given} = 'yes'");
    expect(rows.find((r) => r.choice === "other")!["label::Français (fr)"]).toBe("Autre « source »");
  });

  it("names the languages filled from the fallback on each row", () => {
    const doc = sampleQuestionnaire();
    delete doc.sections[1].items[1].label.ar;
    delete doc.sections[1].items[1].label.es;
    const rows = readBack(questionnaireToCsv(doc, { languages: doc.languages, fallback: "en" }));
    const sources = rows.find((r) => r.name === "sources" && r.row_type === "question")!;
    expect(sources["label::العربية (ar)"]).toBe("Where do you get health information?");
    expect(sources.filled_from_fallback).toBe("es ar");
    expect(rows.find((r) => r.name === "age")!.filled_from_fallback).toBe("");
  });
});

describe("streamed CSV", () => {
  it("writes the same bytes as the whole-file writer, batch by batch", async () => {
    const records = [
      { a: "=1+1", b: "سطر\nثانٍ" },
      { a: "x", b: 2 },
      { a: " lead", b: "" },
    ];
    async function* batches() {
      yield records.slice(0, 1);
      yield [];
      yield records.slice(1);
    }
    const streamed = new Uint8Array(await new Response(csvStream(["a", "b"], batches())).arrayBuffer());
    expect(streamed).toEqual(toCsv(["a", "b"], records));
  });

  it("fails the download when reading fails, instead of ending a shorter file", async () => {
    async function* failing() {
      yield [{ a: "first" }];
      throw new Error("database went away");
    }
    await expect(new Response(csvStream(["a"], failing())).arrayBuffer()).rejects.toThrow();
  });
});

describe("bank CSV", () => {
  it("writes every question with its choices and each language's status", () => {
    const rows = readBack(
      bankToCsv([
        {
          code: "inf_trust",
          type: "select_one",
          status: "published",
          version: 2,
          listName: "yes_no",
          constraint: null,
          indicators: ["INF-01", "INF-02"],
          tags: ["trust"],
          source: "who-besd-2022",
          texts: {
            en: { label: "Trust?", hint: null, status: "approved" },
            ar: { label: "+ثقة؟", hint: "تلميح", status: "draft" },
          },
          choices: [{ name: "yes", labels: { en: "Yes", ar: "نعم" } }],
        },
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      row_type: "question",
      code: "inf_trust",
      version: "2",
      indicators: "INF-01 INF-02",
      "label::العربية (ar)": "'+ثقة؟",
      "translation_status::ar": "draft",
      "translation_status::es": "missing",
    });
    expect(rows[1]).toMatchObject({
      row_type: "choice",
      code: "inf_trust",
      choice: "yes",
      "label::العربية (ar)": "نعم",
    });
  });
});

describe("download file names", () => {
  it("give an ASCII fallback and the real name as filename*", () => {
    expect(asciiSlug("Évaluation rapide : vaccins", "x")).toBe("evaluation-rapide-vaccins");
    expect(asciiSlug("مسح سريع", "questionnaire")).toBe("questionnaire");
    expect(safeFileName('a/b\\c:"d"\n')).toBe("a b c d");
    expect(attachmentHeader({ name: "مسح سريع", asciiFallback: "rapid-survey", extension: "xlsx" })).toBe(
      "attachment; filename=rapid-survey.xlsx; filename*=UTF-8''%D9%85%D8%B3%D8%AD%20%D8%B3%D8%B1%D9%8A%D8%B9.xlsx",
    );
  });
});
