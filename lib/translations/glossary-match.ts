// Where a glossary term occurs in an English source, and whether a translation keeps to the
// glossary: the same in the editor (highlights and warnings before saving), on the server's save
// and on import, and in the bank-wide consistency report. Pure: no I/O.
//
// Matching ignores case, Arabic short vowels and tatweel, and the hamza forms of alef (texts are
// written both with and without them), and treats non-breaking spaces as spaces. A translation is
// matched as a substring: Arabic attaches articles and prepositions (ال، و، ب) to the word, and
// Spanish and French plurals extend it. A term written with a parenthesis, such as
// "how (to what degree)", names a sense, not a string to find in the English.
import type { GlossaryEntry } from "./glossary-schema";

type MatchEntry = Pick<GlossaryEntry, "term" | "approved" | "forms" | "forbidden" | "except">;

export function normaliseForMatch(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/[\u00A0\u202F\u2009]/g, " ")
    .replace(/[\u2019\u02BC]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = new Map<string, RegExp>();

/** The English term as a whole-word pattern, with a regular plural (worker → workers). */
function termPattern(term: string): RegExp | null {
  if (term.includes("(")) return null;
  let pattern = patterns.get(term);
  if (!pattern) {
    const body = term.trim().split(/\s+/).map(escape).join("\\s+");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es)?(?![\\p{L}\\p{N}])`, "giu");
    patterns.set(term, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function ranges(pattern: RegExp, text: string): [number, number][] {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

export type TermHit<E extends MatchEntry = MatchEntry> = { start: number; end: number; entry: E };

/**
 * The glossary terms of an English text, in order and without overlaps (a longer term wins:
 * "close contact" over "contact"). An occurrence inside one of the entry's `except` phrases
 * ("community health worker" for "health worker") belongs to another term and is left out.
 */
export function findGlossaryTerms<E extends MatchEntry>(source: string, entries: readonly E[]): TermHit<E>[] {
  const hits: TermHit<E>[] = [];
  for (const entry of entries) {
    const pattern = termPattern(entry.term);
    if (!pattern) continue;
    const excluded = entry.except.flatMap((phrase) => {
      const p = termPattern(phrase);
      return p ? ranges(p, source) : [];
    });
    for (const [start, end] of ranges(pattern, source))
      if (!excluded.some(([a, b]) => a <= start && end <= b)) hits.push({ start, end, entry });
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: TermHit<E>[] = [];
  for (const hit of hits) if (!kept.length || hit.start >= kept[kept.length - 1].end) kept.push(hit);
  return kept;
}

export type GlossaryProblem = { code: "glossaryMissing" | "glossaryForbidden"; detail: string };

/** Whether the target uses the approved translation of the entry (or one of its accepted forms). */
export function usesApproved(target: string, entry: Pick<MatchEntry, "approved" | "forms">): boolean {
  const text = normaliseForMatch(target);
  return [entry.approved, ...entry.forms].some((form) => form.trim() && text.includes(normaliseForMatch(form)));
}

/** The forbidden variants of the entry that the target uses. */
export function forbiddenUsed(target: string, entry: Pick<MatchEntry, "forbidden">): string[] {
  const text = normaliseForMatch(target);
  return entry.forbidden.filter((variant) => variant.trim() && text.includes(normaliseForMatch(variant)));
}

/**
 * The glossary's complaints about one translated text: a term of the source whose approved
 * translation the target lacks, and any forbidden variant the target uses (a forbidden variant is
 * wrong wherever it appears, as the content tests hold the seed texts to).
 */
export function checkGlossary(source: string, target: string, entries: readonly MatchEntry[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const inSource = new Set(findGlossaryTerms(source, entries).map((h) => h.entry));
  for (const entry of entries) {
    if (inSource.has(entry) && !usesApproved(target, entry))
      problems.push({ code: "glossaryMissing", detail: `${entry.term} → ${entry.approved}` });
    for (const variant of forbiddenUsed(target, entry))
      problems.push({ code: "glossaryForbidden", detail: `${variant} → ${entry.approved}` });
  }
  return problems;
}
