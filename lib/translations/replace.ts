// Search and replace in one language's texts, as pure functions: what a plain (not a pattern)
// search finds and what the replacement makes of each field, the same for the preview and the
// write, so that what is applied is what was shown. No I/O.
import { createHash } from "node:crypto";
import { diffText } from "../text/diff";
import type { FieldChange } from "./bulk-schema";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with every occurrence replaced, trimmed as every save trims; null when nothing matched. */
export function replaceIn(
  text: string,
  { find, replace, caseSensitive }: { find: string; replace: string; caseSensitive: boolean },
): string | null {
  const pattern = new RegExp(escape(find), caseSensitive ? "gu" : "giu");
  if (!pattern.test(text)) return null;
  // A function, so that "$&" or "$1" in the replacement stays literal text.
  return text.replace(pattern, () => replace).trim();
}

export type ItemFields = {
  label: string;
  hint: string | null;
  /** Only where the editor asks for it (the question has a constraint and the source a message) */
  constraintMessage: string | null;
  choices: Record<string, string>;
};

/**
 * The changed fields of one item: "label", "hint", "constraintMessage", "choice:<name>" (choices in
 * the given order).
 */
export function replaceFields(
  fields: ItemFields,
  options: { find: string; replace: string; caseSensitive: boolean },
): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (field: string, before: string | null) => {
    if (!before) return;
    const after = replaceIn(before, options);
    if (after !== null && after !== before) out.push({ field, before, after, parts: diffText(before, after) });
  };
  add("label", fields.label);
  add("hint", fields.hint);
  add("constraintMessage", fields.constraintMessage);
  for (const [name, label] of Object.entries(fields.choices)) add(`choice:${name}`, label);
  return out;
}

/** What the translator saw: applying refuses an item whose change is no longer this one. */
export function fingerprintOf(code: string, changes: readonly FieldChange[]): string {
  const seen = changes.map(({ field, before, after }) => [field, before, after]);
  return createHash("sha256")
    .update(JSON.stringify([code, seen]))
    .digest("hex");
}
