// The same folding as qb_normalize() in the database (migration add_search), for highlighting and
// for splitting a query into words: lower case, no accents, Arabic letter variants folded.

const ARABIC_FOLD: Record<string, string> = {
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ
  "\u0649": "\u064A", // ى → ي
  "\u06CC": "\u064A", // Farsi yeh → ي
  "\u0629": "\u0647", // ة → ه
};
// Harakat, shadda, sukun, superscript alef, tatweel.
const ARABIC_DROP = /[\u064B-\u0652\u0670\u0640]/g;

/** Folds one character at a time, so that positions in the result match positions in the input. */
export function normalizeChar(ch: string): string {
  if (ARABIC_DROP.test(ch)) {
    ARABIC_DROP.lastIndex = 0;
    return "";
  }
  ARABIC_DROP.lastIndex = 0;
  const folded = ARABIC_FOLD[ch];
  if (folded) return folded;
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function normalizeText(text: string): string {
  let out = "";
  for (const ch of text) out += normalizeChar(ch);
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a query, normalised; websearch operators ("or", a leading "-") are left out. */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  for (const match of query.matchAll(/(-?)("?)([^\s"]+)/g)) {
    if (match[1] === "-") continue;
    for (const w of normalizeText(match[3]).match(WORD) ?? []) if (w !== "or") words.push(w);
  }
  return words;
}
