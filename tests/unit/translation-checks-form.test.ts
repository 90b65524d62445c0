import { describe, expect, it } from "vitest";
import { checkField } from "@/lib/translations/checks";
import {
  checkEndPunctuation,
  checkLength,
  checkSurroundingSpace,
  LENGTH_RATIO,
  LENGTH_SLACK,
} from "@/lib/translations/checks-form";

const codes = (w: { code: string; detail?: string }[]) => w.map((x) => (x.detail ? `${x.code}:${x.detail}` : x.code));

describe("end punctuation", () => {
  it("asks a question to stay a question, a sentence to end as one", () => {
    expect(checkEndPunctuation("How old are you?", "¿Cuántos años tiene?", "es")).toEqual([]);
    expect(codes(checkEndPunctuation("How old are you?", "¿Cuántos años tiene", "es"))).toEqual(["endPunctuation:?"]);
    expect(codes(checkEndPunctuation("Count the visits.", "Cuente las visitas", "es"))).toEqual(["endPunctuation:."]);
    expect(codes(checkEndPunctuation("Stop!", "¡Alto.", "es"))).toEqual(["endPunctuation:!"]);
    expect(codes(checkEndPunctuation("Name:", "Nombre", "es"))).toEqual(["endPunctuation::"]);
    // A source without end punctuation asks nothing.
    expect(checkEndPunctuation("Yes", "Sí.", "es")).toEqual([]);
  });

  it("takes Spanish's opening ¿ ¡ and closing quotes as they are", () => {
    expect(checkEndPunctuation("Did you say “yes”?", "¿Dijo «sí»?", "es")).toEqual([]);
    expect(checkEndPunctuation("He said “stop!”", "Dijo «¡alto!»", "es")).toEqual([]);
  });

  it("takes French's (no-break) space before ? ! : ;", () => {
    expect(checkEndPunctuation("How old are you?", "Quel âge avez-vous\u00a0?", "fr")).toEqual([]);
    expect(checkEndPunctuation("How old are you?", "Quel âge avez-vous\u202f?", "fr")).toEqual([]);
    expect(checkEndPunctuation("Name:", "Nom :", "fr")).toEqual([]);
    expect(checkEndPunctuation("Careful!", "Attention\u00a0!", "fr")).toEqual([]);
    expect(codes(checkEndPunctuation("How old are you?", "Quel âge avez-vous\u00a0", "fr"))).toEqual([
      "endPunctuation:?",
    ]);
  });

  it("asks Arabic for its own marks: ؟ and ؛ and ،", () => {
    expect(checkEndPunctuation("How old are you?", "كم عمرك؟", "ar")).toEqual([]);
    expect(codes(checkEndPunctuation("How old are you?", "كم عمرك", "ar"))).toEqual(["endPunctuation:؟"]);
    expect(checkEndPunctuation("Mother, father,", "الأم، الأب،", "ar")).toEqual([]);
    expect(checkEndPunctuation("First;", "أولًا؛", "ar")).toEqual([]);
    expect(checkEndPunctuation("Count the visits.", "احسب الزيارات.", "ar")).toEqual([]);
  });

  it("without a language, accepts any language's mark", () => {
    expect(checkEndPunctuation("How old are you?", "كم عمرك؟")).toEqual([]);
    expect(checkEndPunctuation("Count the visits...", "Cuente las visitas…")).toEqual([]);
  });
});

describe("surrounding spaces", () => {
  it("reports leading or trailing spaces that the source lacks", () => {
    expect(codes(checkSurroundingSpace("Yes", " Sí"))).toEqual(["surroundingSpace"]);
    expect(codes(checkSurroundingSpace("Yes", "Sí\u00a0"))).toEqual(["surroundingSpace"]);
    expect(codes(checkSurroundingSpace("Yes", "Sí\n"))).toEqual(["surroundingSpace"]);
    expect(checkSurroundingSpace("Yes", "Sí")).toEqual([]);
    expect(checkSurroundingSpace("Yes ", "Sí ")).toEqual([]);
    // Spaces inside the text are the translator's business.
    expect(checkSurroundingSpace("Yes", "Sí  claro")).toEqual([]);
  });
});

describe("length", () => {
  it("flags a target longer than the ratio of the source plus the slack", () => {
    const max = 9 * LENGTH_RATIO + LENGTH_SLACK;
    expect(checkLength("Sometimes", "x".repeat(max))).toEqual([]);
    expect(codes(checkLength("Sometimes", "x".repeat(max + 1)))).toEqual([`tooLong:${max}`]);
    expect(codes(checkLength("Sometimes", "y".repeat(400)))).toEqual([`tooLong:${max}`]);
  });

  it("counts characters as a reader does, not UTF-16 units, and ignores surrounding spaces", () => {
    expect(checkLength("Yes", "😀".repeat(3 * LENGTH_RATIO + LENGTH_SLACK))).toEqual([]);
    expect(checkLength("Yes", `  ${"x".repeat(3 * LENGTH_RATIO + LENGTH_SLACK)}  `)).toEqual([]);
  });
});

describe("checkField with the form checks", () => {
  it("runs them after the content checks, with the target language", () => {
    expect(codes(checkField("label", "How old is ${child}?", " ¿Qué edad tiene?", [], "es"))).toEqual([
      "missingReference:${child}",
      "surroundingSpace",
    ]);
    expect(codes(checkField("label", "How old are you?", "كم عمرك?", [], "ar"))).toEqual([]);
    expect(codes(checkField("choice:often", "Often", "x".repeat(400), [], "fr"))).toEqual(["tooLong:35"]);
  });
});
