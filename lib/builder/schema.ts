// What the questionnaire builder accepts: one zod schema per change, shared by the server actions
// and the tests. Every change names the questionnaire and the revision it was made on, so that a
// change made on a stale copy (another tab, another person) is refused instead of overwriting.
import { z } from "zod";
import { LANGUAGES, type Language, type PartialLocalizedText } from "../i18n/languages";
import { languageSchema } from "../i18n/language-schemas";
import { relevanceSchema } from "../questionnaires/relevance-schema";
import { hazardCodeSchema } from "../hazards/schema";
import {
  ownChoiceListSchema,
  ownChoiceRenameSchema,
  ownContainerAddSchema,
  ownListRenameSchema,
  ownMoveSchema,
  ownPathSchema,
  ownQuestionAddSchema,
  ownQuestionEditSchema,
  ownRenameSchema,
} from "./own-form-schema";

const id = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().trim().max(max, "tooLong").optional();

/** Text in any of the four languages; empty strings dropped so that "absent" has one form. */
export const localizedInputSchema = (max: number) =>
  z
    .object({ en: text(max), es: text(max), fr: text(max), ar: text(max) })
    .strict()
    .transform((value) => {
      const out: PartialLocalizedText = {};
      for (const lang of LANGUAGES) if (value[lang]) out[lang] = value[lang];
      return out;
    });

export const languagesSchema = z
  .array(languageSchema)
  .min(1, "chooseLanguage")
  .max(4)
  .transform((langs) => LANGUAGES.filter((l) => langs.includes(l)));

/** Title, description and languages: what "new questionnaire" and "settings" both ask for. */
export const questionnaireSettingsSchema = z
  .object({
    title: localizedInputSchema(200),
    description: localizedInputSchema(2000),
    languages: languagesSchema,
    defaultLanguage: languageSchema,
    fallbackLanguage: languageSchema.nullable().default(null),
    /** The XLSForm form_id ODK Central and KoboToolbox know the form by; empty: derived from its address */
    formId: z
      .string()
      .trim()
      .max(64, "tooLong")
      .regex(/^$|^[A-Za-z_][A-Za-z0-9_.-]*$/, "formIdInvalid")
      .transform((v) => v || null)
      .nullable()
      .default(null),
    /**
     * The hazard its questions' [[hazard]] placeholders name (a code of the hazard table); null or
     * "": none; absent: left as it is (a client that does not know hazards changes none)
     */
    hazard: z
      .union([z.literal("").transform(() => null), hazardCodeSchema])
      .nullable()
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.languages.includes(value.defaultLanguage))
      ctx.addIssue({ code: "custom", path: ["defaultLanguage"], message: "defaultNotChosen" });
    if (!value.title[value.defaultLanguage])
      ctx.addIssue({ code: "custom", path: ["title", value.defaultLanguage], message: "required" });
    if (value.fallbackLanguage && !value.languages.includes(value.fallbackLanguage))
      ctx.addIssue({ code: "custom", path: ["fallbackLanguage"], message: "fallbackNotChosen" });
  });
export type QuestionnaireSettings = z.output<typeof questionnaireSettingsSchema>;

const base = { questionnaireId: id, revision: z.number().int().min(0) };
const code = z.string().trim().min(1).max(64);

/** A numeric answer's accepted range (`. >= min and . <= max`), with the message shown otherwise. */
export const numericConstraintSchema = z
  .object({ min: z.number().finite().nullable(), max: z.number().finite().nullable() })
  .refine((c) => c.min === null || c.max === null || c.min <= c.max, { message: "minAboveMax", path: ["max"] });

export const itemSettingsSchema = z.object({
  required: z.boolean(),
  requiredMessage: localizedInputSchema(500),
  relevant: relevanceSchema.nullable(),
  constraint: numericConstraintSchema.nullable(),
  constraintMessage: localizedInputSchema(500),
});
export type ItemSettings = z.output<typeof itemSettingsSchema>;

export const customTextSchema = z
  .object({ label: localizedInputSchema(2000), hint: localizedInputSchema(2000) })
  .nullable()
  .transform((value) => {
    if (!value) return null;
    const out: { label?: PartialLocalizedText; hint?: PartialLocalizedText } = {};
    if (Object.keys(value.label).length) out.label = value.label;
    if (Object.keys(value.hint).length) out.hint = value.hint;
    return Object.keys(out).length ? out : null;
  });

/** Every change the builder makes to a questionnaire, one shape per `op`. */
export const builderChangeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("updateSettings"), ...base, settings: questionnaireSettingsSchema }),
  z.object({
    op: z.literal("addQuestions"),
    ...base,
    codes: z.array(code).min(1).max(200),
    sectionId: id.nullable().default(null),
  }),
  z.object({
    op: z.literal("addIndicator"),
    ...base,
    indicator: z.string().trim().min(1).max(20),
    sectionId: id.nullable().default(null),
  }),
  z.object({ op: z.literal("addSection"), ...base, title: localizedInputSchema(200) }),
  z.object({ op: z.literal("renameSection"), ...base, sectionId: id, title: localizedInputSchema(200) }),
  z.object({ op: z.literal("removeSection"), ...base, sectionId: id }),
  z.object({ op: z.literal("moveSection"), ...base, sectionId: id, position: z.number().int().min(0).max(10_000) }),
  z.object({
    op: z.literal("moveItem"),
    ...base,
    itemId: id,
    sectionId: id,
    position: z.number().int().min(0).max(10_000),
  }),
  z.object({ op: z.literal("removeItem"), ...base, itemId: id }),
  z.object({ op: z.literal("updateItem"), ...base, itemId: id, settings: itemSettingsSchema }),
  z.object({ op: z.literal("customiseItem"), ...base, itemId: id, customText: customTextSchema }),
  // Take the bank's current version; `replaceCustom` also drops this questionnaire's own wording.
  z.object({ op: z.literal("updateFromBank"), ...base, itemId: id, replaceCustom: z.boolean().default(false) }),
  // The questionnaire's own (imported) form: its questions found by their path of names.
  z.object({ op: z.literal("editOwnQuestion"), ...base, edit: ownQuestionEditSchema }),
  z.object({ op: z.literal("addOwnQuestion"), ...base, add: ownQuestionAddSchema }),
  z.object({ op: z.literal("deleteOwnQuestion"), ...base, path: ownPathSchema }),
  z.object({ op: z.literal("addOwnContainer"), ...base, add: ownContainerAddSchema }),
  z.object({ op: z.literal("moveOwnNode"), ...base, move: ownMoveSchema }),
  z.object({ op: z.literal("saveOwnChoiceList"), ...base, list: ownChoiceListSchema }),
  // Renames rewrite every reference in the same transaction; a list is deleted only when unused.
  z.object({ op: z.literal("renameOwnNode"), ...base, rename: ownRenameSchema }),
  z.object({ op: z.literal("renameOwnChoiceList"), ...base, rename: ownListRenameSchema }),
  z.object({ op: z.literal("renameOwnChoice"), ...base, rename: ownChoiceRenameSchema }),
  z.object({ op: z.literal("deleteOwnChoiceList"), ...base, listName: z.string().trim().min(1).max(200) }),
  // Puts the questionnaire back as it was before the change that made `revision` (undo-mutations.ts).
  z.object({ op: z.literal("undo"), ...base }),
]);
export type BuilderChange = z.input<typeof builderChangeSchema>;
export type ParsedBuilderChange = z.output<typeof builderChangeSchema>;
export type BuilderOp = ParsedBuilderChange["op"];

export const deleteQuestionnaireSchema = z.object(base);
export const duplicateQuestionnaireSchema = z.object({ questionnaireId: id });

/** The XLSForm constraint for a numeric range, or null when neither bound is set. */
export function numericConstraint(range: { min: number | null; max: number | null } | null): string | null {
  if (!range) return null;
  const clauses: string[] = [];
  if (range.min !== null) clauses.push(`. >= ${range.min}`);
  if (range.max !== null) clauses.push(`. <= ${range.max}`);
  return clauses.length ? clauses.join(" and ") : null;
}

/** The reverse of numericConstraint; null for a constraint in any other shape. */
export function parseNumericConstraint(constraint: string | null): { min: number | null; max: number | null } | null {
  const range = { min: null as number | null, max: null as number | null };
  if (!constraint) return range;
  for (const clause of constraint.split(/\s+and\s+/)) {
    const m = clause.trim().match(/^\.\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)$/);
    if (!m) return null;
    if (m[1] === ">=") range.min = Number(m[2]);
    else range.max = Number(m[2]);
  }
  return range;
}

/** zod issues as { "title.en": "required" }: keys the forms translate (builder.fieldErrors.*). */
export function builderFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    if (out[key]) continue;
    const known = [
      "required",
      "tooLong",
      "chooseLanguage",
      "defaultNotChosen",
      "fallbackNotChosen",
      "minAboveMax",
      "hazardUnknown",
    ];
    out[key] = known.includes(issue.message) ? issue.message : issue.code === "too_big" ? "tooLong" : "invalid";
  }
  return out;
}

export type { Language };
