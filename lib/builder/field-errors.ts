// A builder refusal tied to the fields it concerns (issue #18): a name refused by the rename rules,
// and the form reader's problems in the column they were found in (a bad expression in `relevant`,
// a reference to nothing in a label), so the editor shows each message beside its field. Keys are
// the editors' field names (`name`, `relevant`, `label`…); messages are in the person's language.
import type { Translate } from "../http/messages";
import type { BuilderErrorDetails } from "./errors";

/** XLSForm column (as the reader names it, `label::Français (fr)` included) → the editor's field. */
const FIELD_OF_COLUMN: Record<string, string> = {
  name: "name",
  type: "listName",
  label: "label",
  hint: "hint",
  guidance_hint: "guidanceHint",
  constraint_message: "constraintMessage",
  relevant: "relevant",
  constraint: "constraint",
  calculation: "calculation",
  choice_filter: "choiceFilter",
  default: "default",
  appearance: "appearance",
  repeat_count: "repeatCount",
};

export function fieldOfColumn(column: string | undefined): string | null {
  if (!column) return null;
  const key = column.split("::")[0].trim().toLowerCase().replace(/\s+/g, "_");
  return FIELD_OF_COLUMN[key] ?? null;
}

export function refusalFieldErrors(details: BuilderErrorDetails, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(details.fields ?? {})) out[field] = t(`builder.fieldErrors.${key}`);
  for (const p of details.formProblems ?? []) {
    const field = fieldOfColumn(p.column);
    if (field && !out[field])
      out[field] = t(`import.problems.${p.code}`, { value: p.value ?? "", limit: 5, rows: 0, columns: 0 });
  }
  return out;
}
