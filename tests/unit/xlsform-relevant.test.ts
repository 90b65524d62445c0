import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseRelevant, referencedNames, relevanceToXpath, ruleToXpath, xpathLiteral } from "@/lib/xlsform/relevant";
import { relevanceSchema, type Relevance } from "@/lib/questionnaires/relevance-schema";

describe("skip logic rules → XLSForm relevant", () => {
  it("writes each operator the way XLSForm expects", () => {
    expect(ruleToXpath({ question: "consent", operator: "eq", value: "yes" })).toBe("${consent} = 'yes'");
    expect(ruleToXpath({ question: "consent", operator: "neq", value: "yes" })).toBe("${consent} != 'yes'");
    expect(ruleToXpath({ question: "sources", operator: "selected", value: "radio" })).toBe(
      "selected(${sources}, 'radio')",
    );
    expect(ruleToXpath({ question: "sources", operator: "not_selected", value: "radio" })).toBe(
      "not(selected(${sources}, 'radio'))",
    );
    expect(ruleToXpath({ question: "age", operator: "gt", value: 17 })).toBe("${age} > 17");
    expect(ruleToXpath({ question: "age", operator: "gte", value: 18 })).toBe("${age} >= 18");
    expect(ruleToXpath({ question: "age", operator: "lt", value: 65.5 })).toBe("${age} < 65.5");
    expect(ruleToXpath({ question: "age", operator: "lte", value: 0 })).toBe("${age} <= 0");
    expect(ruleToXpath({ question: "n", operator: "eq", value: 3 })).toBe("${n} = 3");
  });

  it("joins rules with and / or, and writes nothing for no rule", () => {
    expect(
      relevanceToXpath({
        combinator: "and",
        rules: [
          { question: "a", operator: "eq", value: "yes" },
          { question: "b", operator: "selected", value: "x" },
        ],
      }),
    ).toBe("${a} = 'yes' and selected(${b}, 'x')");
    expect(
      relevanceToXpath({
        combinator: "or",
        rules: [
          { question: "a", operator: "eq", value: "no" },
          { question: "c", operator: "lt", value: 5 },
        ],
      }),
    ).toBe("${a} = 'no' or ${c} < 5");
    expect(relevanceToXpath(null)).toBe("");
  });

  it("quotes values with the quote they do not contain, and refuses a value holding both", () => {
    expect(xpathLiteral("it's")).toBe(`"it's"`);
    expect(() => xpathLiteral(`it's "x"`)).toThrow();
  });

  it("reads back what it writes, and what people type in ODK", () => {
    expect(parseRelevant("${a} = 'yes' and selected(${b}, 'x')")).toEqual({
      ok: true,
      relevance: {
        combinator: "and",
        rules: [
          { question: "a", operator: "eq", value: "yes" },
          { question: "b", operator: "selected", value: "x" },
        ],
      },
    });
    expect(parseRelevant('(${age}>=18) or not(selected( ${s} , "radio" ))')).toEqual({
      ok: true,
      relevance: {
        combinator: "or",
        rules: [
          { question: "age", operator: "gte", value: 18 },
          { question: "s", operator: "not_selected", value: "radio" },
        ],
      },
    });
  });

  it("says why an expression is beyond the stored rules instead of guessing", () => {
    expect(parseRelevant("${a} = 'yes' and ${b} = 'no' or ${c} = 'x'")).toEqual({
      ok: false,
      reason: "mixed_combinators",
    });
    expect(parseRelevant("(${a} = 'yes' or ${b} = 'no') and ${c} = 'x'")).toEqual({
      ok: false,
      reason: "mixed_combinators",
    });
    expect(parseRelevant("count-selected(${a}) > 2")).toEqual({ ok: false, reason: "unsupported" });
    expect(parseRelevant("${a} = ")).toEqual({ ok: false, reason: "syntax" });
    expect(parseRelevant("${a} = 'yes")).toEqual({ ok: false, reason: "syntax" });
    expect(parseRelevant("")).toEqual({ ok: false, reason: "syntax" });
  });

  it("round-trips every valid rule set (property)", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
    const choice = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
    const rule = fc.oneof(
      fc.record({
        question: name,
        operator: fc.constantFrom("eq" as const, "neq" as const, "selected" as const, "not_selected" as const),
        value: choice,
      }),
      fc.record({
        question: name,
        operator: fc.constantFrom("gt" as const, "gte" as const, "lt" as const, "lte" as const, "eq" as const),
        value: fc.integer({ min: -1000, max: 1000 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("and" as const, "or" as const),
        fc.array(rule, { minLength: 1, maxLength: 6 }),
        (combinator, rules) => {
          const relevance: Relevance = relevanceSchema.parse({ combinator, rules });
          const parsed = parseRelevant(relevanceToXpath(relevance));
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.relevance.rules).toEqual(relevance.rules);
          if (rules.length > 1) expect(parsed.relevance.combinator).toBe(combinator);
        },
      ),
    );
  });

  it("lists the names an expression refers to", () => {
    expect(referencedNames("${a} = 'x' and selected(${ b }, 'y')")).toEqual(["a", "b"]);
  });
});
