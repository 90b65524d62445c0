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
const name = z.string().trim().min(1).max(200);
const parent = z.array(z.string().min(1).max(200)).max(50);

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
  /** The other columns (issue #18): absent means "leave as it is", so older callers change nothing. */
  guidanceHint: texts.optional(),
  default: expression.optional(),
  appearance: z.string().trim().max(200).optional(),
  readOnly: z.boolean().optional(),
  choiceFilter: expression.optional(),
  /** For a select question: the form's choice list it takes its answers from */
  listName: name.optional(),
  /** For a repeat: how many times (a number or an expression) */
  repeatCount: expression.optional(),
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

/** A group or repeat of one's own, at the end of the form or of a group. */
export const ownContainerAddSchema = z.object({
  parent,
  kind: z.enum(["group", "repeat"]),
  name,
  label: texts,
  relevant: expression,
  appearance: z.string().trim().max(200),
  /** Repeats only; empty: as many as the enumerator adds */
  repeatCount: expression,
});
export type OwnContainerAdd = z.infer<typeof ownContainerAddSchema>;

/** A question, group or repeat one step up or down the form, into and out of groups on the way. */
export const ownMoveSchema = z.object({ path, direction: z.enum(["up", "down"]) });
export type OwnMove = z.infer<typeof ownMoveSchema>;

/** Texts of the form's choice lists (label and media, per language) */
export const ownChoiceSchema = z.object({
  /** The choice's place in the list as it was read (its other columns are kept); null: a new choice */
  from: z.number().int().min(0).max(100_000).nullable(),
  name,
  label: texts,
  /** The list's extra columns (a cascading select's filter values): header → value */
  filters: z.record(z.string().min(1).max(200), z.string().trim().max(1_000)),
});
export const OWN_LIST_MAX_CHOICES = 1_000;
/** A choice list saved whole, in its new order; `create` for a list the form does not have yet. */
export const ownChoiceListSchema = z.object({
  listName: name,
  create: z.boolean(),
  choices: z.array(ownChoiceSchema).min(1).max(OWN_LIST_MAX_CHOICES),
});
export type OwnChoiceListSave = z.infer<typeof ownChoiceListSchema>;

/** A question, group or repeat given a new XLSForm name; its `${references}` follow (own-form-rename.ts). */
export const ownRenameSchema = z.object({ path, name });
export type OwnRename = z.infer<typeof ownRenameSchema>;

/** A choice list given a new list_name; the selects using it follow. */
export const ownListRenameSchema = z.object({ listName: name, name });
export type OwnListRename = z.infer<typeof ownListRenameSchema>;

/** A choice of a list given a new value (`choice`: its value now); what compares with it follows. */
export const ownChoiceRenameSchema = z.object({ listName: name, choice: name, name });
export type OwnChoiceRename = z.infer<typeof ownChoiceRenameSchema>;
