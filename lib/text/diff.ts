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

// A double-bracket placeholder ([[hazard.of]]) is one token: cut into "[[", "hazard", ".", "of",
// "]]" it could be half changed, and the page could no longer show it as one slot.
const PLACEHOLDER = /(\[\[[^[\]]*\]\])/;

function tokens(text: string): string[] {
  return text
    .split(PLACEHOLDER)
    .flatMap((part, i) => (i % 2 === 1 ? [part] : Array.from(segmenter.segment(part), (s) => s.segment)));
}

const isChange = (p: DiffPart | undefined) => p !== undefined && p.kind !== "same";

/**
 * A token diff pairs the spaces between words, so a rewritten phrase would read as alternating
 * words ("How" added, " " same, "much" added…). Spaces lying between two changes join the change,
 * and each run of changes is shown as one removed part followed by one added part.
 */
function readable(parts: DiffPart[]): DiffPart[] {
  const absorbed = parts.flatMap((p, i): DiffPart[] =>
    p.kind === "same" && /^\s+$/u.test(p.text) && isChange(parts[i - 1]) && isChange(parts[i + 1])
      ? [
          { text: p.text, kind: "removed" },
          { text: p.text, kind: "added" },
        ]
      : [p],
  );
  const out: DiffPart[] = [];
  for (let i = 0; i < absorbed.length;) {
    if (absorbed[i].kind === "same") {
      out.push(absorbed[i++]);
      continue;
    }
    let removed = "";
    let added = "";
    for (; i < absorbed.length && absorbed[i].kind !== "same"; i++) {
      if (absorbed[i].kind === "removed") removed += absorbed[i].text;
      else added += absorbed[i].text;
    }
    if (removed) out.push({ text: removed, kind: "removed" });
    if (added) out.push({ text: added, kind: "added" });
  }
  return out;
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
  return readable(parts);
}
