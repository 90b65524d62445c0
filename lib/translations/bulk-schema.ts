// Inputs and answers of the queue's bulk actions and of search and replace: the same schema for
// the page, the server action and the tests. Importable anywhere (no I/O).
import { z } from "zod";
import type { DiffPart } from "../text/diff";
import type { CheckWarning } from "./checks";
import type { TranslationState } from "../vocabulary/enums";
import { COMMENT_MAX, QUEUE_PAGE_SIZE, TEXT_MAX, targetLanguageSchema } from "./schema";

/** A bulk action takes at most one queue page (the page's "select all"). */
export const BULK_MAX = QUEUE_PAGE_SIZE;
/** Search and replace shows and applies at most this many items per run; run again for the rest. */
export const REPLACE_MAX = 50;

const code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][\w.-]*$/);
const revision = z.coerce.number().int().min(-1).max(2_147_483_647);

export const BULK_ACTIONS = ["submit", "approve", "return"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const bulkSchema = z
  .object({
    lang: targetLanguageSchema,
    action: z.enum(BULK_ACTIONS),
    /** Each item with the revision the page showed: a later change skips it as a conflict. */
    items: z.array(z.object({ code, revision })).min(1).max(BULK_MAX),
    /** Sending back says what to fix, as the single-item step does. */
    comment: z
      .string()
      .max(COMMENT_MAX)
      .transform((v) => v.trim())
      .optional(),
  })
  .refine((v) => v.action !== "return" || !!v.comment, { path: ["comment"], message: "required" });
/** What a caller sends (validated by the schema on the server, the language too). */
export type BulkInput = Omit<z.input<typeof bulkSchema>, "lang"> & { lang: string };

/** Why an item is left as it is. */
export type SkipReason =
  "wrongState" | "ownEdit" | "blocked" | "conflict" | "notFound" | "forbidden" | "empty" | "invalidInput";

export type BulkOutcome = {
  code: string;
  /** "apply": the step is (or, in a preview, would be) taken */
  result: "apply" | "skip";
  reason?: SkipReason;
  /** The item's state now (wrongState), or after the step */
  state?: TranslationState;
  /** The blocking problems that hold the item */
  problems?: CheckWarning[];
};

export const replaceSchema = z.object({
  lang: targetLanguageSchema,
  find: z.string().min(1).max(200),
  replace: z.string().max(TEXT_MAX),
  caseSensitive: z.boolean().default(false),
});
export type ReplaceInput = Omit<z.input<typeof replaceSchema>, "lang"> & { lang: string };

export const applyReplaceSchema = replaceSchema.extend({
  /** The previewed items the translator kept, each with the fingerprint of the change they saw. */
  items: z
    .array(z.object({ code, revision, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }))
    .min(1)
    .max(REPLACE_MAX),
});
export type ApplyReplaceInput = Omit<z.input<typeof applyReplaceSchema>, "lang"> & { lang: string };

export type FieldChange = { field: string; before: string; after: string; parts: DiffPart[] };

export type ReplaceItem = {
  code: string;
  revision: number;
  fingerprint: string;
  changes: FieldChange[];
  /** A preview's verdict: "apply", or why applying would skip it */
  outcome: BulkOutcome;
};

export type ReplacePreview = { items: ReplaceItem[]; total: number; limit: number };
