import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildXlsform } from "@/lib/xlsform/build";
import { writeXlsx } from "@/lib/xlsform/write-xlsx";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { validateXlsform } from "@/lib/xlsform/validate";
import { findSheet, type XlsformWorkbook } from "@/lib/xlsform/workbook";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { sampleQuestionnaire } from "./xlsform-fixture";

const FOUR = ["label::English (en)", "label::Español (es)", "label::Français (fr)", "label::العربية (ar)"];

function rowsOf(workbook: XlsformWorkbook, sheet: string) {
  return findSheet(workbook, sheet)!.rows.map((r) => r.cells);
}

describe("XLSForm export of a four-language questionnaire", () => {
  const doc = sampleQuestionnaire();
  const built = buildXlsform(doc, { languages: doc.languages, fallback: null });

  it("is ready and builds tables the pyxform rules accept with no error and no warning", () => {
    expect(checkReadiness(doc).issues).toEqual([]);
    expect(validateXlsform(built.workbook)).toEqual([]);
    expect(built.filledFromFallback).toBe(0);
  });

  it("writes every translated column for the same four languages, groups for sections and skip logic", () => {
    const survey = findSheet(built.workbook, "survey")!;
    for (const base of ["label", "hint", "required_message", "constraint_message"]) {
      expect(survey.headers.filter((h) => h.startsWith(`${base}::`))).toEqual(
        FOUR.map((h) => h.replace("label", base)),
      );
    }
    expect(survey.headers).not.toContain("label");
    const rows = rowsOf(built.workbook, "survey");
    expect(rows.map((r) => r.type)).toEqual([
      "begin_group",
      "select_one yes_no",
      "end_group",
      "begin_group",
      "integer",
      "select_multiple sources",
      "select_one yes_no",
      "text",
      "note",
      "end_group",
    ]);
    const group = rows[3];
    expect(group.name).toBe("vaccination");
    expect(group["label::العربية (ar)"]).toBe("التطعيم");
    expect(group.relevant).toBe("${consent_given} = 'yes'");
    const age = rows[4];
    expect(age.required).toBe("yes");
    expect(age["required_message::Français (fr)"]).toBe("Cette question demande une réponse.");
    expect(age.constraint).toBe(". >= 18 and . <= 120");
    expect(age["constraint_message::العربية (ar)"]).toBe("بين 18 و120");
    expect(rows[5].relevant).toBe("${age} >= 18");
    expect(rows[6].relevant).toBe("selected(${sources}, 'radio') or not(selected(${sources}, 'health_workers'))");
    expect(rows[6]["label::العربية (ar)"]).toBe("هل تثق بالراديو (عمرك ${age})؟");
    expect(rows[7].relevant).toBe("${trusts_radio} != 'yes'");
    expect(rows[8].required).toBe("");
  });

  it("writes each choice list once, even when two questions share it", () => {
    const choices = rowsOf(built.workbook, "choices");
    expect(choices.filter((c) => c.list_name === "yes_no").map((c) => c.name)).toEqual(["yes", "no"]);
    expect(choices.map((c) => c.list_name)).toEqual(["yes_no", "yes_no", "sources", "sources", "sources"]);
    expect(findSheet(built.workbook, "choices")!.headers).toEqual(["list_name", "name", ...FOUR]);
  });

  it("writes settings whose default_language matches a language column exactly", () => {
    expect(rowsOf(built.workbook, "settings")).toEqual([
      {
        form_title: "Sample rapid survey",
        form_id: "sample_rapid_survey",
        version: "202501010000",
        default_language: "English (en)",
      },
    ]);
  });

  it("survives being written to .xlsx and read back: the same tables, still valid", async () => {
    const bytes = await writeXlsx(built.workbook);
    const read = await readXlsx(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(validateXlsform(read.workbook)).toEqual([]);
    for (const name of ["survey", "choices", "settings"]) {
      const original = findSheet(built.workbook, name)!;
      const back = findSheet(read.workbook, name)!;
      expect(back.headers).toEqual(original.headers);
      // Empty cells are not stored in .xlsx; compare the cells that hold text.
      const nonEmpty = (cells: Record<string, string>) =>
        Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ""));
      expect(back.rows.map((r) => nonEmpty(r.cells))).toEqual(original.rows.map((r) => nonEmpty(r.cells)));
    }
  });

  it("stores a label that looks like a formula as text, with text format, never as a formula", async () => {
    const bytes = await writeXlsx(built.workbook);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const survey = book.getWorksheet("survey")!;
    const labelColumn = (survey.getRow(1).values as string[]).indexOf("label::English (en)");
    const cell = survey.getRow(6).getCell(labelColumn);
    expect(cell.value).toBe("=How old are you?");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe("@");
    expect(book.worksheets.map((w) => w.name)).toEqual(["survey", "choices", "settings"]);
  });

  it("exports only the chosen languages, the same set on every translated column", () => {
    const two = buildXlsform(doc, { languages: ["fr", "ar"], fallback: null }).workbook;
    expect(validateXlsform(two)).toEqual([]);
    const headers = [...findSheet(two, "survey")!.headers, ...findSheet(two, "choices")!.headers].filter((h) =>
      h.includes("::"),
    );
    expect(new Set(headers.map((h) => h.split("::")[1]))).toEqual(new Set(["Français (fr)", "العربية (ar)"]));
    expect(rowsOf(two, "settings")[0].default_language).toBe("Français (fr)");
  });
});

describe("a missing translation", () => {
  it("blocks the export, and with a fallback is filled from it and stated in the form title", async () => {
    const doc = sampleQuestionnaire();
    const age = doc.sections[1].items[0];
    delete age.label.ar;
    age.hint.es = { text: "En años (borrador)", status: "draft" };
    const readiness = checkReadiness(doc);
    expect(readiness.ready).toBe(false);
    expect(readiness.issues).toEqual([
      { kind: "missing_translation", lang: "ar", place: { field: "label", section: "vaccination", item: "age" } },
      {
        kind: "unapproved_translation",
        lang: "es",
        status: "draft",
        place: { field: "hint", section: "vaccination", item: "age" },
      },
    ]);

    const withFallback = checkReadiness(doc, { fallback: "en" });
    expect(withFallback.ready).toBe(true);
    expect(withFallback.filledFromFallback).toBe(2);
    const built = buildXlsform(doc, { languages: doc.languages, fallback: "en" });
    expect(built.filledFromFallback).toBe(2);
    expect(validateXlsform(built.workbook)).toEqual([]);
    const ageRow = rowsOf(built.workbook, "survey")[4];
    expect(ageRow["label::العربية (ar)"]).toBe("=How old are you?");
    expect(ageRow["hint::Español (es)"]).toBe(doc.sections[1].items[0].hint.en!.text);
    expect(rowsOf(built.workbook, "settings")[0].form_title).toBe(
      "Sample rapid survey (missing translations shown in English)",
    );
  });

  it("without a fallback leaves a hole that the validator reports rather than hiding", () => {
    const doc = sampleQuestionnaire();
    delete doc.choiceLists[0].choices[1].label.fr;
    const built = buildXlsform(doc, { languages: doc.languages, fallback: null });
    expect(validateXlsform(built.workbook)).toEqual([
      {
        severity: "warning",
        code: "missing_translation",
        sheet: "choices",
        row: 3,
        column: "label::Français (fr)",
        value: "Français (fr)",
      },
    ]);
  });
});
