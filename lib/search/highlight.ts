// Which parts of a text match the query words, as ranges: the interface turns them into <mark>
// elements, so that user text is never treated as HTML.
import { normalizeChar } from "./normalize";

export type Segment = { text: string; match: boolean };

const ARABIC_ARTICLE = /^(و?ال|لل|بال|فال|كال)(?=.{2,})/;

/** A stem-like prefix: stemmers cut endings, so a word matches when it starts like the query word. */
export function stemPrefix(word: string): string {
  const bare = word.replace(ARABIC_ARTICLE, "");
  if (bare.length <= 4) return bare;
  return bare.slice(0, Math.max(4, bare.length - 2));
}

/** Splits `text` into matching and non-matching segments for the (normalised) query words. */
export function highlightSegments(text: string, words: string[]): Segment[] {
  const prefixes = [...new Set(words.filter((w) => w.length >= 2).map(stemPrefix))].filter((p) => p.length >= 2);
  if (!prefixes.length || !text) return text ? [{ text, match: false }] : [];
  const segments: Segment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += s;
    else segments.push({ text: s, match });
  };
  for (const token of text.split(/([\p{L}\p{N}\p{M}]+)/u)) {
    if (!token) continue;
    if (!/[\p{L}\p{N}]/u.test(token)) {
      push(token, false);
      continue;
    }
    let folded = "";
    for (const ch of token) folded += normalizeChar(ch);
    const bare = folded.replace(ARABIC_ARTICLE, "");
    const hit = prefixes.some((p) => bare.startsWith(p) || (p.length >= 4 && folded.startsWith(p)));
    push(token, hit);
  }
  return segments;
}
