// What a published version of a question looked like: kept as JSON so that any two versions can
// be compared, and questionnaires can show "newer version in the bank" side by side.
import type { Language } from "../i18n/languages";

export type QuestionSnapshot = {
  code: string;
  type: string;
  constraint: string | null;
  choiceList: string | null;
  choices: { name: string; label: Partial<Record<Language, string>> }[];
  /**
   * constraintMessage: absent from snapshots kept before it was recorded (read it as empty, or as
   * unknown where a comparison would otherwise claim a change: see recordsConstraintMessage)
   */
  texts: Partial<Record<Language, { label: string; hint: string | null; constraintMessage?: string | null }>>;
  indicators: string[];
  tags: string[];
  source: string | null;
};

export function sortedSnapshot(s: QuestionSnapshot): QuestionSnapshot {
  return { ...s, indicators: [...s.indicators].sort(), tags: [...s.tags].sort() };
}

/** Whether the snapshot was kept with its constraint messages (older ones were not). */
export function recordsConstraintMessage(s: QuestionSnapshot): boolean {
  return Object.values(s.texts).some((t) => t !== undefined && "constraintMessage" in t);
}
