// The form model as read: its tree, languages, columns and settings, and the writer keeping the
// file's layout (headers as written, no group wrapped around ungrouped questions, form_id kept).
// No pyxform needed here; xlsform-form-roundtrip.test.ts proves the XForms are the same.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { classifyHeader, processHeader, type SheetKind } from "@/lib/xlsform/form/headers";
import { formModelSchema, walkSurvey, type FormModel, type SurveyNode } from "@/lib/xlsform/form/model";
import { describeProblem } from "@/lib/xlsform/form/problems";
import { parseType } from "@/lib/xlsform/form/question-types";
import { readFormFile } from "@/lib/xlsform/form/read-form";
import { readTables } from "@/lib/xlsform/form/read-tables";
import { formToWorkbook, writeFormFile } from "@/lib/xlsform/form/write-form";
import { FORMS, workbook } from "./xlsform-form/forms";
import { libreOfficeShaped } from "./xlsform-form/other-writers";

async function read(title: keyof typeof FORMS | Uint8Array): Promise<FormModel> {
  const result = await readFormFile(typeof title === "string" ? await workbook(FORMS[title]) : title);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.form;
}

const shape = (nodes: SurveyNode[]): unknown[] =>
  nodes.map((n) =>
    n.kind === "question"
      ? n.name
      : n.kind === "skipped"
        ? `(${n.reason})`
        : { [`${n.kind}:${n.name}`]: shape(n.children) },
  );

describe("reading an XLSForm into the form model", () => {
  it("nests groups and repeats, with repeat_count and relevant on the container", async () => {
    const form = await read("nested groups and repeats with repeat_count");
    expect(shape(form.survey)).toEqual([
      "hh_size",
      {
        "group:household": [
          "village",
          { "group:head": ["head_name"] },
          {
            "repeat:member": ["member_name", "age", { "repeat:visit": ["visit_date", { "group:vitals": ["weight"] }] }],
          },
        ],
      },
      "thanks",
    ]);
    const visit = [...walkSurvey(form.survey)].find((n) => n.kind === "repeat" && n.name === "visit")!;
    expect(visit.values).toEqual({ relevant: "${age} < 5", repeat_count: "${age} + 1" });
  });

  it("marks the bare label column as the default language and keeps every language in column order", async () => {
    const form = await read("six languages with a bare label column");
    expect(form.languages).toEqual([
      { name: "English (en)", isDefault: true, bare: true, code: "en" },
      { name: "Français (fr)", isDefault: false, bare: false, code: "fr" },
      { name: "Español (es)", isDefault: false, bare: false, code: "es" },
      { name: "العربية (ar)", isDefault: false, bare: false, code: "ar" },
      { name: "Kiswahili (sw)", isDefault: false, bare: false, code: "sw" },
      { name: "Hausa (ha)", isDefault: false, bare: false, code: "ha" },
    ]);
    const age = [...walkSurvey(form.survey)].find((n) => n.kind === "question" && n.name === "age")!;
    expect(age.texts.label).toMatchObject({
      "English (en)": "Age",
      "Kiswahili (sw)": "Umri",
      "العربية (ar)": "العمر ${age}",
    });
    expect(age.texts.constraint_message).toEqual({
      "English (en)": "Between 0 and 120",
      "Hausa (ha)": "Tsakanin 0 da 120",
    });
    expect(form.choiceLists[0].choices.map((c) => c.texts.label["Hausa (ha)"])).toEqual(["Eh", "A'a"]);
  });

  it("reads header spellings and aliases as pyxform does, keeping each header as written", async () => {
    const form = await read("header spellings: LABEL::EN, Hint, relevance, read_only, count");
    expect(form.columns.survey.map((c) => [c.header, c.key, c.language])).toEqual([
      ["TYPE", "type", null],
      ["Name", "name", null],
      ["LABEL::EN", "label", "EN"],
      ["Label::FR", "label", "FR"],
      ["Hint::EN", "hint", "EN"],
      ["relevance", "relevant", null],
      ["read_only", "read_only", null],
      ["count", "repeat_count", null],
      ["Appearance", "appearance", null],
      ["Calculate", "calculation", null],
    ]);
    expect(form.settings.values).toEqual({
      form_title: "Spellings",
      form_id: "spellings",
      version: "3",
      default_language: "EN",
    });
    const single = await read("type aliases and single-colon headers");
    expect(single.languages.map((l) => l.name)).toEqual(["English", "French"]);
    expect(single.columns.choices.map((c) => c.key)).toEqual(["list_name", "name", "label", "label"]);
    expect([...walkSurvey(single.survey)].map((n) => (n.kind === "skipped" ? "" : n.type))).toContain(
      "select all that apply from colours",
    );
  });

  it("classifies headers as pyxform reads them", () => {
    const column = (header: string, kind: SheetKind = "survey", doubleColon = true) => {
      const { tokens } = processHeader(header, doubleColon, kind);
      const ref = classifyHeader(header, tokens, kind);
      return [ref.kind, ref.key, ref.language];
    };
    expect(column("label::English (en)")).toEqual(["text", "label", "English (en)"]);
    expect(column("label:English", "survey", false)).toEqual(["text", "label", "English"]);
    expect(column("jr:count", "survey", false)).toEqual(["value", "repeat_count", null]);
    expect(column("image::Français (fr)")).toEqual(["text", "media::image", "Français (fr)"]);
    expect(column("media::big-image::Hausa (ha)")).toEqual(["text", "media::big-image", "Hausa (ha)"]);
    expect(column("constraining_message::Kiswahili (sw)")).toEqual(["text", "constraint_message", "Kiswahili (sw)"]);
    expect(column("requiredMsg")).toEqual(["text", "required_message", null]);
    expect(column("readonly")).toEqual(["value", "read_only", null]);
    expect(column("Relevance")).toEqual(["value", "relevant", null]);
    expect(column("bind::relevant")).toEqual(["verbatim", "bind::relevant", null]);
    expect(column("body::intent")).toEqual(["verbatim", "body::intent", null]);
    expect(column("district", "choices")).toEqual(["verbatim", "district", null]);
    expect(column("Value", "choices")).toEqual(["value", "name", null]);
    expect(column("set_form_id", "settings")).toEqual(["value", "form_id", null]);
    expect(column("Form Title", "settings")).toEqual(["value", "form_title", null]);
  });

  it("understands type aliases", () => {
    expect(parseType("begin group")).toEqual({ kind: "begin", control: "group", listName: null });
    expect(parseType("end_repeat")).toEqual({ kind: "end", control: "repeat" });
    expect(parseType("select one yn")).toEqual({
      kind: "select",
      select: "select_one",
      listName: "yn",
      orOther: false,
    });
    expect(parseType("select all that apply from colours or_other")).toEqual({
      kind: "select",
      select: "select_multiple",
      listName: "colours",
      orOther: true,
    });
    expect(parseType("select_one_from_file cities.csv")).toEqual({
      kind: "select",
      select: "select_one_from_file",
      listName: "cities.csv",
      orOther: false,
    });
    expect(parseType("int")).toEqual({ kind: "question", type: "integer" });
    expect(parseType("gps")).toEqual({ kind: "question", type: "geopoint" });
    expect(parseType("imei")).toEqual({ kind: "question", type: "deviceid" });
    expect(parseType("Text")).toEqual({ kind: "unknown", type: "Text" });
  });

  it("keeps bind::, instance::, body:: and unknown columns verbatim, under their header", async () => {
    const form = await read("bind:: and instance:: columns and unknown columns kept verbatim");
    const when = form.survey.find((n) => n.kind === "question" && n.name === "when")!;
    expect(when.verbatim).toEqual({
      "bind::jr:preload": "timestamp",
      "bind::jr:preloadParams": "start",
      "Designer notes": "auto",
      "kobo--score": "3",
    });
    expect(form.columns.survey.filter((c) => c.kind === "verbatim").map((c) => c.header)).toEqual([
      "bind::jr:preload",
      "bind::jr:preloadParams",
      "instance::odk:tag",
      "Designer notes",
      "kobo--score",
      "body::accuracyThreshold",
    ]);
  });

  it("keeps choice lists in order with their extra columns for choice_filter", async () => {
    const form = await read("cascading selects with choice_filter and extra choice columns");
    expect(form.choiceLists.map((l) => [l.name, l.choices.map((c) => c.name)])).toEqual([
      ["region", ["north", "south"]],
      ["district", ["n1", "n2", "s1"]],
      ["symptom", ["fever", "cough", "rash"]],
      ["facility", ["f1", "f2"]],
    ]);
    expect(form.choiceLists[3].choices[0].verbatim).toEqual({ region: "north", district: "n1" });
    expect(form.choiceLists[2].choices[0].verbatim).toEqual({ level: "1" });
  });

  it("survives JSON and the zod schema unchanged (how another layer stores it)", async () => {
    const form = await read("nested groups and repeats with repeat_count");
    expect(formModelSchema.parse(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it("reads a LibreOffice-shaped file by its rows that hold something", async () => {
    const tables = await readTables(await libreOfficeShaped());
    expect(tables.ok).toBe(true);
    if (!tables.ok) return;
    expect(tables.warnings).toEqual([]);
    expect(tables.workbook.sheets[0].rows).toHaveLength(81);
  });

  it("ignores rows after more than 60 empty rows, as pyxform does, and says so", async () => {
    const rows = [
      ["type", "name", "label"],
      ["text", "a", "A"],
      ...Array.from({ length: 61 }, () => [null]),
      ["text", "b", "B"],
    ];
    const result = await readFormFile(await workbook({ survey: rows }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.form.survey.map((n) => (n.kind === "question" ? n.name : ""))).toEqual(["a"]);
    expect(result.warnings).toEqual([
      { code: "rows_after_gap_ignored", severity: "warning", sheet: "survey", row: 64, value: "60" },
    ]);
  });

  it("reads the value a formula cell was saved with, never evaluating it, and says so", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label"],
        ["text", "a", "A"],
      ],
    });
    const zip = await JSZip.loadAsync(bytes);
    const path = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(path)!.async("string")).replace(
      /<row r="2"[\s\S]*?<\/row>/,
      '<row r="2"><c r="A2" t="inlineStr"><is><t>text</t></is></c><c r="B2" t="str"><f>LOWER("B")</f><v>b</v></c><c r="C2" t="inlineStr"><is><t>B</t></is></c></row>',
    );
    zip.file(path, xml);
    const result = await readFormFile(new Uint8Array(await zip.generateAsync({ type: "uint8array" })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.form.survey[0]).toMatchObject({ kind: "question", type: "text", name: "b" });
    expect(result.warnings).toEqual([
      { code: "formula_cell", severity: "warning", sheet: "survey", row: 2, column: "name", value: "b" },
    ]);
  });

  it("refuses an old .xls file, saying how to save it as .xlsx", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await readFormFile(ole);
    expect(result).toMatchObject({ ok: false, problems: [{ code: "old_excel_format", severity: "error" }] });
    if (result.ok) return;
    expect(describeProblem(result.problems[0])).toMatch(/save it as an Excel Workbook \(\.xlsx\)/);
  });
});

describe("writing the form model", () => {
  it("writes every sheet with its headers as they were, and form_id and settings exactly", async () => {
    for (const title of Object.keys(FORMS) as (keyof typeof FORMS)[]) {
      const form = await read(title);
      const written = formToWorkbook(form);
      for (const [name, rows] of Object.entries(FORMS[title])) {
        const sheet = written.sheets.find((s) => s.name === name)!;
        expect(sheet.headers, `${title}: ${name}`).toEqual(rows[0].filter((h) => h !== null));
      }
      expect(written.sheets.map((s) => s.name)).toEqual(Object.keys(FORMS[title]));
    }
    const settings = await read(
      "settings with form_id, version, default_language, instance_name, style and an unknown setting",
    );
    const again = await readFormFile(await writeFormFile(settings));
    expect(again.ok && again.form.settings).toEqual(settings.settings);
    expect(settings.settings.verbatim).toEqual({ project_code: "HX-22" });
  });

  it("never wraps ungrouped questions in a group", async () => {
    const form = await read("calculate, hidden and metadata without any group");
    const tables = await readTables(await writeFormFile(form));
    if (!tables.ok) throw new Error("unreadable");
    const types = tables.workbook.sheets[0].rows.map((r) => r.cells.type);
    expect(types).toEqual([
      "start",
      "end",
      "today",
      "deviceid",
      "username",
      "audit",
      "integer",
      "integer",
      "calculate",
      "hidden",
      "text",
      "calculate",
      "note",
    ]);
  });

  it("adds columns for texts and languages the model gained, spelled the xlsform.org way", async () => {
    const form = await read("guidance_hint, required and constraint messages in two languages");
    const weeks = form.survey[0];
    weeks.texts.label["Kiswahili (sw)"] = "Wiki za ujauzito";
    weeks.values.appearance = "numbers";
    const written = formToWorkbook(form).sheets[0];
    expect(written.headers.slice(-2)).toEqual(["label::Kiswahili (sw)", "appearance"]);
    expect(written.rows[0].cells["label::Kiswahili (sw)"]).toBe("Wiki za ujauzito");
  });

  it("writes text that looks like a formula, control characters and _xHHHH_ as text that reads back the same, in a file exceljs opens", async () => {
    const tricky = [
      '=HYPERLINK("http://x")',
      "+1",
      "-2",
      "@sum",
      "line one\nline two",
      "bell\u0007",
      "_x0041_ literal",
      "  spaced  ",
      'a & b < c > d "q"',
    ];
    const form = await read("calculate, hidden and metadata without any group");
    const note = form.survey.find((n) => n.kind === "question" && n.name === "summary")!;
    note.verbatim = Object.fromEntries(tricky.map((t, i) => [`extra_${i}`, t]));
    const bytes = await writeFormFile(form);
    const again = await readFormFile(bytes);
    if (!again.ok) throw new Error("unreadable");
    const back = again.form.survey.find((n) => n.kind === "question" && n.name === "summary")!;
    // pyxform trims cells, so the reader does too.
    expect(back.verbatim).toEqual(Object.fromEntries(tricky.map((t, i) => [`extra_${i}`, t.trim()])));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const survey = book.getWorksheet("survey")!;
    const header = (survey.getRow(1).values as unknown[]).indexOf("extra_0");
    const row = survey.getRow(note.row);
    expect(row.getCell(header).value).toBe(tricky[0]);
    expect(row.getCell(header).type).toBe(ExcelJS.ValueType.String);
    expect(survey.getCell("A1").font?.bold).toBe(true);
  });
});
