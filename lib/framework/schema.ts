// The one owner of an indicator's computable definition: which answers of which bank question (at
// which bank version) count, over whom. Stored as JSON on the indicator, edited in the framework
// editor, returned by /api/v1/framework, written into every codebook and read by lib/results.
import { z } from "zod";
import { bankCodeSchema } from "../vocabulary/names";

/** A choice name as the XLSForm writes it (what KoboToolbox and ODK Central export as the value). */
const choiceNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, "A choice name holds letters, digits, _ . - only");
const choiceNamesSchema = z
  .array(choiceNameSchema)
  .max(100)
  .refine((names) => new Set(names).size === names.length, "A choice is named twice");

/** A question of the bank at one of its published versions. */
const questionRefSchema = z.object({
  question: bankCodeSchema,
  /** The bank version (Question.version) whose choices the definition names */
  bankVersion: z.number().int().min(1).max(100_000),
});

/**
 * How non-substantive answers count. "exclude": out of the denominator (as if not asked);
 * "include": in the denominator, never in the numerator.
 */
const treatmentSchema = z.enum(["exclude", "include"]);

export const indicatorComputationSchema = questionRefSchema
  .extend({
    kind: z.literal("proportion"),
    /** Answers that count: for select_one the answer is one of these; for select_multiple any of them is ticked */
    numerator: choiceNamesSchema.min(1),
    denominator: z.object({
      /** Only respondents whose answer to another question is one of `choices` are counted (e.g. the unvaccinated) */
      universe: questionRefSchema.extend({ choices: choiceNamesSchema.min(1) }).optional(),
      dontKnow: z.object({ choices: choiceNamesSchema, treatment: treatmentSchema }),
      refused: z.object({ choices: choiceNamesSchema, treatment: treatmentSchema }),
      /** Respondents with no answer (skipped by relevance or left blank) are never counted */
      skipped: z.literal("exclude"),
    }),
  })
  .superRefine((c, ctx) => {
    const special = new Set([...c.denominator.dontKnow.choices, ...c.denominator.refused.choices]);
    for (const name of c.numerator)
      if (special.has(name))
        ctx.addIssue({
          code: "custom",
          path: ["numerator"],
          message: `"${name}" is a don't-know or refusal answer and cannot count in the numerator`,
        });
    for (const name of c.denominator.dontKnow.choices)
      if (c.denominator.refused.choices.includes(name))
        ctx.addIssue({
          code: "custom",
          path: ["denominator", "refused"],
          message: `"${name}" is both don't know and refused`,
        });
  });

export type IndicatorComputation = z.infer<typeof indicatorComputationSchema>;

/** Reads a stored value: a definition that no longer parses is treated as none (and shown as such). */
export function parseStoredComputation(value: unknown): IndicatorComputation | null {
  if (value === null || value === undefined) return null;
  const parsed = indicatorComputationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Every question a definition reads, with the version and the choice names it names there. */
export function referencedChoices(
  c: IndicatorComputation,
): { question: string; bankVersion: number; choices: string[] }[] {
  const key = {
    question: c.question,
    bankVersion: c.bankVersion,
    choices: [...c.numerator, ...c.denominator.dontKnow.choices, ...c.denominator.refused.choices],
  };
  const universe = c.denominator.universe;
  return universe ? [key, { ...universe }] : [key];
}
