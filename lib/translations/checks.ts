// Quality checks of one translated text against its source, the same in the browser (warnings
// before saving) and on the server (a save with warnings must be confirmed). Pure: no I/O.
//
// What they look for is what breaks a survey in the field: a `${name}` reference that XLSForm
// would no longer fill in, a number that changed (ages, days, doses), a placeholder such as
// [COUNTRY], {disease} or the hazard's [[hazard.of]] lost in translation, an empty text, or a text
// left in the source language;
// and, given the language's glossary, a term translated otherwise than approved (glossary-match.ts);
// and the text's form: end punctuation, surrounding spaces, length (checks-form.ts). Whether a
// problem only warns or blocks a save is check-policy.ts's.
import { checkGlossary } from "./glossary-match";
import { checkEndPunctuation, checkLength, checkSurroundingSpace } from "./checks-form";
import type { GlossaryEntry } from "./glossary-schema";
import type { CheckCode } from "../text/check-codes";
import { findHazardTokens, withoutHazardTokens } from "../hazards/placeholder";

export { CHECK_CODES, type CheckCode } from "../text/check-codes";
/** What the checks need of the glossary: the language's terms (none: no glossary check). */
export type CheckGlossary = readonly Pick<GlossaryEntry, "term" | "approved" | "forms" | "forbidden" | "except">[];
export type CheckWarning = { field: string; code: CheckCode; detail?: string };

/** XLSForm references to other answers: ${name}. */
export const REFERENCE = /\$\{\s*([A-Za-z_][\w.-]*)\s*\}/g;
/** Placeholders that a survey team fills in before fielding: [COUNTRY], {disease}, {{x}}, %s, %1$s. */
export const PLACEHOLDER =
  /\{\{\s*[\w.-]+\s*\}\}|(?<!\$)\{\s*[\w.-]+\s*\}|\[[A-Z][A-Z0-9_ ]*[A-Z0-9]\]|%(?:\d+\$)?[sd]/g;
export const NUMBER = /\d+(?:[.,]\d+)?/g;

/** Arabic-Indic and Eastern Arabic-Indic digits read as the same numbers as ASCII digits. */
export function normaliseDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ".") // Arabic decimal separator
    .replace(/\u066c/g, ","); // Arabic thousands separator
}

function all(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

/** The `${name}` references of a text, by name (spacing inside the braces does not matter). */
export function findReferences(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m[1]);
}

/**
 * The placeholders of a text, the hazard's among them as one "[[hazard]]" each: a translation
 * rightly writes another form than its source ([[hazard]] in English, [[hazard.of]] in French).
 */
export function findPlaceholders(text: string): string[] {
  const hazards = findHazardTokens(text).map(() => "[[hazard]]");
  const rest = withoutHazardTokens(text.replace(REFERENCE, " "));
  return [...hazards, ...all(PLACEHOLDER, rest).map((p) => p.replace(/\s+/g, ""))];
}

/** Numbers as values: "1,000", "1000" and "١٠٠٠" are the same number; 2.5 and 2,5 too. */
export function findNumbers(text: string): string[] {
  const plain = normaliseDigits(withoutHazardTokens(text.replace(REFERENCE, " ")).replace(PLACEHOLDER, " "));
  return all(NUMBER, plain).map((n) => (/^\d{1,3}(,\d{3})+$/.test(n) ? n.replace(/,/g, "") : n.replace(",", ".")));
}

/** Items of `source` absent from `target`, counting repeats (two 5s in the source need two). */
function missingFrom(source: string[], target: string[]): string[] {
  const left = new Map<string, number>();
  for (const t of target) left.set(t, (left.get(t) ?? 0) + 1);
  const missing: string[] = [];
  for (const s of source) {
    const n = left.get(s) ?? 0;
    if (n > 0) left.set(s, n - 1);
    else missing.push(s);
  }
  return [...new Set(missing)];
}

const squash = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/**
 * Warnings for one field; an absent source (no hint or constraint message in English) asks for
 * nothing. `lang`, the target language, chooses its punctuation; without it any language's marks
 * are accepted.
 */
export function checkField(
  field: string,
  source: string | null | undefined,
  target: string | null | undefined,
  glossary: CheckGlossary = [],
  lang?: string,
): CheckWarning[] {
  const src = source ?? "";
  const tgt = target ?? "";
  if (!src.trim()) return [];
  if (!tgt.trim()) return [{ field, code: "empty" }];
  const warnings: CheckWarning[] = [];
  // A word like "OK" or a number may rightly stay the same; a sentence left in the source rarely does.
  if (squash(src) === squash(tgt) && /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(src))
    warnings.push({ field, code: "sameAsSource" });
  for (const r of missingFrom(findReferences(src), findReferences(tgt)))
    warnings.push({ field, code: "missingReference", detail: `\${${r}}` });
  for (const n of missingFrom(findNumbers(src), findNumbers(tgt)))
    warnings.push({ field, code: "missingNumber", detail: n });
  for (const p of missingFrom(findPlaceholders(src), findPlaceholders(tgt)))
    warnings.push({ field, code: "missingPlaceholder", detail: p });
  for (const problem of checkGlossary(src, tgt, glossary)) warnings.push({ field, ...problem });
  for (const problem of [
    ...checkEndPunctuation(src, tgt, lang),
    ...checkSurroundingSpace(src, tgt),
    ...checkLength(src, tgt),
  ])
    warnings.push({ field, ...problem });
  return warnings;
}

export type TranslationFields = {
  label: string;
  hint?: string | null;
  /** The source's only while the question has a constraint (sourceConstraintMessage in state.ts) */
  constraintMessage?: string | null;
  choices?: Record<string, string | null | undefined>;
};

/**
 * Every warning of a question's translation: label, hint, constraint message and each answer
 * choice ("choice:<name>").
 */
export function checkTranslation(
  source: TranslationFields,
  target: TranslationFields,
  glossary: CheckGlossary = [],
  lang?: string,
): CheckWarning[] {
  const warnings = [
    ...checkField("label", source.label, target.label, glossary, lang),
    ...checkField("hint", source.hint, target.hint, glossary, lang),
    ...checkField("constraintMessage", source.constraintMessage, target.constraintMessage, glossary, lang),
  ];
  for (const [name, label] of Object.entries(source.choices ?? {})) {
    warnings.push(...checkField(`choice:${name}`, label, target.choices?.[name], glossary, lang));
  }
  return warnings;
}
