// The one home of the hazard placeholder: a question's label, hint or choice label, in any
// language, names the hazard as [[hazard]] (the bare name) or [[hazard.definite]], [[hazard.of]],
// [[hazard.to]] (schema.ts says what each form is); [[Hazard...]] capitalises the first letter,
// for the start of a sentence. Double square brackets collide neither with XLSForm's ${name}
// references nor with ICU's {braces}, and no survey text writes them otherwise. Pure.
import type { Language } from "../i18n/languages";
import { HAZARD_FORMS, type HazardForm } from "./forms";
import type { HazardNames } from "./schema";

/** Any token that is meant as a hazard placeholder, well formed or not (spaces, case, unknown form). */
export const ANY_TOKEN = /\[\[\s*hazard\b[^\]]*\]\]/gi;
/** A well-formed token: [[hazard]], [[Hazard]], [[hazard.<form>]], [[Hazard.<form>]]. */
const TOKEN = /^\[\[(hazard|Hazard)(?:\.([a-z]+))?\]\]$/;

export type HazardToken = { raw: string; form: HazardForm; capital: boolean };

/** A token as written, or null when it is not one this module can fill (a typo such as [[hazard.off]]). */
export function parseHazardToken(raw: string): HazardToken | null {
  const m = TOKEN.exec(raw);
  if (!m) return null;
  const form = (m[2] ?? "name") as HazardForm;
  if (!HAZARD_FORMS.includes(form)) return null;
  return { raw, form, capital: m[1] === "Hazard" };
}

/** Every placeholder of a text, as written, in order. */
export function findHazardTokens(text: string | null | undefined): string[] {
  return text ? [...text.matchAll(ANY_TOKEN)].map((m) => m[0]) : [];
}

/** The text with every placeholder blanked out (for checks that read the rest: numbers, other placeholders). */
export function withoutHazardTokens(text: string): string {
  return text.replace(ANY_TOKEN, " ");
}

export function usesHazard(text: string | null | undefined): boolean {
  return findHazardTokens(text).length > 0;
}

/** The tokens of a text that cannot be filled (misspelt form, wrong case, spaces). */
export function malformedHazardTokens(text: string | null | undefined): string[] {
  return findHazardTokens(text).filter((t) => !parseHazardToken(t));
}

/**
 * The text with each well-formed placeholder written as the hazard's form in `lang`; a malformed
 * token is left as written, so that the readiness check still sees it.
 */
export function renderHazard(text: string, names: HazardNames, lang: Language): string {
  if (!text.includes("[[")) return text;
  return text.replace(ANY_TOKEN, (raw) => {
    const token = parseHazardToken(raw);
    return token ? hazardWord(token, names, lang) : raw;
  });
}

/** The words a well-formed placeholder stands for: the hazard's form in `lang`, capitalised if asked. */
export function hazardWord(token: HazardToken, names: HazardNames, lang: Language): string {
  const value = names[lang][token.form];
  return token.capital ? value.charAt(0).toLocaleUpperCase(lang) + value.slice(1) : value;
}

export type HazardPiece =
  | { kind: "text"; text: string }
  /** A placeholder as written; `token` is null when no hazard can fill it (a typo such as [[hazard.off]]) */
  | { kind: "slot"; raw: string; token: HazardToken | null };

/**
 * The text cut into plain text and placeholders, in order (joined back, the pieces are the text):
 * what a page shows as marked slots rather than as brackets (components/hazards/HazardText.tsx).
 */
export function splitHazardText(text: string | null | undefined): HazardPiece[] {
  if (!text) return [];
  const pieces: HazardPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(ANY_TOKEN)) {
    if (m.index > at) pieces.push({ kind: "text", text: text.slice(at, m.index) });
    pieces.push({ kind: "slot", raw: m[0], token: parseHazardToken(m[0]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ kind: "text", text: text.slice(at) });
  return pieces;
}

/** The text with each placeholder written as `word(piece)`: for plain-text places (a page's title, a tooltip). */
export function replaceHazardTokens(
  text: string,
  word: (piece: Extract<HazardPiece, { kind: "slot" }>) => string,
): string {
  return splitHazardText(text)
    .map((p) => (p.kind === "text" ? p.text : word(p)))
    .join("");
}
