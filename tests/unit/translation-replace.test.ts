// Search and replace's pure half: plain text (never a pattern), case-sensitive or not, the
// replacement taken literally, each changed field with its word diff, and a fingerprint that
// changes when the change does.
import { describe, expect, it } from "vitest";
import { fingerprintOf, replaceFields, replaceIn } from "@/lib/translations/replace";

const plain = { caseSensitive: false };

describe("replaceIn", () => {
  it("finds plain text, not a pattern, and replaces every occurrence", () => {
    expect(replaceIn("a.b a.b axb", { find: "a.b", replace: "c", ...plain })).toBe("c c axb");
    expect(replaceIn("nothing here", { find: "x", replace: "y", ...plain })).toBeNull();
  });
  it("ignores case unless asked, in any script", () => {
    expect(replaceIn("Hogar y HOGAR", { find: "hogar", replace: "vivienda", caseSensitive: false })).toBe(
      "vivienda y vivienda",
    );
    expect(replaceIn("Hogar y hogar", { find: "hogar", replace: "vivienda", caseSensitive: true })).toBe(
      "Hogar y vivienda",
    );
    expect(replaceIn("ÉTÉ été", { find: "été", replace: "hiver", caseSensitive: false })).toBe("hiver hiver");
    expect(replaceIn("هل لديك طفل؟", { find: "طفل", replace: "ولد", caseSensitive: true })).toBe("هل لديك ولد؟");
  });
  it("takes the replacement literally ($& stays $&) and trims as a save does", () => {
    expect(replaceIn("x y", { find: "y", replace: "$&$1", ...plain })).toBe("x $&$1");
    expect(replaceIn("fin x", { find: "x", replace: "", ...plain })).toBe("fin");
  });
});

describe("replaceFields", () => {
  it("lists only the changed fields, with a word diff, choices by name", () => {
    const changes = replaceFields(
      {
        label: "¿Tiene el hogar agua?",
        hint: null,
        constraintMessage: null,
        choices: { yes: "Sí", other: "Otro hogar" },
      },
      { find: "hogar", replace: "vivienda", caseSensitive: true },
    );
    expect(changes.map((c) => [c.field, c.after])).toEqual([
      ["label", "¿Tiene el vivienda agua?"],
      ["choice:other", "Otro vivienda"],
    ]);
    expect(changes[0].parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text])).toEqual([
      ["removed", "hogar"],
      ["added", "vivienda"],
    ]);
  });
  it("fingerprints what was shown: another before or after is another fingerprint", () => {
    const a = replaceFields(
      { label: "uno dos", hint: null, constraintMessage: null, choices: {} },
      { find: "dos", replace: "tres", ...plain },
    );
    const b = replaceFields(
      { label: "uno dos.", hint: null, constraintMessage: null, choices: {} },
      { find: "dos", replace: "tres", ...plain },
    );
    expect(fingerprintOf("Q1", a)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf("Q1", a)).toBe(fingerprintOf("Q1", a));
    expect(fingerprintOf("Q1", a)).not.toBe(fingerprintOf("Q1", b));
    expect(fingerprintOf("Q1", a)).not.toBe(fingerprintOf("Q2", a));
  });
});
