import { describe, expect, it } from "vitest";
import { validateXlsform, type XlsformIssue } from "@/lib/xlsform/validate";
import type { XlsformWorkbook } from "@/lib/xlsform/workbook";

/** A workbook from rows written as arrays, the header first, the way a person sees a sheet. */
function workbook(sheets: Record<string, string[][]>): XlsformWorkbook {
  return {
    sheets: Object.entries(sheets).map(([name, [headers, ...rows]]) => ({
      name,
      headers,
      rows: rows.map((values, i) => ({
        row: i + 2,
        cells: Object.fromEntries(headers.map((h, c) => [h, values[c] ?? ""])),
      })),
    })),
  };
}

const EN = "label::English (en)";
const AR = "label::العربية (ar)";
const settings = [
  ["form_title", "form_id", "version", "default_language"],
  ["T", "t", "1", "English (en)"],
];
const yesNo = [
  ["list_name", "name", EN, AR],
  ["yn", "yes", "Yes", "نعم"],
  ["yn", "no", "No", "لا"],
];

function codes(issues: XlsformIssue[]) {
  return issues.map(
    (i) => `${i.severity}:${i.code}:${i.sheet}:${i.row ?? "-"}:${i.column ?? "-"}${i.value ? `:${i.value}` : ""}`,
  );
}

describe("the pyxform rules", () => {
  it("accept a clean two-language form", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR, "relevant"],
        ["begin_group", "g", "Group", "مجموعة", ""],
        ["select_one yn", "q1", "Q1?", "س1؟", ""],
        ["text", "q2", "Why ${q1}?", "لماذا ${q1}؟", "${q1} = 'no'"],
        ["end_group", "", "", "", ""],
      ],
      choices: yesNo,
      settings,
    });
    expect(validateXlsform(wb)).toEqual([]);
  });

  it("refuse wrong types, names, reserved names and duplicates in a group", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR],
        ["Text", "a", "A", "أ"],
        ["text", "1bad", "B", "ب"],
        ["text", "meta", "C", "ج"],
        ["text", "data", "C", "ج"],
        ["text", "dup", "D", "د"],
        ["text", "dup", "D", "د"],
        ["text", "Dup", "D", "د"],
        ["text", "", "E", "هـ"],
        ["", "orphan", "F", "و"],
        ["select_one  yn", "s2", "S", "س"],
        ["select_one nolist", "s3", "S", "س"],
        ["integer", "nolabel", "", ""],
      ],
      choices: yesNo,
      settings,
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "error:unknown_type:survey:2:type:Text",
      "error:invalid_name:survey:3:name:1bad",
      "error:reserved_name:survey:4:name:meta",
      "error:reserved_name:survey:5:name:data",
      "error:duplicate_name:survey:7:name:dup",
      "warning:duplicate_name_case:survey:8:name:Dup",
      "error:missing_name:survey:9:name",
      "error:missing_type:survey:10:type:orphan",
      "error:bad_select_type:survey:11:type:select_one  yn",
      "error:unknown_list:survey:12:type:nolist",
      "error:missing_label:survey:13:label::English (en):nolabel",
    ]);
  });

  it("allow the same name in different groups, but then refuse an ambiguous ${} reference", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR, "relevant"],
        ["begin_group", "g1", "G1", "م1", ""],
        ["text", "x", "X", "س", ""],
        ["end_group", "", "", "", ""],
        ["begin_group", "g2", "G2", "م2", ""],
        ["text", "x", "X", "س", ""],
        ["text", "y", "Y", "ص", "${x} = 'a'"],
        ["end_group", "", "", "", ""],
      ],
      settings,
    });
    expect(codes(validateXlsform(wb))).toEqual(["error:ambiguous_reference:survey:7:relevant:x"]);
  });

  it("refuse references to unknown or later questions, malformed references and unbalanced expressions", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR, "relevant", "constraint"],
        ["integer", "a", "A ${nowhere}", "أ", "${b} > 1", ". > 0 and ${a} < 200"],
        ["integer", "b", "B", "ب", "${a} > (1", ""],
        ["integer", "c", "C", "ج", "${a > 1", ""],
        ["integer", "d", "D", "د", "${d} > 1", ""],
      ],
      settings,
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "error:later_reference:survey:2:relevant:b",
      "error:unknown_reference:survey:2:label::English (en):nowhere",
      "error:expression_syntax:survey:3:relevant:${a} > (1",
      "error:malformed_reference:survey:4:relevant:${a > 1",
      "error:later_reference:survey:5:relevant:d",
    ]);
  });

  it("refuse unbalanced groups", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR],
        ["end_group", "", "", ""],
        ["begin_group", "g", "G", "م"],
        ["begin_repeat", "r", "R", "ر"],
        ["text", "t", "T", "ت"],
        ["end_group", "", "", ""],
      ],
      settings,
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "error:unmatched_end:survey:2:type:end_group",
      "error:unmatched_end:survey:6:type:end_group",
      "error:unclosed_group:survey:3:type",
      "error:unclosed_group:survey:4:type",
    ]);
  });

  it("check choice lists: names unique per list, no spaces for select_multiple, a label on each", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR],
        ["select_multiple m", "q", "Q", "س"],
        ["select_one o", "p", "P", "ص"],
      ],
      choices: [
        ["list_name", "name", EN, AR],
        ["m", "a b", "A B", "أ ب"],
        ["m", "c", "C", "ج"],
        ["m", "c", "C again", "ج"],
        ["o", "x y", "X Y", "س ص"],
        ["o", "z", "", ""],
        ["", "w", "W", "و"],
        ["bad list", "v", "V", "ف"],
      ],
      settings,
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "error:duplicate_choice:choices:4:name:c",
      "error:missing_choice_label:choices:6:label::English (en):z",
      "error:missing_list_name:choices:7:list_name:w",
      "error:invalid_list_name:choices:8:list_name:bad list",
      "error:choice_name_with_space:choices:2:name:a b",
    ]);
  });

  it("check languages: the same set everywhere, no bare column beside translated ones, codes, default_language", () => {
    const wb = workbook({
      survey: [
        ["type", "name", "label", EN, AR, "hint::English (en)", "label::Swahili"],
        ["text", "a", "A", "A", "أ", "h", "A"],
      ],
      settings: [
        ["form_title", "form_id", "version", "default_language"],
        ["T", "t", "1", "English"],
      ],
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "warning:bare_and_translated_columns:survey:-:label:label",
      "warning:missing_language_column:survey:-:hint::العربية (ar):العربية (ar)",
      "warning:missing_language_column:survey:-:hint::Swahili:Swahili",
      "warning:language_without_code:survey:-:-:Swahili",
      "error:default_language_unknown:settings:2:default_language:English",
    ]);
  });

  it("accept an ODK-style form with bare label columns only, and flag missing settings", () => {
    const wb = workbook({
      survey: [
        ["type", "name", "label", "hint"],
        ["text", "a", "A", ""],
        ["calculate", "c", "", ""],
        ["start", "start", "", ""],
      ],
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "warning:missing_setting:settings:-:form_title:form_title",
      "warning:missing_setting:settings:-:form_id:form_id",
      "warning:missing_setting:settings:-:version:version",
    ]);
  });

  it("warn about or_other in a translated form and a group without label", () => {
    const wb = workbook({
      survey: [
        ["type", "name", EN, AR],
        ["begin_group", "g", "", ""],
        ["select_one yn or_other", "q", "Q", "س"],
        ["end_group", "", "", ""],
      ],
      choices: yesNo,
      settings,
    });
    expect(codes(validateXlsform(wb))).toEqual([
      "warning:group_without_label:survey:2:label::English (en):g",
      "warning:or_other_translated:survey:3:type:select_one yn or_other",
    ]);
  });

  it("refuse a workbook without a survey sheet", () => {
    expect(codes(validateXlsform(workbook({ choices: yesNo })))).toEqual(["error:missing_sheet:survey:-:-:survey"]);
  });
});
