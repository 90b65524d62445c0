import { describe, expect, it } from "vitest";
import {
  checkField,
  checkTranslation,
  findNumbers,
  findPlaceholders,
  findReferences,
  normaliseDigits,
} from "@/lib/translations/checks";
import { policyFrom, splitByPolicy } from "@/lib/translations/check-policy";

const codes = (w: { code: string; detail?: string }[]) => w.map((x) => (x.detail ? `${x.code}:${x.detail}` : x.code));

describe("translation checks", () => {
  it("finds ${name} references, placeholders and numbers", () => {
    expect(findReferences("Why did ${ child_name } not get ${vaccine}?")).toEqual(["child_name", "vaccine"]);
    expect(findPlaceholders("In [COUNTRY], {disease} spreads; %s and %1$s; {{ name }}")).toEqual([
      "[COUNTRY]",
      "{disease}",
      "%s",
      "%1$s",
      "{{name}}",
    ]);
    // A ${reference} is not also a {placeholder}.
    expect(findPlaceholders("${age}")).toEqual([]);
    expect(findNumbers("In the last 7 days, 2.5 or 1,000 times")).toEqual(["7", "2.5", "1000"]);
  });

  it("reads Arabic-Indic digits as numbers", () => {
    expect(normaliseDigits("خلال ٧ أيام و۱۲")).toBe("خلال 7 أيام و12");
    expect(checkField("label", "In the last 7 days", "خلال الأيام ٧ الماضية")).toEqual([]);
    expect(codes(checkField("label", "In the last 7 days", "خلال الأيام ٨ الماضية"))).toEqual(["missingNumber:7"]);
  });

  it("warns when a reference, number or placeholder of the source is missing", () => {
    const w = checkField(
      "label",
      "How old was ${child} in [COUNTRY] after 14 days?",
      "¿Qué edad tenía en el país después de días?",
    );
    expect(codes(w)).toEqual(["missingReference:${child}", "missingNumber:14", "missingPlaceholder:[COUNTRY]"]);
  });

  it("keeps quiet when everything is carried over, whatever the order", () => {
    expect(
      checkField("label", "Did ${name} get 2 doses in [COUNTRY]?", "¿Recibió ${name} en [COUNTRY] 2 dosis?"),
    ).toEqual([]);
  });

  it("counts repeats: two 5s in the source need two in the target", () => {
    expect(codes(checkField("hint", "Between 5 and 5 km", "Entre 5 km"))).toEqual(["missingNumber:5"]);
  });

  it("warns on an empty target or a sentence left in the source language", () => {
    expect(codes(checkField("label", "Do you trust health workers?", "  "))).toEqual(["empty"]);
    expect(codes(checkField("label", "Do you trust health workers?", "do you trust  health workers?"))).toEqual([
      "sameAsSource",
    ]);
    // A single word or a code may rightly stay the same.
    expect(checkField("choice:ok", "OK", "OK")).toEqual([]);
    // No source hint: nothing is asked of the target.
    expect(checkField("hint", null, "")).toEqual([]);
  });

  it("checks label, hint and every answer choice together", () => {
    const w = checkTranslation(
      { label: "In the last 30 days?", hint: "Count ${visits}", choices: { yes: "Yes", no: "No", dk: "Don't know" } },
      { label: "خلال ٣٠ يومًا الماضية؟", hint: "احسب", choices: { yes: "نعم", no: "" } },
    );
    expect(w).toEqual([
      { field: "hint", code: "missingReference", detail: "${visits}" },
      { field: "choice:no", code: "empty" },
      { field: "choice:dk", code: "empty" },
    ]);
  });

  it("checks the constraint message as it checks the hint, and a blocking problem in it blocks", () => {
    const w = checkTranslation(
      { label: "Age?", constraintMessage: "Enter ${min_age} to 110." },
      { label: "Âge ?", constraintMessage: "Saisissez un âge jusqu’à 11" },
      [],
      "fr",
    );
    expect(w.filter((p) => p.field === "constraintMessage").map((p) => p.code)).toEqual([
      "missingReference",
      "missingNumber",
      "endPunctuation",
    ]);
    expect(splitByPolicy(w, policyFrom()).blocking).toEqual([
      { field: "constraintMessage", code: "missingReference", detail: "${min_age}" },
    ]);
    // No message in the source (no constraint): nothing is asked of the target.
    expect(checkTranslation({ label: "Age?" }, { label: "Âge ?", constraintMessage: "" }, [], "fr")).toEqual([]);
  });
});
