// Word-level differences for the workspace: a translation against its previous version, and a
// question's source text between the version a translation was made from and the current one.
import { diffText, type DiffPart } from "../text/diff";

export type FieldDiff = { field: string; parts: DiffPart[] };

export type TextFields = {
  label: string;
  hint: string | null;
  /** A source version's snapshot kept before messages were recorded has none: read as empty */
  constraintMessage?: string | null;
  choices: Record<string, string>;
};

/** Only the fields that differ: "label", "hint", "constraintMessage", "choice:<name>". */
export function diffFields(before: TextFields, after: TextFields): FieldDiff[] {
  const out: FieldDiff[] = [];
  const add = (field: string, a: string, b: string) => {
    if (a !== b) out.push({ field, parts: diffText(a, b) });
  };
  add("label", before.label, after.label);
  add("hint", before.hint ?? "", after.hint ?? "");
  add("constraintMessage", before.constraintMessage ?? "", after.constraintMessage ?? "");
  const names = [...new Set([...Object.keys(before.choices), ...Object.keys(after.choices)])];
  for (const name of names) add(`choice:${name}`, before.choices[name] ?? "", after.choices[name] ?? "");
  return out;
}
