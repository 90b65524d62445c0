// Checks of a translated text's form rather than its content (as Weblate's "Ending punctuation",
// "Leading/trailing whitespace" and "Maximum length"): a question that ends in "?" read as a
// statement, a space that shifts a label in the form, a 9-character answer turned into a paragraph
// that no longer fits a phone screen. Pure: no I/O, the same in the browser and on the server.
import type { CheckCode } from "./checks";

/** A target longer than LENGTH_RATIO × the source + LENGTH_SLACK characters is flagged. */
export const LENGTH_RATIO = 3;
/** Short sources ("Yes", "OK") rightly grow a lot in some languages: the slack keeps them quiet. */
export const LENGTH_SLACK = 20;

type Mark = "." | "?" | "!" | ":" | ";" | ",";
/** What ends a sentence of each kind, whatever the language (the source's mark always counts). */
const ENDINGS: Record<Mark, string[]> = {
  ".": [".", "…", "。", "۔"],
  "?": ["?", "؟", "？"],
  "!": ["!", "！"],
  ":": [":", "："],
  // Not sentence ends, but a source cut off mid-sentence ("Do you have, …") should stay so.
  ";": [";", "؛", "；"],
  ",": [",", "،", "、", "，"],
};
/** Per language, only its own marks count: Arabic asks "؟", and writes "؛" and "،" for ";" and ",". */
const BY_LANGUAGE: Record<string, Partial<Record<Mark, string[]>>> = {
  ar: { "?": ["؟", "?"], ".": [".", "…", "۔"], ";": ["؛", ";"], ",": ["،", ","] },
};
/** Closing quotes and brackets after the mark: «¿Sí?» ends with "?" all the same. */
const CLOSERS = /[\s"'»«”“’‘)\]\u00a0\u202f]+$/u;

export type FormProblem = { code: CheckCode; detail?: string };

function endMark(text: string): Mark | null {
  const last = text.replace(CLOSERS, "").slice(-1);
  return (ENDINGS as Record<string, string[]>)[last] ? (last as Mark) : null;
}

/**
 * The source ends with . ? ! : ; or , and the target does not end with the language's equivalent.
 * Spanish may open with ¿ ¡ (only the end is compared); French writes a (no-break) space before
 * ? ! : ; which the closers above do not count; Arabic's question mark is ؟.
 */
export function checkEndPunctuation(source: string, target: string, lang?: string): FormProblem[] {
  const mark = endMark(source);
  if (!mark) return [];
  const accepted = (lang && BY_LANGUAGE[lang]?.[mark]) || ENDINGS[mark];
  const end = target.replace(CLOSERS, "");
  if (accepted.some((m) => end.endsWith(m))) return [];
  return [{ code: "endPunctuation", detail: accepted[0] }];
}

/**
 * Spaces around the target that the source lacks. Every save trims them (the editor's schema, the
 * spreadsheet's and XLIFF's readers), so they never reach the bank; the check says so in the editor
 * before saving rather than letting the text change silently.
 */
export function checkSurroundingSpace(source: string, target: string): FormProblem[] {
  const leading = /^\s/u.test(target) && !/^\s/u.test(source);
  const trailing = /\s$/u.test(target) && !/\s$/u.test(source);
  return leading || trailing ? [{ code: "surroundingSpace" }] : [];
}

/** Characters as a reader counts them (an Arabic letter or an emoji is one). */
const length = (text: string) => [...text.trim()].length;

export function checkLength(source: string, target: string): FormProblem[] {
  const max = length(source) * LENGTH_RATIO + LENGTH_SLACK;
  const n = length(target);
  return n > max ? [{ code: "tooLong", detail: String(max) }] : [];
}
