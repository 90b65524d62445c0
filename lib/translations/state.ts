// Which state a translation is in, as the translator should see it. Pure.
import type { TranslationState } from "./schema";

export type StoredText = { status: TranslationState; sourceVersion: number | null } | null | undefined;

/**
 * The stored status, except that a text made from an older version of the source is outdated
 * whatever it says: the curation step marks it so when it publishes a new source text, and this
 * keeps the rule true for any other writer (the seed, a script) that bumps a question's version.
 */
export function effectiveState(text: StoredText, questionVersion: number): TranslationState {
  if (!text || text.status === "missing") return "missing";
  if (text.status !== "outdated" && text.sourceVersion !== null && text.sourceVersion < questionVersion)
    return "outdated";
  return text.status;
}

export type StateCounts = Record<TranslationState, number> & { total: number };

export function emptyCounts(): StateCounts {
  return { missing: 0, draft: 0, in_review: 0, approved: 0, outdated: 0, total: 0 };
}

export function addState(counts: StateCounts, state: TranslationState) {
  counts[state]++;
  counts.total++;
}
