import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffSnapshots, sameSnapshot } from "@/lib/curation/diff";
import { diffText } from "@/lib/text/diff";
import {
  buildConstraint,
  fieldErrorKeys,
  formatChoiceLines,
  parseChoiceLines,
  parseConstraint,
  questionInputSchema,
} from "@/lib/curation/schema";
import { questionInputFromForm } from "@/lib/curation/form-input";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";

const snapshot = (over: Partial<QuestionSnapshot> = {}): QuestionSnapshot => ({
  code: "trust_hw",
  type: "select_one",
  constraint: null,
  choiceList: "agree3",
  choices: [{ name: "agree", label: { en: "Agree", fr: "D’accord" } }],
  texts: {
    en: { label: "Do you trust health workers?", hint: null },
    fr: { label: "Faites-vous confiance ?", hint: null },
  },
  indicators: ["PER-03"],
  tags: ["trust"],
  source: "S1",
  ...over,
});

describe("word-level diffs of versions", () => {
  it("marks added and removed words, and rebuilds both texts", () => {
    const parts = diffText("Do you trust health workers?", "How much do you trust community health workers?");
    const before = parts
      .filter((p) => p.kind !== "added")
      .map((p) => p.text)
      .join("");
    const after = parts
      .filter((p) => p.kind !== "removed")
      .map((p) => p.text)
      .join("");
    expect(before).toBe("Do you trust health workers?");
    expect(after).toBe("How much do you trust community health workers?");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toContain("community");
    // A rewritten opening reads as one change, not word by word.
    expect(parts.slice(0, 2)).toEqual([
      { text: "Do ", kind: "removed" },
      { text: "How much do ", kind: "added" },
    ]);
  });

  it("keeps whitespace-only changes and whole Arabic words", () => {
    expect(diffText(";", "; ")).toEqual([
      { text: ";", kind: "same" },
      { text: " ", kind: "added" },
    ]);
    const parts = diffText("هل تثق في العاملين الصحيين؟", "هل تثق في العاملين الصحيين المجتمعيين؟");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["المجتمعيين"]);
  });

  it("any two texts: the parts rebuild each side exactly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const parts = diffText(a, b);
        expect(
          parts
            .filter((p) => p.kind !== "added")
            .map((p) => p.text)
            .join(""),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.kind !== "removed")
            .map((p) => p.text)
            .join(""),
        ).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it("lists only the fields that changed, per language", () => {
    const a = snapshot();
    const b = snapshot({
      texts: { ...a.texts, en: { label: "How much do you trust health workers?", hint: null } },
      tags: ["vaccination", "trust"],
    });
    expect(diffSnapshots(a, b).map((f) => [f.field, f.lang])).toEqual([
      ["label", "en"],
      ["tags", undefined],
    ]);
    expect(sameSnapshot(a, snapshot({ indicators: ["PER-03"], tags: ["trust"] }))).toBe(true);
    expect(
      diffSnapshots(a, snapshot({ choices: [{ name: "agree", label: { en: "Agree", fr: "Accord" } }] })).map((f) => [
        f.field,
        f.lang,
      ]),
    ).toEqual([["choices", "fr"]]);
  });
});

describe("typical constraints", () => {
  it("builds and reads back an age between 0 and 120", () => {
    const c = buildConstraint("integer", { min: 0, max: 120, maxLength: null, notFuture: false });
    expect(c).toBe(". >= 0 and . <= 120");
    expect(parseConstraint(c)).toEqual({ min: 0, max: 120, maxLength: null, notFuture: false });
    expect(buildConstraint("text", { min: null, max: null, maxLength: 80, notFuture: false })).toBe(
      "string-length(.) <= 80",
    );
    expect(buildConstraint("date", { min: null, max: null, maxLength: null, notFuture: true })).toBe(". <= today()");
    expect(buildConstraint("select_one", { min: 0, max: 3, maxLength: null, notFuture: false })).toBeNull();
  });

  it("leaves a hand-written constraint to the custom field", () => {
    expect(parseConstraint("(. >= 0 and . <= 10) or . = 99")).toBeNull();
  });
});

describe("question input", () => {
  const valid = {
    code: "trust_hw",
    type: "select_one",
    label: "Do you trust health workers?",
    choiceMode: "shared",
    sharedList: "agree5",
  } as const;

  it("accepts a select question with a shared list", () => {
    expect(questionInputSchema.parse(valid)).toMatchObject({ code: "trust_hw", hint: null, indicators: [], tags: [] });
  });

  it("names each problem with a translatable key", () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, code: "Trust HW" }, "code", "codeFormat"],
      [{ ...valid, code: "meta" }, "code", "codeReserved"],
      [{ ...valid, label: "  " }, "label", "required"],
      [{ ...valid, choiceMode: "none" }, "choiceMode", "choicesRequired"],
      [{ ...valid, type: "integer" }, "choiceMode", "choicesNotAllowed"],
      [{ ...valid, choiceMode: "own", ownChoices: [{ name: "a", label: "A" }] }, "ownChoices", "twoChoices"],
      [
        {
          ...valid,
          choiceMode: "own",
          ownChoices: [
            { name: "a", label: "A" },
            { name: "a", label: "B" },
          ],
        },
        "ownChoices",
        "duplicateChoice",
      ],
      [{ ...valid, type: "integer", choiceMode: "none", constraint: { min: 10, max: 1 } }, "constraint", "minAboveMax"],
      [{ ...valid, label: "x".repeat(2001) }, "label", "tooLong"],
    ];
    for (const [input, field, key] of cases) {
      const result = questionInputSchema.safeParse(input);
      expect(result.success, JSON.stringify(input).slice(0, 80)).toBe(false);
      expect(fieldErrorKeys(result.error!)[field], field).toBe(key);
    }
  });

  it("reads the editor's form, choices one per line", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      code: "age",
      type: "integer",
      label: "How old are you?",
      choiceMode: "none",
      min: "0",
      max: "120",
      tags: "age, background ,",
    }))
      form.set(k, v);
    form.append("indicators", "PER-03");
    const input = questionInputSchema.parse(questionInputFromForm(form));
    expect(input).toMatchObject({
      constraint: { min: 0, max: 120 },
      tags: ["age", "background"],
      indicators: ["PER-03"],
    });
    expect(parseChoiceLines("yes = Yes\n\n no=No, really \nbad line")).toEqual([
      { name: "yes", label: "Yes" },
      { name: "no", label: "No, really" },
      { name: "", label: "bad line" },
    ]);
    expect(parseChoiceLines(formatChoiceLines([{ name: "a", label: "A = b" }]))).toEqual([
      { name: "a", label: "A = b" },
    ]);
  });
});
