// The builder's pure rules: which operators suit which answers, which changes would leave skip
// logic pointing forward or at nothing, how the preview decides what to show, and input checks.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dependentsOf,
  findSkipProblems,
  moveInOutline,
  moveSectionInOutline,
  operatorsFor,
  relevanceHolds,
  removeFromOutline,
  structuralProblems,
  visibleNames,
  type OutlineSection,
} from "@/lib/builder/skip-logic";
import {
  builderChangeSchema,
  numericConstraint,
  parseNumericConstraint,
  questionnaireSettingsSchema,
} from "@/lib/builder/schema";
import { relevanceToXpath } from "@/lib/xlsform/relevant";

const eq = (question: string, value: string | number) => ({
  combinator: "and" as const,
  rules: [{ question, operator: "eq" as const, value }],
});

const outline: OutlineSection[] = [
  {
    name: "s1",
    relevant: null,
    items: [
      { name: "consent", type: "select_one", choices: ["yes", "no"], relevant: null },
      { name: "age", type: "integer", choices: null, relevant: eq("consent", "yes") },
      { name: "sources", type: "select_multiple", choices: ["radio", "tv"], relevant: eq("consent", "yes") },
    ],
  },
  {
    name: "s2",
    relevant: { combinator: "and", rules: [{ question: "age", operator: "gte", value: 18 }] },
    items: [
      {
        name: "main",
        type: "select_one",
        choices: ["radio", "tv"],
        relevant: {
          combinator: "or",
          rules: [
            { question: "sources", operator: "selected", value: "radio" },
            { question: "age", operator: "lt", value: 30 },
          ],
        },
      },
    ],
  },
];

describe("skip-logic checks", () => {
  it("finds nothing wrong in rules that look back with fitting operators and answers", () => {
    expect(findSkipProblems(outline)).toEqual([]);
  });

  it("reports a rule pointing forward, at nothing, with the wrong operator, an unknown answer or a non-number", () => {
    const broken = structuredClone(outline);
    broken[0].items[0].relevant = eq("age", 3);
    broken[0].items[1].relevant = eq("gone", "x");
    broken[0].items[2].relevant = {
      combinator: "and",
      rules: [{ question: "consent", operator: "selected", value: "yes" }],
    };
    broken[1].items[0].relevant = {
      combinator: "and",
      rules: [
        { question: "consent", operator: "eq", value: "maybe" },
        { question: "age", operator: "gt", value: "old" },
      ],
    };
    expect(findSkipProblems(broken).map((p) => `${p.owner}:${p.problem}`)).toEqual([
      "consent:later_question",
      "age:unknown_question",
      "sources:wrong_operator",
      "main:unknown_choice",
      "main:not_a_number",
    ]);
    expect(structuralProblems(broken).map((p) => p.problem)).toEqual(["later_question", "unknown_question"]);
  });

  it("warns before a move or a removal that would break a rule, and names the dependents", () => {
    expect(dependentsOf(outline, ["consent"])).toEqual(["age", "sources"]);
    expect(dependentsOf(outline, ["age"])).toEqual(["s2", "main"]);
    expect(structuralProblems(moveInOutline(outline, "consent", "s1", 1)).map((p) => p.owner)).toEqual(["age"]);
    expect(structuralProblems(moveInOutline(outline, "consent", "s1", 2)).map((p) => p.owner)).toEqual([
      "age",
      "sources",
    ]);
    expect(structuralProblems(moveInOutline(outline, "consent", "s1", 0))).toEqual([]);
    expect(structuralProblems(moveSectionInOutline(outline, "s2", 0)).map((p) => p.owner)).toEqual([
      "s2",
      "main",
      "main",
    ]);
    expect(
      structuralProblems(removeFromOutline(outline, { items: ["sources"] })).map((p) => `${p.owner}:${p.problem}`),
    ).toEqual(["main:unknown_question"]);
    expect(structuralProblems(removeFromOutline(outline, { sections: ["s2"] }))).toEqual([]);
  });

  it("offers operators that suit each answer type", () => {
    expect(operatorsFor("select_multiple")).toEqual(["selected", "not_selected"]);
    expect(operatorsFor("select_one")).toEqual(["eq", "neq"]);
    expect(operatorsFor("decimal")).toContain("gt");
    expect(operatorsFor("note")).toEqual([]);
  });

  it("never reports a problem for rules that only refer to earlier items with fitting values (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 15 }),
        (spec) => {
          const items = spec.map(([n, ruled], i) => ({
            name: `q${i}`,
            type: "integer" as const,
            choices: null,
            relevant:
              ruled && i > 0
                ? { combinator: "and" as const, rules: [{ question: `q${n % i}`, operator: "gte" as const, value: n }] }
                : null,
          }));
          return findSkipProblems([{ name: "s", relevant: null, items }]).length === 0;
        },
      ),
    );
  });
});

describe("filling in the preview", () => {
  it("shows items whose conditions hold, and treats hidden answers as empty", () => {
    expect([...visibleNames(outline, {})]).toEqual(["s1", "consent"]);
    expect([...visibleNames(outline, { consent: "yes", age: "20", sources: ["tv"] })]).toEqual([
      "s1",
      "consent",
      "age",
      "sources",
      "s2",
      "main",
    ]);
    expect(visibleNames(outline, { consent: "yes", age: "40", sources: ["tv"] }).has("main")).toBe(false);
    expect(visibleNames(outline, { consent: "yes", age: "40", sources: ["radio", "tv"] }).has("main")).toBe(true);
    // Consent withdrawn: age is hidden, so its answer no longer opens section 2.
    expect(visibleNames(outline, { consent: "no", age: "40", sources: ["radio"] }).has("s2")).toBe(false);
  });

  it("compares like ODK: empty is not a number, not-equal holds for empty, not-includes holds for none chosen", () => {
    expect(relevanceHolds({ combinator: "and", rules: [{ question: "a", operator: "gt", value: 1 }] }, {})).toBe(false);
    expect(relevanceHolds({ combinator: "and", rules: [{ question: "a", operator: "neq", value: "x" }] }, {})).toBe(
      true,
    );
    expect(
      relevanceHolds({ combinator: "and", rules: [{ question: "a", operator: "not_selected", value: "x" }] }, {}),
    ).toBe(true);
    expect(
      relevanceHolds({ combinator: "and", rules: [{ question: "a", operator: "eq", value: 5 }] }, { a: "5.0" }),
    ).toBe(true);
  });
});

describe("builder input", () => {
  it("requires a language, a chosen default language and a title in it", () => {
    const ok = questionnaireSettingsSchema.safeParse({
      title: { en: " Survey ", fr: "" },
      description: {},
      languages: ["fr", "en"],
      defaultLanguage: "en",
    });
    expect(ok.success && ok.data).toEqual({
      title: { en: "Survey" },
      description: {},
      languages: ["en", "fr"],
      defaultLanguage: "en",
      fallbackLanguage: null,
      formId: null,
    });
    expect(
      questionnaireSettingsSchema.safeParse({
        title: { en: "x" },
        description: {},
        languages: [],
        defaultLanguage: "en",
      }).success,
    ).toBe(false);
    expect(
      questionnaireSettingsSchema.safeParse({
        title: { fr: "x" },
        description: {},
        languages: ["en", "fr"],
        defaultLanguage: "en",
      }).success,
    ).toBe(false);
    expect(
      questionnaireSettingsSchema.safeParse({
        title: { en: "x" },
        description: {},
        languages: ["en"],
        defaultLanguage: "en",
        fallbackLanguage: "ar",
      }).success,
    ).toBe(false);
    expect(
      questionnaireSettingsSchema.safeParse({
        title: { en: "x".repeat(201) },
        description: {},
        languages: ["en"],
        defaultLanguage: "en",
      }).success,
    ).toBe(false);
  });

  it("requires the revision a change was made on, and refuses unknown operations", () => {
    expect(builderChangeSchema.safeParse({ op: "removeItem", questionnaireId: "q", itemId: "i" }).success).toBe(false);
    expect(builderChangeSchema.safeParse({ op: "dropTable", questionnaireId: "q", revision: 0 }).success).toBe(false);
    expect(
      builderChangeSchema.safeParse({ op: "removeItem", questionnaireId: "q", revision: 3, itemId: "i" }).success,
    ).toBe(true);
  });

  it("writes numeric ranges as XLSForm constraints and reads them back", () => {
    expect(numericConstraint({ min: 15, max: 110 })).toBe(". >= 15 and . <= 110");
    expect(numericConstraint({ min: null, max: null })).toBeNull();
    expect(parseNumericConstraint(". >= 0 and . <= 30")).toEqual({ min: 0, max: 30 });
    expect(parseNumericConstraint("regex(., '^[0-9]+$')")).toBeNull();
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -1e6, max: 1e6 })),
        fc.option(fc.integer({ min: -1e6, max: 1e6 })),
        (min, max) => {
          const range = { min, max };
          expect(parseNumericConstraint(numericConstraint(range))).toEqual(range);
        },
      ),
    );
  });

  it("stores skip logic that becomes a valid XLSForm relevant", () => {
    expect(relevanceToXpath(outline[1].items[0].relevant)).toBe("selected(${sources}, 'radio') or ${age} < 30");
  });
});
