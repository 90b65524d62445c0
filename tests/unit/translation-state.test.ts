// The working text of a question's translation and its fields beside the label (hint, constraint
// message): what waits for review is what translators see, each field with its own source.
import { describe, expect, it } from "vitest";
import { sourceConstraintMessage, sourceExtras, workingText } from "@/lib/translations/state";
import { diffFields } from "@/lib/translations/diff";

const approved = {
  label: "Âge ?",
  hint: "En années",
  constraintMessage: "De 15 à 110.",
  status: "approved" as const,
  sourceVersion: 1,
  updatedById: "a",
  pendingLabel: null,
  pendingHint: null,
  pendingConstraintMessage: null,
  pendingStatus: null,
  pendingSourceVersion: null,
  pendingUpdatedById: null,
};

describe("translation state", () => {
  it("shows the constraint message waiting for review, the approved one otherwise", () => {
    expect(workingText(approved)).toMatchObject({ constraintMessage: "De 15 à 110.", pending: false });
    const waiting = {
      ...approved,
      pendingLabel: "Âge ?",
      pendingHint: "En années",
      pendingConstraintMessage: "Entre 15 et 110.",
      pendingStatus: "draft" as const,
      pendingSourceVersion: 1,
      pendingUpdatedById: "b",
    };
    expect(workingText(waiting)).toMatchObject({
      constraintMessage: "Entre 15 et 110.",
      status: "draft",
      pending: true,
    });
  });

  it("asks for a constraint message only while the question has a constraint", () => {
    const en = { hint: "", constraintMessage: "From 15 to 110." };
    expect(sourceConstraintMessage({ constraint: ". >= 15 and . <= 110" }, en)).toBe("From 15 to 110.");
    expect(sourceConstraintMessage({ constraint: null }, en)).toBeNull();
    expect(sourceExtras({ constraint: ". >= 15" }, en)).toEqual({ hint: null, constraintMessage: "From 15 to 110." });
  });

  it("names a changed constraint message in a version's changes", () => {
    const before = { label: "Âge ?", hint: null, constraintMessage: "De 15 à 110.", choices: {} };
    expect(diffFields(before, { ...before, constraintMessage: "Entre 15 et 110." }).map((d) => d.field)).toEqual([
      "constraintMessage",
    ]);
    // A source snapshot keeps no constraint message: nothing is said to have changed.
    expect(diffFields({ label: "Age?", hint: null, choices: {} }, { label: "Age?", hint: null, choices: {} })).toEqual(
      [],
    );
  });
});
