// Inputs of the translators' workspace, validated the same way by forms, server actions and tests.
import { z } from "zod";
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from "../i18n/languages";

import { TRANSLATION_STATES, type TranslationState } from "../vocabulary/enums";

/** The work queue's order: what is wrong first, what is done last. */
export const QUEUE_ORDER: readonly TranslationState[] = ["outdated", "missing", "draft", "in_review", "approved"];

/** Languages a translator works into: every bank language but the source. */
export const TARGET_LANGUAGES = LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE) as Exclude<Language, "en">[];
export const targetLanguageSchema = z.enum(TARGET_LANGUAGES as [Language, ...Language[]]);

export const TEXT_MAX = 2000;
export const COMMENT_MAX = 4000;
export const QUEUE_PAGE_SIZE = 25;

const code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][\w.-]*$/);
const revision = z.coerce.number().int().min(-1).max(2_147_483_647);
const optionalText = z
  .string()
  .max(TEXT_MAX)
  .transform((v) => v.trim())
  .transform((v) => (v ? v : null))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const choiceInputSchema = z.object({
  name: z.string().min(1).max(100),
  label: z
    .string()
    .max(TEXT_MAX)
    .transform((v) => v.trim()),
  /** ChoiceText.revision as read; -1 when there was no text in this language yet */
  revision,
});

export const saveTranslationSchema = z.object({
  code,
  lang: targetLanguageSchema,
  label: z
    .string()
    .max(TEXT_MAX)
    .transform((v) => v.trim())
    .pipe(z.string().min(1)),
  hint: optionalText,
  /** Absent: left as it is (empty: cleared), so that a caller that does not show it loses nothing */
  constraintMessage: z
    .string()
    .max(TEXT_MAX)
    .transform((v) => v.trim() || null)
    .nullable()
    .optional(),
  choices: z.array(choiceInputSchema).max(200).default([]),
  /** QuestionText.revision as read; -1 when there was no text in this language yet */
  revision,
  /** The person saw the checks' warnings and saves anyway */
  acknowledgeWarnings: z.boolean().default(false),
  /** "machine": the person filled a field from a machine translation suggestion (the history says so) */
  origin: z.enum(["machine"]).optional(),
});
/** What a caller sends (validated by saveTranslationSchema on the server). */
export type SaveTranslationInput = {
  code: string;
  lang: string;
  label: string;
  hint?: string | null;
  constraintMessage?: string | null;
  choices?: { name: string; label: string; revision: number }[];
  revision: number;
  acknowledgeWarnings?: boolean;
  origin?: "machine";
};

export const transitionSchema = z.object({ code, lang: targetLanguageSchema, revision });
export type TransitionInput = { code: string; lang: string; revision: number };

const commentBody = z
  .string()
  .max(COMMENT_MAX)
  .transform((v) => v.trim())
  .pipe(z.string().min(1));
export const returnTranslationSchema = transitionSchema.extend({ comment: commentBody });
export const commentSchema = z.object({ code, lang: targetLanguageSchema, body: commentBody });
/** A machine translation suggestion for one item: its code and target language. */
export const machineSuggestSchema = z.object({ code, lang: targetLanguageSchema });
export const restoreSchema = transitionSchema.extend({ revisionId: z.string().min(1).max(100) });

const optionalFilter = (pattern: RegExp) => z.string().trim().regex(pattern).optional().catch(undefined);

/** The queue's query string; anything malformed is dropped rather than failing the page. */
export const queueFilterSchema = z.object({
  status: z.enum(TRANSLATION_STATES).optional().catch(undefined),
  domain: optionalFilter(/^[A-Z]{2,10}$/),
  indicator: optionalFilter(/^[A-Z]{2,10}-\d{1,3}$/),
  questionnaire: optionalFilter(/^[\w-]{1,100}$/),
  source: z.enum(LANGUAGES).optional().catch(undefined),
  /** "with": only items whose thread in this language holds a comment */
  comments: z.enum(["with"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** The filters as query parameters, without the empty ones (for links and "save and next"). */
export function filterQuery(filter: QueueFilter): Record<string, string> {
  const q: Record<string, string> = {};
  for (const key of ["status", "domain", "indicator", "questionnaire", "source", "comments"] as const)
    if (filter[key]) q[key] = filter[key]!;
  return q;
}
