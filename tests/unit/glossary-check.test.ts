// The glossary check of the translation checks (lib/translations/glossary-match.ts, via checks.ts):
// Spanish, French and Arabic, with Arabic written with and without its short vowels.
import { describe, expect, it } from "vitest";
import { checkField } from "@/lib/translations/checks";
import { findGlossaryTerms, normaliseForMatch } from "@/lib/translations/glossary-match";

const entry = (e: { term: string; approved: string; forms?: string[]; forbidden?: string[]; except?: string[] }) => ({
  forms: [],
  forbidden: [],
  except: [],
  ...e,
});
const es = [
  entry({
    term: "health worker",
    approved: "personal de salud",
    forbidden: ["trabajador de salud", "trabajadores de salud"],
    except: ["community health worker"],
  }),
];
const fr = [
  entry({
    term: "health worker",
    approved: "agent de santé",
    forms: ["agents de santé"],
    forbidden: ["agent sanitaire"],
  }),
];
const ar = [entry({ term: "outbreak", approved: "تفشي المرض", forbidden: ["الفاشية"] })];
const codes = (w: { code: string }[]) => w.map((x) => x.code);

describe("glossary check", () => {
  it("Spanish: the approved term passes; a forbidden variant and a missing term are named", () => {
    expect(checkField("label", "Do you trust health workers?", "¿Confía en el personal de salud?", es)).toEqual([]);
    const forbidden = checkField("label", "Do you trust health workers?", "¿Confía en los trabajadores de salud?", es);
    expect(codes(forbidden)).toEqual(["glossaryMissing", "glossaryForbidden"]);
    expect(forbidden[1].detail).toBe("trabajadores de salud → personal de salud");
    expect(codes(checkField("label", "Did a health worker visit?", "¿Le visitó un médico?", es))).toEqual([
      "glossaryMissing",
    ]);
  });

  it("a term inside an except phrase belongs to another term", () => {
    expect(findGlossaryTerms("Did a community health worker visit?", es)).toEqual([]);
    expect(checkField("label", "Did a community health worker visit?", "¿Le visitó un promotor de salud?", es)).toEqual(
      [],
    );
  });

  it("French: accepted forms count as the approved term; case and non-breaking spaces are ignored", () => {
    expect(checkField("label", "Health workers came", "Les agents de santé sont venus", fr)).toEqual([]);
    expect(checkField("label", "Health worker", "Agent de\u00a0santé", fr)).toEqual([]);
    expect(codes(checkField("label", "Health worker", "Agent sanitaire", fr))).toEqual([
      "glossaryMissing",
      "glossaryForbidden",
    ]);
  });

  it("Arabic: matches with or without short vowels, and with a prefix attached", () => {
    expect(checkField("label", "During the outbreak", "أثناء تفشي المرض", ar)).toEqual([]);
    expect(checkField("label", "During the outbreak", "أثناء تَفَشِّي المَرَض", ar)).toEqual([]);
    expect(checkField("label", "The outbreak", "وتفشي المرض", ar)).toEqual([]);
    expect(codes(checkField("label", "During the outbreak", "أثناء الفاشيّة", ar))).toEqual([
      "glossaryMissing",
      "glossaryForbidden",
    ]);
    expect(normaliseForMatch("إِذا أُوصِيَ")).toBe(normaliseForMatch("اذا اوصي"));
  });

  it("whole words only, the longer term first, plurals included", () => {
    const entries = [
      entry({ term: "contact", approved: "contacto" }),
      entry({ term: "close contact", approved: "contacto estrecho" }),
    ];
    const hits = findGlossaryTerms("Any close contacts? Contactless payment.", entries);
    expect(hits.map((h) => h.entry.term)).toEqual(["close contact"]);
    expect(findGlossaryTerms("an outbreaks-free", ar).length).toBe(1);
    expect(findGlossaryTerms("breakout", ar)).toEqual([]);
  });

  it("a term with a parenthesis names a sense and is not searched for", () => {
    const how = [entry({ term: "how (to what degree)", approved: "cuán", forbidden: ["qué tan"] })];
    expect(findGlossaryTerms("How are you?", how)).toEqual([]);
    expect(codes(checkField("label", "How much?", "¿Qué tan seguido?", how))).toEqual(["glossaryForbidden"]);
  });

  it("no glossary, no glossary warning", () => {
    expect(checkField("label", "Health worker", "Agent sanitaire")).toEqual([]);
  });
});
