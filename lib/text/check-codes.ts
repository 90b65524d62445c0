// The codes of the translation checks (lib/translations/checks.ts) and the reading of the setting
// that makes some of them blocking (TRANSLATION_BLOCKING_CHECKS). Here, in the ground, because
// lib/env.ts validates the setting at start-up and the ground never imports a domain; it imports
// nothing, so that the browser's editor may use it too.
export const CHECK_CODES = [
  "empty",
  "sameAsSource",
  "missingReference",
  "missingNumber",
  "missingPlaceholder",
  "glossaryMissing",
  "glossaryForbidden",
  "endPunctuation",
  "surroundingSpace",
  "tooLong",
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** A missing `${name}` or [PLACEHOLDER] breaks the form in the field: it blocks unless set otherwise. */
export const DEFAULT_BLOCKING_CHECKS: readonly CheckCode[] = ["missingReference", "missingPlaceholder"];

const isCheckCode = (code: string): code is CheckCode => (CHECK_CODES as readonly string[]).includes(code);

const items = (list: string) =>
  list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The setting's words that name no check ("none" alone means that nothing blocks). */
export function unknownCheckCodes(list: string): string[] {
  const words = items(list);
  if (words.length === 1 && words[0] === "none") return [];
  return words.filter((w) => !isCheckCode(w));
}

/**
 * The blocking checks of the setting: unset or empty keeps the defaults, "none" blocks nothing,
 * otherwise the listed codes (exactly: the defaults are not added). Unknown codes throw (the env
 * schema refuses them first, with the list of known codes).
 */
export function parseBlockingChecks(list: string | undefined): CheckCode[] {
  if (!list?.trim()) return [...DEFAULT_BLOCKING_CHECKS];
  const unknown = unknownCheckCodes(list);
  if (unknown.length) throw new Error(`Unknown translation checks: ${unknown.join(", ")}`);
  return [...new Set(items(list).filter(isCheckCode))];
}
