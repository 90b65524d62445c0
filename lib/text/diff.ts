// Word-level differences between two texts, shared by the curators' version history, the builder's
// "the bank changed" panel and the translators' workspace.
//
// Why not diff's diffWords: since diff 6 it treats whitespace as belonging to the words around it
// and reports unchanged parts with the new text's spacing, so the "before" side cannot be rebuilt
// exactly (a change from ";" to "; " is lost). Its default tokenizer also knows Latin letters only and
// would split Arabic words letter by letter. We cut both texts into words, spaces and punctuation
// with the platform's word segmenter (it knows every script the bank holds) and diff the tokens.
import { diffArrays } from "diff";

export type DiffPart = { text: string; kind: "same" | "added" | "removed" };

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

function tokens(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Parts in reading order; joining all but "added" gives `before`, all but "removed" gives `after`. */
export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const text = change.value.join("");
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ text, kind });
  }
  return parts;
}
