import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildXlsform } from "@/lib/xlsform/build";
import { writeXlsx } from "@/lib/xlsform/write-xlsx";
import { importXlsformFile } from "@/lib/xlsform/import/import-file";
import { bankLanguageOf } from "@/lib/xlsform/import/languages";
import { MAX_UPLOAD_BYTES } from "@/lib/xlsform/read-xlsx";
import type { ImportIssue } from "@/lib/xlsform/import/types";
import type { TranslatedText } from "@/lib/questionnaires/model";
import { sampleQuestionnaire } from "./xlsform-fixture";
import { makeZip } from "./xlsform-zip";

/** An .xlsx written the way a person types a form in Excel: sheets of rows, the header first. */
async function handWritten(sheets: Record<string, (string | number | { formula: string })[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const plain = (text: TranslatedText) => Object.fromEntries(Object.entries(text).map(([l, e]) => [l, e!.text]));
const where = (issues: ImportIssue[]) =>
  issues.map((i) => `${i.code}@${i.sheet ?? ""}:${i.row ?? ""}:${i.column ?? ""}`);

describe("importing an XLSForm", () => {
  it("round-trips: exporting a questionnaire and importing the file gives the same questionnaire", async () => {
    const doc = sampleQuestionnaire();
    const bytes = await writeXlsx(buildXlsform(doc, { languages: doc.languages, fallback: null }).workbook);
    const result = await importXlsformFile(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toEqual([]);
    const q = result.questionnaire;
    expect(q).toMatchObject({
      title: "Sample rapid survey",
      formId: "sample_rapid_survey",
      languages: ["en", "es", "fr", "ar"],
      defaultLanguage: "en",
    });
    expect(q.sections.map((s) => ({ name: s.name, title: s.title, relevant: s.relevant }))).toEqual(
      doc.sections.map((s) => ({ name: s.name, title: plain(s.title), relevant: s.relevant })),
    );
    expect(q.sections.flatMap((s) => s.items.map(({ row: _row, ...item }) => item))).toEqual(
      doc.sections.flatMap((s) =>
        s.items.map((i) => ({
          name: i.name,
          type: i.type,
          listName: i.listName,
          label: plain(i.label),
          hint: plain(i.hint),
          required: i.required,
          requiredMessage: {},
          relevant: i.relevant,
          constraint: i.constraint,
          constraintMessage: plain(i.constraintMessage),
        })),
      ),
    );
    expect(q.choiceLists.map((l) => ({ name: l.name, choices: l.choices.map(({ row: _row, ...c }) => c) }))).toEqual(
      doc.choiceLists.map((l) => ({
        name: l.name,
        choices: l.choices.map((c) => ({ name: c.name, label: plain(c.label) })),
      })),
    );
  });

  it("reads an ODK-style form with a bare label column, no groups and metadata fields", async () => {
    const bytes = await handWritten({
      survey: [
        ["type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "appearance"],
        ["start", "start"],
        ["end", "end"],
        ["select_one yes_no", "consent", "Do you agree to take part?", "", "yes"],
        [
          "integer",
          "age",
          "How old are you?",
          "In completed years",
          "yes",
          "${consent} = 'yes'",
          ". >= 0 and . <= 120",
          "Between 0 and 120",
        ],
        ["select_multiple sources", "sources", "Where do you get news?", "", "", "${age} >= 18", "", "", "minimal"],
        ["text", "sources_other", "Which other source?", "", "", "selected(${sources}, 'other')"],
      ],
      choices: [
        ["list name", "name", "label"],
        ["yes_no", "yes", "Yes"],
        ["yes_no", "no", "No"],
        ["sources", "radio", "Radio"],
        ["sources", "other", "Other"],
      ],
      settings: [
        ["form_title", "form_id"],
        ["Community check", "community_check"],
      ],
    });
    const result = await importXlsformFile(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const q = result.questionnaire;
    expect(q.languages).toEqual(["en"]);
    expect(q.defaultLanguage).toBe("en");
    expect(q.title).toBe("Community check");
    expect(q.sections).toHaveLength(1);
    expect(q.sections[0]).toMatchObject({ name: "questions", title: { en: "Community check" } });
    expect(q.sections[0].items.map((i) => [i.name, i.type, i.listName, i.required])).toEqual([
      ["consent", "select_one", "yes_no", true],
      ["age", "integer", null, true],
      ["sources", "select_multiple", "sources", false],
      ["sources_other", "text", null, false],
    ]);
    expect(q.sections[0].items[1]).toMatchObject({
      label: { en: "How old are you?" },
      hint: { en: "In completed years" },
      constraint: ". >= 0 and . <= 120",
      constraintMessage: { en: "Between 0 and 120" },
      relevant: { combinator: "and", rules: [{ question: "consent", operator: "eq", value: "yes" }] },
    });
    expect(q.sections[0].items[3].relevant).toEqual({
      combinator: "and",
      rules: [{ question: "sources", operator: "selected", value: "other" }],
    });
    expect(q.choiceLists.map((l) => [l.name, l.choices.map((c) => c.label.en)])).toEqual([
      ["yes_no", ["Yes", "No"]],
      ["sources", ["Radio", "Other"]],
    ]);
    expect(result.notices.map((n) => n.code).sort()).toEqual(
      ["bare_label_language", "column_ignored", "metadata_skipped", "metadata_skipped", "missing_setting"].sort(),
    );
  });

  it("reads languages from column headers, by code or by name, and notes the ones the bank does not hold", async () => {
    const bytes = await handWritten({
      survey: [
        ["type", "name", "label::English", "label::French", "label::Kiswahili (sw)", "label::العربية (ar)"],
        ["text", "q", "Name?", "Nom ?", "Jina?", "الاسم؟"],
      ],
      settings: [
        ["form_title", "form_id", "version", "default_language"],
        ["T", "t", "1", "French"],
      ],
    });
    const result = await importXlsformFile(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.questionnaire.languages).toEqual(["en", "fr", "ar"]);
    expect(result.questionnaire.defaultLanguage).toBe("fr");
    expect(result.questionnaire.sections[0].items[0].label).toEqual({ en: "Name?", fr: "Nom ?", ar: "الاسم؟" });
    expect(result.notices.filter((n) => n.code === "language_ignored").map((n) => n.value)).toEqual(["Kiswahili (sw)"]);
    expect(bankLanguageOf("Español (es)")).toBe("es");
    expect(bankLanguageOf("es-MX")).toBeNull();
    expect(bankLanguageOf("Spanish (es-MX)")).toBe("es");
  });

  it("refuses a broken form with errors by sheet, row and column, and imports nothing", async () => {
    const bytes = await handWritten({
      survey: [
        ["type", "name", "label", "relevant"],
        ["Text", "a", "A"],
        ["select_one colours", "b", "B"],
        ["integer", "c", "C", "${later} > 2"],
        ["integer", "c", "C again"],
        ["integer", "later", "Later"],
        ["begin_group", "g", "G"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yes_no", "yes", "Yes"],
      ],
    });
    const result = await importXlsformFile(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(where(result.errors)).toEqual([
      "unknown_type@survey:2:type",
      "unknown_list@survey:3:type",
      "duplicate_name@survey:5:name",
      "unclosed_group@survey:7:type",
      "later_reference@survey:4:relevant",
    ]);
  });

  it("refuses what the bank cannot hold, row by row, rather than dropping it", async () => {
    const bytes = await handWritten({
      survey: [
        ["type", "name", "label", "relevant", "required"],
        ["begin_group", "outer", "Outer"],
        ["begin_group", "inner", "Inner"],
        ["calculate", "score", "", "", ""],
        ["select_one yn", "q", "Q", "", "${score} > 1"],
        ["select_multiple yn", "m", "M", "${q} = 'maybe'"],
        ["text", "t", "T", "${m} = 'yes' and ${q} = 'no' or ${q} = 'yes'"],
        ["end_group"],
        ["end_group"],
        ["begin_repeat", "people", "People"],
        ["end_repeat"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
      ],
    });
    const result = await importXlsformFile(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(where(result.errors)).toEqual([
      "nested_group@survey:3:type",
      "unsupported_type@survey:4:type",
      "required_unreadable@survey:5:required",
      "relevant_mixed@survey:7:relevant",
      "repeat_not_supported@survey:10:type",
    ]);
  });

  it("refuses skip logic that compares a question the wrong way", async () => {
    const bytes = await handWritten({
      survey: [
        ["type", "name", "label", "relevant"],
        ["select_one yn", "q", "Q"],
        ["select_multiple yn", "m", "M", "${q} = 'maybe'"],
        ["text", "t", "T", "${m} = 'yes'"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
      ],
    });
    const result = await importXlsformFile(bytes);
    expect(result.ok ? [] : where(result.errors)).toEqual([
      "relevant_unknown_choice@survey:3:relevant",
      "relevant_wrong_operator@survey:4:relevant",
    ]);
  });
});

describe("malicious or unusable files are refused safely", () => {
  const code = async (bytes: Uint8Array) => {
    const result = await importXlsformFile(bytes);
    return result.ok ? "accepted" : result.errors.map((e) => e.code).join(",");
  };

  it("refuses a file over the size limit before unpacking it", async () => {
    expect(await code(new Uint8Array(MAX_UPLOAD_BYTES + 1))).toBe("file_too_large");
  });

  it("refuses what is not a spreadsheet", async () => {
    expect(await code(new TextEncoder().encode("type,name,label\ntext,a,A\n"))).toBe("not_a_spreadsheet");
    expect(await code(makeZip([{ name: "hello.txt", data: Buffer.from("hi") }]))).toBe("not_a_spreadsheet");
  });

  it("refuses a zip bomb from the sizes in its directory, before inflating it", async () => {
    const bomb = makeZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(40 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await code(bomb)).toBe("unpacked_too_large");
  });

  it("refuses a zip whose directory lies about a part's size", async () => {
    const liar = makeZip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(2 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    expect(await code(liar)).toBe("not_a_spreadsheet");
  });

  it("refuses XML with entity declarations (billion laughs)", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><workbook>&lol2;</workbook>`;
    expect(await code(makeZip([{ name: "xl/workbook.xml", data: Buffer.from(laughs) }]))).toBe("unsafe_xml");
  });

  it("refuses formulas, saying where they are", async () => {
    const bytes = await handWritten({
      survey: [
        ["type", "name", "label"],
        ["text", "a", { formula: 'HYPERLINK("http://example.invalid","click")' }],
      ],
    });
    const result = await importXlsformFile(bytes);
    expect(result.ok ? [] : where(result.errors)).toEqual(["formula_cell@survey:2:label"]);
  });
});
