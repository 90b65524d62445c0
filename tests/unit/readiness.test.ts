import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { sampleQuestionnaire } from "./xlsform-fixture";

describe("readiness of a questionnaire for export", () => {
  it("is ready when every text is approved in every chosen language", () => {
    const readiness = checkReadiness(sampleQuestionnaire());
    expect(readiness).toEqual({
      ready: true,
      languages: ["en", "es", "fr", "ar"],
      fallback: null,
      issues: [],
      filledFromFallback: 0,
    });
  });

  it("checks only the chosen languages", () => {
    const doc = sampleQuestionnaire();
    delete doc.sections[0].title.ar;
    expect(checkReadiness(doc, { languages: ["en", "fr"] }).ready).toBe(true);
    expect(checkReadiness(doc).issues).toEqual([
      { kind: "missing_translation", lang: "ar", place: { field: "section_title", section: "consent" } },
    ]);
  });

  it("reports missing and unapproved choice labels, hints and messages", () => {
    const doc = sampleQuestionnaire();
    doc.choiceLists[1].choices[0].label.fr = { text: "Radio", status: "outdated" };
    delete doc.sections[1].items[0].constraintMessage.es;
    doc.sections[1].items[0].hint.ar = { text: "", status: "missing" };
    expect(checkReadiness(doc).issues).toEqual([
      { kind: "missing_translation", lang: "ar", place: { field: "hint", section: "vaccination", item: "age" } },
      {
        kind: "missing_translation",
        lang: "es",
        place: { field: "constraint_message", section: "vaccination", item: "age" },
      },
      {
        kind: "unapproved_translation",
        lang: "fr",
        status: "outdated",
        place: { field: "choice_label", list: "sources", choice: "radio" },
      },
    ]);
  });

  it("a fallback fills holes only with approved text of the fallback language", () => {
    const doc = sampleQuestionnaire();
    delete doc.sections[0].items[0].label.ar;
    doc.sections[0].items[0].label.en = { text: "Do you agree?", status: "in_review" };
    const readiness = checkReadiness(doc, { fallback: "en" });
    expect(readiness.ready).toBe(false);
    expect(readiness.issues).toEqual([
      {
        kind: "unapproved_translation",
        lang: "en",
        status: "in_review",
        place: { field: "label", section: "consent", item: "consent_given" },
      },
      { kind: "missing_translation", lang: "ar", place: { field: "label", section: "consent", item: "consent_given" } },
    ]);
    expect(checkReadiness(doc, { fallback: "fr" })).toMatchObject({ ready: true, filledFromFallback: 2 });
  });

  it("finds broken skip logic: unknown, later, wrong operator, unknown choice, not a number", () => {
    const doc = sampleQuestionnaire();
    const [age, sources, trusts, whyNot] = doc.sections[1].items;
    doc.sections[0].relevant = { combinator: "and", rules: [{ question: "age", operator: "gt", value: 1 }] };
    age.relevant = { combinator: "and", rules: [{ question: "ghost", operator: "eq", value: "x" }] };
    sources.relevant = {
      combinator: "and",
      rules: [{ question: "consent_given", operator: "selected", value: "yes" }],
    };
    trusts.relevant = {
      combinator: "or",
      rules: [
        { question: "sources", operator: "selected", value: "tv" },
        { question: "age", operator: "lt", value: "old" },
      ],
    };
    whyNot.relevant = { combinator: "and", rules: [{ question: "consent_given", operator: "eq", value: "maybe" }] };
    expect(checkReadiness(doc).issues).toEqual([
      { kind: "broken_skip_logic", section: "consent", question: "age", problem: "later_question" },
      {
        kind: "broken_skip_logic",
        section: "vaccination",
        item: "age",
        question: "ghost",
        problem: "unknown_question",
      },
      {
        kind: "broken_skip_logic",
        section: "vaccination",
        item: "sources",
        question: "consent_given",
        problem: "wrong_operator",
      },
      {
        kind: "broken_skip_logic",
        section: "vaccination",
        item: "trusts_radio",
        question: "sources",
        problem: "unknown_choice",
      },
      {
        kind: "broken_skip_logic",
        section: "vaccination",
        item: "trusts_radio",
        question: "age",
        problem: "not_a_number",
      },
      {
        kind: "broken_skip_logic",
        section: "vaccination",
        item: "why_not",
        question: "consent_given",
        problem: "unknown_choice",
      },
    ]);
  });

  it("finds duplicate and invalid names, empty sections and unknown languages", () => {
    const doc = sampleQuestionnaire();
    doc.sections[1].items[4].name = "AGE";
    doc.sections[1].items[3].name = "data";
    doc.sections.push({ name: "closing", title: doc.sections[0].title, relevant: null, items: [] });
    expect(checkReadiness(doc, { languages: ["en", "ar"] }).issues).toEqual([
      { kind: "invalid_name", name: "data" },
      { kind: "duplicate_name", name: "AGE" },
      { kind: "empty_section", section: "closing" },
    ]);
    doc.languages = ["en", "fr"];
    expect(checkReadiness(doc, { languages: ["en", "ar"] }).issues[0]).toEqual({
      kind: "unknown_language",
      lang: "ar",
    });
  });
});
