// The codebook builder (lib/codebook): variables read from the very form the XLSForm export writes
// (bank-only and own imported forms composed with bank sections), labels per form language, value
// labels, skip conditions as written and in words, which indicator each bank variable feeds and
// how, with the notes an analyst needs; the workbook read back with exceljs.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildCodebook, type CodebookLinks, type IndicatorInfo } from "@/lib/codebook/build";
import { codebookOf } from "@/lib/codebook/export";
import type { Codebook } from "@/lib/codebook/model";
import { CodebookWords } from "@/lib/codebook/words";
import { writeCodebookXlsx } from "@/lib/codebook/xlsx";
import { exportFormOf } from "@/lib/export/export-form";
import type { IndicatorComputation } from "@/lib/framework/schema";
import { translatorFor } from "@/lib/http/messages";
import type { Language } from "@/lib/i18n/languages";
import { readFormFile, walkSurvey, type FormModel } from "@/lib/xlsform/form";
import { sampleQuestionnaire } from "./xlsform-fixture";
import { workbook } from "./xlsform-form/forms";

const ALL: Language[] = ["en", "es", "fr", "ar"];
const name = (en: string): IndicatorInfo["name"] => ({ en, es: `${en} (es)`, fr: `${en} (fr)`, ar: `${en} (ar)` });

function computation(
  over: Partial<IndicatorComputation> & Pick<IndicatorComputation, "question">,
): IndicatorComputation {
  return {
    kind: "proportion",
    bankVersion: 1,
    numerator: ["yes"],
    denominator: {
      dontKnow: { choices: [], treatment: "include" },
      refused: { choices: [], treatment: "exclude" },
      skipped: "exclude",
    },
    ...over,
  };
}

/** The sample's bank items, as the data layer would read them, and indicators of every kind. */
const LINKS: CodebookLinks = {
  items: [
    { name: "consent_given", code: "consent_given", version: 1, indicators: [] },
    { name: "age", code: "bkg_age", version: 1, indicators: [] },
    { name: "sources", code: "inf_sources", version: 2, indicators: ["INF-01"] },
    { name: "trusts_radio", code: "inf_trusts_radio", version: 1, indicators: ["SOC-04", "INF-01"] },
    { name: "why_not", code: "pra_why_not", version: 1, indicators: [] },
    { name: "thanks", code: "bkg_thanks", version: 1, indicators: [] },
  ],
  indicators: [
    // Linked, with no computable definition.
    { code: "INF-01", type: "behavioural", name: name("Sources used"), definition: name("d"), computation: null },
    // Key question renamed in the form (inf_trusts_radio → trusts_radio), universe asked too.
    {
      code: "SOC-04",
      type: "behavioural",
      name: name("Trust in radio"),
      definition: name("d"),
      computation: computation({
        question: "inf_trusts_radio",
        denominator: {
          universe: { question: "consent_given", bankVersion: 1, choices: ["yes"] },
          dontKnow: { choices: [], treatment: "include" },
          refused: { choices: [], treatment: "exclude" },
          skipped: "exclude",
        },
      }),
    },
    // Defined on an older version of a question the form asks at version 2, naming an answer it lacks.
    {
      code: "INF-03",
      type: "behavioural",
      name: name("Radio as a source"),
      definition: name("d"),
      computation: computation({ question: "inf_sources", bankVersion: 1, numerator: ["radio", "tv"] }),
    },
    // The key question is not in this questionnaire; the one deciding who is counted is.
    {
      code: "PER-09",
      type: "behavioural",
      name: name("Elsewhere"),
      definition: name("d"),
      computation: computation({
        question: "per_elsewhere",
        denominator: {
          universe: { question: "consent_given", bankVersion: 1, choices: ["yes"] },
          dontKnow: { choices: ["dont_know"], treatment: "include" },
          refused: { choices: ["refused"], treatment: "exclude" },
          skipped: "exclude",
        },
      }),
    },
    // Nothing to do with this questionnaire: left out.
    {
      code: "KNW-01",
      type: "behavioural",
      name: name("Other"),
      definition: name("d"),
      computation: computation({ question: "knw_other" }),
    },
  ],
};

function sampleCodebook(): Codebook {
  const built = codebookOf({ doc: sampleQuestionnaire(), own: null, links: LINKS }, { languages: ALL, fallback: null });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.codebook;
}

const words = (codebook: Codebook, locale: Language, lang: Language = locale) =>
  new CodebookWords(codebook, { t: translatorFor(locale), locale, lang });

describe("codebook of a bank questionnaire", () => {
  it("lists every group and question of the export's form, with its group path and the column KoboToolbox writes", () => {
    const codebook = sampleCodebook();
    expect(codebook.variables.map((v) => [v.name, v.kind, v.column])).toEqual([
      ["consent", "group", "consent"],
      ["consent_given", "question", "consent/consent_given"],
      ["vaccination", "group", "vaccination"],
      ["age", "question", "vaccination/age"],
      ["sources", "question", "vaccination/sources"],
      ["trusts_radio", "question", "vaccination/trusts_radio"],
      ["why_not", "question", "vaccination/why_not"],
      ["thanks", "question", "vaccination/thanks"],
    ]);
    expect(codebook.questionnaire).toMatchObject({ formId: "sample_rapid_survey", version: "202501010000" });
    expect(codebook.languages).toEqual([
      { name: "English (en)", language: "en" },
      { name: "Español (es)", language: "es" },
      { name: "Français (fr)", language: "fr" },
      { name: "العربية (ar)", language: "ar" },
    ]);
    const age = codebook.variables.find((v) => v.name === "age")!;
    expect(age).toMatchObject({
      type: "integer",
      groups: ["vaccination"],
      bank: { code: "bkg_age", version: 1 },
      required: "yes",
      constraint: ". >= 18 and . <= 120",
      listName: null,
      repeat: null,
    });
    expect(age.labels["English (en)"]).toBe("=How old are you?");
    expect(age.labels["العربية (ar)"]).toBe("كم عمرك؟");
    expect(age.hints["Español (es)"]).toBe("En años");
  });

  it("gives value labels in every language, with the variables that record them", () => {
    const codebook = sampleCodebook();
    const yesNo = codebook.choiceLists.find((l) => l.name === "yes_no")!;
    expect(yesNo.usedBy).toEqual(["consent_given", "trusts_radio"]);
    expect(yesNo.choices).toEqual([
      {
        name: "yes",
        labels: { "English (en)": "Yes", "Español (es)": "Sí", "Français (fr)": "Oui", "العربية (ar)": "نعم" },
      },
      {
        name: "no",
        labels: { "English (en)": "No", "Español (es)": "No", "Français (fr)": "Non", "العربية (ar)": "لا" },
      },
    ]);
    expect(codebook.variables.find((v) => v.name === "sources")!.listName).toBe("sources");
  });

  it("keeps each skip condition as written and as rules, and says it in words in the reader's languages", () => {
    const codebook = sampleCodebook();
    const trusts = codebook.variables.find((v) => v.name === "trusts_radio")!;
    expect(trusts.relevant).toBe("selected(${sources}, 'radio') or not(selected(${sources}, 'health_workers'))");
    expect(trusts.relevance).toEqual({
      combinator: "or",
      rules: [
        { question: "sources", operator: "selected", value: "radio" },
        { question: "sources", operator: "not_selected", value: "health_workers" },
      ],
    });
    expect(words(codebook, "en").condition(trusts)).toBe(
      "“Where do you get health information?” includes “Radio” or “Where do you get health information?” does not include “Health workers, nurses”",
    );
    // Arabic interface, Arabic texts.
    expect(words(codebook, "ar").condition(trusts)).toBe(
      "تضمّنت إجابة «من أين تحصل على المعلومات الصحية؟» الخيار «الراديو» أو لم تتضمّن إجابة «من أين تحصل على المعلومات الصحية؟» الخيار «العاملون الصحيون»",
    );
    const group = codebook.variables.find((v) => v.name === "vaccination")!;
    expect(words(codebook, "fr").condition(group)).toBe("« Acceptez-vous de participer ? » vaut « Oui »");
    expect(words(codebook, "en").condition(codebook.variables.find((v) => v.name === "age")!)).toBeNull();
  });

  it("says which indicator each bank variable feeds and how, and what stands in the way of computing it", () => {
    const codebook = sampleCodebook();
    const roles = Object.fromEntries(
      codebook.variables.filter((v) => v.indicators.length).map((v) => [v.name, v.indicators]),
    );
    expect(roles).toEqual({
      consent_given: [
        { indicator: "SOC-04", role: "universe" },
        { indicator: "PER-09", role: "universe" },
      ],
      sources: [
        { indicator: "INF-01", role: "linked" },
        { indicator: "INF-03", role: "key" },
      ],
      trusts_radio: [
        { indicator: "INF-01", role: "linked" },
        { indicator: "SOC-04", role: "key" },
      ],
    });
    const byCode = Object.fromEntries(codebook.indicators.map((i) => [i.code, i]));
    // In the order a reader meets them, KNW-01 left out.
    expect(codebook.indicators.map((i) => i.code)).toEqual(["PER-09", "SOC-04", "INF-01", "INF-03"]);
    expect(byCode["SOC-04"]).toMatchObject({
      variable: "trusts_radio",
      universeVariable: "consent_given",
      linkedVariables: [],
      computable: true,
      notes: [],
    });
    expect(byCode["INF-01"]).toMatchObject({
      variable: null,
      linkedVariables: ["sources", "trusts_radio"],
      computable: false,
      notes: [{ kind: "noDefinition" }],
    });
    expect(byCode["INF-03"]).toMatchObject({
      variable: "sources",
      computable: true,
      notes: [
        { kind: "versionDiffers", question: "inf_sources", defined: 1, used: 2 },
        { kind: "unknownChoice", variable: "sources", choice: "tv" },
      ],
    });
    expect(byCode["PER-09"]).toMatchObject({
      variable: null,
      universeVariable: "consent_given",
      computable: false,
      notes: [{ kind: "keyNotAsked", question: "per_elsewhere" }],
    });

    const en = words(codebook, "en");
    expect(en.how(byCode["SOC-04"])).toEqual([
      "Counts respondents whose answer to “Do you trust the radio (you are ${age})?” is “Yes” (yes).",
      "Only respondents whose answer to “Do you agree to take part?” is “Yes” (yes) are counted.",
      "Respondents who were not asked the question or left it blank are not counted.",
      "Defined on version 1 of bank question inf_trusts_radio.",
    ]);
    // select_multiple: ticked; an answer the list lacks is named as recorded.
    expect(en.how(byCode["INF-03"])[0]).toBe(
      "Counts respondents who ticked “Radio” (radio) or tv in “Where do you get health information?”.",
    );
    expect(en.how(byCode["PER-09"]).slice(2, 4)).toEqual([
      "Don’t know answers: dont_know. They count in the denominator, never in the numerator.",
      "Refusals: refused. They are left out of the denominator.",
    ]);
    expect(en.note(byCode["INF-03"].notes[0])).toBe(
      "This form asks version 2 of inf_sources; the definition names version 1. Check that the answers still match before comparing results.",
    );
    expect(words(codebook, "es").how(byCode["INF-01"])).toEqual([
      "Aún no tiene definición calculable: el marco describe este indicador solo con palabras.",
    ]);
  });
});

/** An own form as an import holds it: a group, a repeat, a calculation, English and Swahili. */
async function ownForm(): Promise<FormModel> {
  const read = await readFormFile(
    await workbook({
      survey: [
        ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "relevant", "calculation"],
        ["integer", "hh_size", "How many people?", "Watu wangapi?", null, null],
        ["begin_group", "household", "Household", "Kaya", null, null],
        ["select_one yes_no", "has_water", "Water at home?", "Maji nyumbani?", "${hh_size} > 0", null],
        ["begin_repeat", "member", "Member", "Mwanachama", "string-length(${has_water}) > 0", null],
        ["text", "member_name", "Name", "Jina", null, null],
        ["end_repeat", null, null, null, null, null],
        ["end_group", null, null, null, null, null],
        ["calculate", "double_size", null, null, null, "${hh_size} * 2"],
        ["note", null, "A note without a name", "Dokezo", null, null],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)"],
        ["yes_no", "yes", "Yes", "Ndiyo"],
        ["yes_no", "no", "No", "Hapana"],
      ],
      settings: [
        ["form_title", "form_id", "default_language"],
        ["Water", "water_check", "English (en)"],
      ],
    }),
  );
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

describe("codebook of an imported form with bank sections", () => {
  it("describes the composed form: the own rows as held, then the bank sections, names as the export writes them", async () => {
    const own = { form: await ownForm(), formId: "water_check" };
    const doc = { ...sampleQuestionnaire(), languages: ["en", "ar"] as Language[], id: "q-own" };
    const composed = exportFormOf(doc, own, { languages: ["en", "ar"], fallback: null }, "Water");
    if (!composed.ok) throw new Error("did not compose");
    const built = codebookOf({ doc, own, links: LINKS }, { languages: ["en", "ar"], fallback: null });
    if (!built.ok) throw new Error("no codebook");
    const codebook = built.codebook;

    const formNames = [...walkSurvey(composed.form.survey)]
      .filter((n) => n.kind !== "skipped" && n.name)
      .map((n) => n.name);
    expect(codebook.variables.map((v) => v.name)).toEqual(formNames);
    expect(codebook.variables.slice(0, 6).map((v) => [v.column, v.repeat, v.bank])).toEqual([
      ["hh_size", null, null],
      ["household", null, null],
      ["household/has_water", null, null],
      ["household/member", null, null],
      ["household/member/member_name", "member", null],
      ["double_size", null, null],
    ]);
    expect(codebook.variables.find((v) => v.name === "trusts_radio")!.bank).toEqual({
      code: "inf_trusts_radio",
      version: 1,
    });
    expect(codebook.questionnaire.formId).toBe("water_check");
    // The form's Swahili stays; the bank's Arabic is added; the bank's English is the form's English.
    expect(codebook.languages.map((l) => [l.name, l.language])).toEqual([
      ["English (en)", "en"],
      ["Kiswahili (sw)", null],
      ["العربية (ar)", "ar"],
    ]);
    const water = codebook.variables.find((v) => v.name === "has_water")!;
    expect(water.labels).toEqual({ "English (en)": "Water at home?", "Kiswahili (sw)": "Maji nyumbani?" });
    expect(codebook.variables.find((v) => v.name === "double_size")!.calculation).toBe("${hh_size} * 2");
    // An expression beyond simple comparisons: kept as written, not put in words.
    const member = codebook.variables.find((v) => v.name === "member")!;
    expect(member).toMatchObject({ kind: "repeat", relevant: "string-length(${has_water}) > 0", relevance: null });
    expect(words(codebook, "en").condition(member)).toBeNull();
    expect(words(codebook, "en").condition(water)).toBe("“How many people?” is more than 0");
    // The own form's list and the bank's lists, once each.
    expect(codebook.choiceLists.map((l) => [l.name, l.usedBy])).toEqual([
      ["yes_no", ["has_water"]],
      ["yes_no_bank", ["consent_given", "trusts_radio"]],
      ["sources", ["sources"]],
    ]);
    // Own questions feed no indicator; the bank part feeds the same as without the own form.
    expect(codebook.indicators.map((i) => i.code)).toEqual(["PER-09", "SOC-04", "INF-01", "INF-03"]);
  });

  it("reads the rows as the bank part only after the own form's top-level rows", async () => {
    const form = await ownForm();
    // A form question named like a bank item is the form's own when it comes before the bank part.
    const codebook = buildCodebook({
      questionnaire: { id: "x", slug: null, title: { en: "x" }, defaultLanguage: "en" },
      form,
      ownRows: form.survey.length,
      links: { items: [{ name: "hh_size", code: "bkg_household_size", version: 1, indicators: [] }], indicators: [] },
    });
    expect(codebook.variables.find((v) => v.name === "hh_size")!.bank).toBeNull();
  });
});

describe("codebook workbook", () => {
  async function readBack(codebook: Codebook, locale: Language) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeCodebookXlsx(codebook, words(codebook, locale))) as unknown as ExcelJS.Buffer);
    return book;
  }
  const rows = (sheet: ExcelJS.Worksheet) =>
    sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1).map((c) => (c === undefined || c === null ? "" : c)));

  it("writes variables, value labels and indicators as text, headed in the reader's language", async () => {
    const codebook = sampleCodebook();
    const book = await readBack(codebook, "en");
    expect(book.worksheets.map((w) => w.name)).toEqual(["About", "Variables", "Value labels", "Indicators"]);
    const [head, ...variables] = rows(book.getWorksheet("Variables")!);
    expect(head.slice(0, 5)).toEqual(["Variable", "Column in the data", "Group", "Type", "Answer list"]);
    expect(head).toContain("label::العربية (ar)");
    expect(variables.map((r) => r[0])).toEqual(codebook.variables.map((v) => v.name));
    const age = variables.find((r) => r[0] === "age")!;
    // A label that looks like a formula is a string cell, not a formula.
    const ageCell = book
      .getWorksheet("Variables")!
      .getRow(variables.indexOf(age) + 2)
      .getCell(head.indexOf("label::English (en)") + 1);
    expect(ageCell.type).toBe(ExcelJS.ValueType.String);
    expect(ageCell.value).toBe("=How old are you?");
    expect(ageCell.numFmt).toBe("@");
    const trusts = variables.find((r) => r[0] === "trusts_radio")!;
    expect(trusts[head.indexOf("Bank question")]).toBe("inf_trusts_radio (version 1)");
    expect(trusts[head.indexOf("Indicators")]).toBe("INF-01 (linked in the framework); SOC-04 (key question)");
    expect(trusts[head.indexOf("Asked only if")]).toContain("includes “Radio”");

    const [labelsHead, ...labels] = rows(book.getWorksheet("Value labels")!);
    expect(labelsHead).toEqual([
      "Answer list",
      "Value",
      "label::English (en)",
      "label::Español (es)",
      "label::Français (fr)",
      "label::العربية (ar)",
      "Used by",
    ]);
    expect(labels[0]).toEqual(["yes_no", "yes", "Yes", "Sí", "Oui", "نعم", "consent_given, trusts_radio"]);

    const [indicatorsHead, ...indicators] = rows(book.getWorksheet("Indicators")!);
    expect(indicators.map((r) => r[0])).toEqual(["PER-09", "SOC-04", "INF-01", "INF-03"]);
    const soc = indicators[1];
    expect(soc[indicatorsHead.indexOf("Variable")]).toBe("trusts_radio");
    expect(soc[indicatorsHead.indexOf("Decides who is counted")]).toBe("consent_given");
    expect(soc[indicatorsHead.indexOf("Computable from this form")]).toBe("yes");
    expect(JSON.parse(String(soc[indicatorsHead.indexOf("Definition (JSON)")]))).toEqual(
      LINKS.indicators.find((i) => i.code === "SOC-04")!.computation,
    );
  });

  it("reads right to left in Arabic, with Arabic headings and sentences", async () => {
    const codebook = sampleCodebook();
    const book = await readBack(codebook, "ar");
    expect(book.worksheets.map((w) => w.name)).toEqual(["حول الدليل", "المتغيرات", "تسميات القيم", "المؤشرات"]);
    for (const sheet of book.worksheets) expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const [head, ...variables] = rows(book.getWorksheet("المتغيرات")!);
    expect(head[0]).toBe("المتغير");
    const trusts = variables.find((r) => r[0] === "trusts_radio")!;
    expect(trusts[head.indexOf("يُطرح فقط إذا")]).toContain("«الراديو»");
  });
});
