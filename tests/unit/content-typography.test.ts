// Typography of the seed bank per language. French needs a non-breaking space before ? : ; !
// and inside « » (a plain space lets the sign wrap to the next line alone); Arabic uses its own
// comma, question mark and semicolon; no text ends in doubled punctuation such as .»? or ??.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeedBank, type SeedBank } from "../../prisma/seed-files";
import { seedTexts, type SeedText } from "./content-texts";

let texts: SeedText[];
beforeAll(async () => {
  const bank: SeedBank = await loadSeedBank();
  texts = seedTexts(bank);
});

const NBSP = "\u00A0";
const NNBSP = "\u202F";
const isFixedSpace = (c: string | undefined) => c === NBSP || c === NNBSP;

/** Positions in a French text where a high sign or guillemet lacks its fixed space. */
export function frenchSpacingErrors(s: string): string[] {
  const errors: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const around = s.slice(Math.max(0, i - 12), i + 12);
    if ("?!;".includes(c) && !isFixedSpace(s[i - 1])) errors.push(`no fixed space before "${c}": …${around}…`);
    // A colon between digits is a time or ratio (10:30), not punctuation.
    if (
      c === ":" &&
      !isFixedSpace(s[i - 1]) &&
      !(/\d/.test(s[i - 1] ?? "") && /\d/.test(s[i + 1] ?? "")) &&
      !/https?$/.test(s.slice(0, i))
    )
      errors.push(`no fixed space before ":": …${around}…`);
    if (c === "«" && !isFixedSpace(s[i + 1])) errors.push(`no fixed space after «: …${around}…`);
    if (c === "»" && !isFixedSpace(s[i - 1])) errors.push(`no fixed space before »: …${around}…`);
    if (isFixedSpace(c) && s[i - 1] === " ") errors.push(`plain space before a fixed space: …${around}…`);
  }
  return errors;
}

const DOUBLED = /[.!?؟]\s*[»"”]\s*[?؟!]|[?؟]{2,}|!{2,}|[?؟!]\s*\.(?!\.)|(?<!\.)\.\.(?!\.)|[?؟]\s*[?؟]/;

describe("seed typography", () => {
  it("the checker itself catches what it should and accepts correct French", () => {
    expect(frenchSpacingErrors("Êtes-vous d'accord ?")).toHaveLength(1);
    expect(frenchSpacingErrors("« Oui »")).toHaveLength(2);
    expect(frenchSpacingErrors(`Êtes-vous d'accord${NNBSP}? «${NBSP}Oui${NBSP}»${NBSP}: à 10:30.`)).toEqual([]);
    expect(DOUBLED.test("«…communauté.»?")).toBe(true);
    expect(DOUBLED.test("Vraiment ??")).toBe(true);
    expect(DOUBLED.test("«…communauté»?")).toBe(false);
  });

  it("French puts a non-breaking space before ? : ; ! and inside « »", () => {
    const errors = texts.flatMap((t) => frenchSpacingErrors(t.text.fr).map((e) => `${t.where}: ${e}`));
    expect(errors).toEqual([]);
  });

  it("Arabic uses ، ؟ ؛ rather than the Latin comma, question mark and semicolon", () => {
    // A comma between digits (1,5) is a number, not punctuation.
    const latin = /\?|;|(?<!\d),|,(?!\d)/;
    const errors = texts.filter((t) => latin.test(t.text.ar)).map((t) => `${t.where}: ${t.text.ar}`);
    expect(errors).toEqual([]);
  });

  it("no text in any language has doubled end punctuation such as .»? or ??", () => {
    const errors = texts.flatMap((t) =>
      (["en", "es", "fr", "ar"] as const)
        .filter((l) => DOUBLED.test(t.text[l]))
        .map((l) => `${t.where} (${l}): ${t.text[l]}`),
    );
    expect(errors).toEqual([]);
  });

  it("Spanish questions open with ¿ when they end with ?", () => {
    const errors = texts
      .filter((t) => t.text.es.trim().endsWith("?") && !t.text.es.includes("¿"))
      .map((t) => `${t.where}: ${t.text.es}`);
    expect(errors).toEqual([]);
  });
});
