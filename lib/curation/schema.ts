// Inputs of the curation tools, one zod schema each, shared by forms, server actions and tests.
// Error messages are keys of the "curate.errors" messages so that every language can show them.
import { z } from "zod";
import { bankCodeSchema, isValidXlsformName } from "../vocabulary/names";
import { QUESTION_TYPES, SELECT_TYPES, type QuestionType } from "../vocabulary/enums";
import { LANGUAGES } from "../i18n/languages";
import { languageSchema } from "../i18n/language-schemas";

export const SOURCE_RELATIONS = ["verbatim", "adapted", "developed"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .nullish()
    .transform((v) => (v ? v : null));

const choiceNameSchema = z
  .string()
  .trim()
  .min(1, "choiceName")
  .max(64, "tooLong")
  .refine(isValidXlsformName, "choiceName");

export const choiceInputSchema = z.object({
  name: choiceNameSchema,
  label: z.string().trim().min(1, "required").max(500, "tooLong"),
});
export type ChoiceInput = z.infer<typeof choiceInputSchema>;

/** "name = Label" per line: the question's own answer choices, as typed in the editor. */
export function parseChoiceLines(text: string): { name: string; label: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf("=");
      return at < 0 ? { name: "", label: line } : { name: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
    });
}

export function formatChoiceLines(choices: { name: string; label: string }[]): string {
  return choices.map((c) => `${c.name} = ${c.label}`).join("\n");
}

/** Typical constraints per answer type, composed into an XLSForm constraint (`.` is the answer). */
export const constraintPartsSchema = z.object({
  min: z.number().finite().nullable().default(null),
  max: z.number().finite().nullable().default(null),
  maxLength: z.number().int().positive().max(10_000).nullable().default(null),
  notFuture: z.boolean().default(false),
});
export type ConstraintParts = z.infer<typeof constraintPartsSchema>;

export function buildConstraint(type: QuestionType, parts: ConstraintParts): string | null {
  const clauses: string[] = [];
  if (type === "integer" || type === "decimal") {
    if (parts.min !== null) clauses.push(`. >= ${parts.min}`);
    if (parts.max !== null) clauses.push(`. <= ${parts.max}`);
  } else if (type === "text" && parts.maxLength !== null) {
    clauses.push(`string-length(.) <= ${parts.maxLength}`);
  } else if (type === "date" && parts.notFuture) {
    clauses.push(". <= today()");
  }
  return clauses.length ? clauses.join(" and ") : null;
}

/** The reverse of buildConstraint; null when the constraint was written by hand in another shape. */
export function parseConstraint(constraint: string | null): ConstraintParts | null {
  const parts: ConstraintParts = { min: null, max: null, maxLength: null, notFuture: false };
  if (!constraint) return parts;
  for (const clause of constraint.split(/\s+and\s+/)) {
    let m: RegExpMatchArray | null;
    if ((m = clause.trim().match(/^\.\s*>=\s*(-?\d+(?:\.\d+)?)$/))) parts.min = Number(m[1]);
    else if ((m = clause.trim().match(/^\.\s*<=\s*(-?\d+(?:\.\d+)?)$/))) parts.max = Number(m[1]);
    else if ((m = clause.trim().match(/^string-length\(\.\)\s*<=\s*(\d+)$/))) parts.maxLength = Number(m[1]);
    else if (/^\.\s*<=\s*today\(\)$/.test(clause.trim())) parts.notFuture = true;
    else return null;
  }
  return parts;
}

export const questionInputSchema = z
  .object({
    code: bankCodeSchema,
    type: z.enum(QUESTION_TYPES, "invalid"),
    sourceLanguage: languageSchema.default("en"),
    label: z.string().trim().min(1, "required").max(2000, "tooLong"),
    hint: optionalText(2000),
    notes: optionalText(4000),
    constraintMessage: optionalText(500),
    /** A constraint written by hand (XLSForm syntax); when set, it wins over the typical parts. */
    customConstraint: optionalText(500),
    constraint: constraintPartsSchema.default({ min: null, max: null, maxLength: null, notFuture: false }),
    choiceMode: z.enum(["none", "shared", "own"]).default("none"),
    sharedList: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((v) => v || null),
    ownChoices: z.array(choiceInputSchema).max(200, "tooLong").default([]),
    indicators: z.array(z.string().trim().min(1).max(32)).max(20, "tooLong").default([]),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(40, "tooLong")).max(20, "tooLong").default([]),
    sourceKey: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((v) => v || null),
    sourceRelation: z
      .enum(SOURCE_RELATIONS)
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((q, ctx) => {
    const isSelect = SELECT_TYPES.has(q.type);
    if (isSelect && q.choiceMode === "none")
      ctx.addIssue({ code: "custom", path: ["choiceMode"], message: "choicesRequired" });
    if (!isSelect && q.choiceMode !== "none")
      ctx.addIssue({ code: "custom", path: ["choiceMode"], message: "choicesNotAllowed" });
    if (isSelect && q.choiceMode === "shared" && !q.sharedList)
      ctx.addIssue({ code: "custom", path: ["sharedList"], message: "required" });
    if (isSelect && q.choiceMode === "own") {
      if (q.ownChoices.length < 2) ctx.addIssue({ code: "custom", path: ["ownChoices"], message: "twoChoices" });
      const names = q.ownChoices.map((c) => c.name);
      if (new Set(names).size !== names.length)
        ctx.addIssue({ code: "custom", path: ["ownChoices"], message: "duplicateChoice" });
    }
    const { min, max } = q.constraint;
    if (min !== null && max !== null && min > max)
      ctx.addIssue({ code: "custom", path: ["constraint"], message: "minAboveMax" });
    if (q.sourceKey && !q.sourceRelation)
      ctx.addIssue({ code: "custom", path: ["sourceRelation"], message: "required" });
  });
export type QuestionInput = z.infer<typeof questionInputSchema>;

/** The XLSForm constraint a validated input stands for. */
export function constraintOf(input: Pick<QuestionInput, "type" | "customConstraint" | "constraint">): string | null {
  return input.customConstraint ?? buildConstraint(input.type, input.constraint);
}
export type QuestionInputRaw = z.input<typeof questionInputSchema>;

export const revisionSchema = z.number().int().min(0);
export const rejectSchema = z.object({ reason: z.string().trim().min(3, "required").max(2000, "tooLong") });
export const mergeSchema = z.object({ targetCode: bankCodeSchema });

export const choiceListInputSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(64, "tooLong").refine(isValidXlsformName, "choiceName"),
    choices: z.array(choiceInputSchema).min(2, "twoChoices").max(200, "tooLong"),
  })
  .superRefine((l, ctx) => {
    const names = l.choices.map((c) => c.name);
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: "custom", path: ["choices"], message: "duplicateChoice" });
  });
export type ChoiceListInput = z.infer<typeof choiceListInputSchema>;

// ------------------------------------------------------------------ framework

const localizedNameSchema = z.object(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().min(1, "required").max(300, "tooLong")])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodString
  >,
);
const localizedLongSchema = z.object(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().max(4000, "tooLong")])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodString
  >,
);
const frameworkCode = (pattern: RegExp) =>
  z.string().trim().toUpperCase().min(1, "required").max(16, "tooLong").regex(pattern, "frameworkCode");

export const domainInputSchema = z.object({
  code: frameworkCode(/^[A-Z]{2,6}$/),
  name: localizedNameSchema,
  description: localizedLongSchema,
});
export const topicInputSchema = z.object({
  code: frameworkCode(/^[A-Z]{2,6}-[A-Z0-9]{1,6}$/),
  domainCode: z.string().trim().min(1),
  name: localizedNameSchema,
});
export const indicatorInputSchema = z.object({
  code: frameworkCode(/^[A-Z]{2,6}-\d{2,3}$/),
  topicCode: z.string().trim().min(1, "required"),
  type: z.enum(["behavioural", "contextual"], "invalid"),
  name: localizedNameSchema,
  definition: localizedLongSchema,
});
export type DomainInput = z.infer<typeof domainInputSchema>;
export type TopicInput = z.infer<typeof topicInputSchema>;
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** Error keys the interface translates ("curate.errors.<key>"); anything else reads as "invalid". */
export const ERROR_KEYS = [
  "required",
  "tooLong",
  "invalid",
  "choiceName",
  "choicesRequired",
  "choicesNotAllowed",
  "twoChoices",
  "duplicateChoice",
  "minAboveMax",
  "frameworkCode",
  "codeFormat",
  "codeReserved",
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

/** zod issues as one translatable key per field (the first issue of each field wins). */
export function fieldErrorKeys(error: z.ZodError): Record<string, ErrorKey> {
  const out: Record<string, ErrorKey> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    if (out[field]) continue;
    const message = issue.message;
    if (message === "This name is reserved by XLSForm") out[field] = "codeReserved";
    else if (message.startsWith("Use lower-case")) out[field] = "codeFormat";
    else if ((ERROR_KEYS as readonly string[]).includes(message)) out[field] = message as ErrorKey;
    else if (issue.code === "too_small") out[field] = "required";
    else if (issue.code === "too_big") out[field] = "tooLong";
    else out[field] = "invalid";
  }
  return out;
}
