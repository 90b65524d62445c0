// The shapes of the changes a researcher makes to their questionnaire's own form (applied by
// own-form-edit.ts). Apart from the reader, so that the browser's builder can use them without
// pulling the spreadsheet reader into its bundle.
import { z } from "zod";

const text = z.string().max(5_000);
const texts = z.record(z.string().min(1).max(200), text);
const expression = z.string().trim().max(5_000);
/** A question, group or repeat of the form by its path of names from the top. */
export const ownPathSchema = z.array(z.string().min(1).max(200)).min(1).max(50);
const path = ownPathSchema;

/** The question types a researcher adds in the builder (any other type comes in an imported file). */
export const OWN_QUESTION_TYPES = [
  "text",
  "integer",
  "decimal",
  "date",
  "note",
  "select_one",
  "select_multiple",
  "calculate",
] as const;

export const ownQuestionEditSchema = z.object({
  path,
  label: texts,
  hint: texts,
  required: z.boolean(),
  relevant: expression,
  constraint: expression,
  constraintMessage: texts,
  calculation: expression,
});
export type OwnQuestionEdit = z.infer<typeof ownQuestionEditSchema>;

export const ownQuestionAddSchema = z.object({
  /** The group or repeat to add to, by its path of names; empty: the top of the form */
  parent: z.array(z.string().min(1).max(200)).max(50),
  type: z.enum(OWN_QUESTION_TYPES),
  /** For select_one/select_multiple: one of the form's choice lists */
  listName: z.string().trim().max(200).nullable(),
  name: z.string().trim().min(1).max(200),
  label: texts,
  hint: texts,
  required: z.boolean(),
  calculation: expression,
});
export type OwnQuestionAdd = z.infer<typeof ownQuestionAddSchema>;
