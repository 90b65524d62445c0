// The shape of the seed files in prisma/seed/ (documented in prisma/seed/FORMAT.md).
import { z } from "zod";
import { localizedTextSchema } from "../lib/i18n/language-schemas";
import { bankCodeSchema } from "../lib/vocabulary/names";
import { QUESTION_TYPES } from "../lib/vocabulary/enums";
import { relevanceSchema } from "../lib/questionnaires/relevance-schema";

const indicatorCode = z.string().regex(/^[A-Z]{3}-\d{2}$/);

export const frameworkFileSchema = z.object({
  domains: z.array(
    z.object({
      code: z.string().regex(/^[A-Z]{3}$/),
      name: localizedTextSchema,
      description: localizedTextSchema,
      topics: z.array(
        z.object({
          code: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/),
          name: localizedTextSchema,
          indicators: z.array(
            z.object({
              code: indicatorCode,
              type: z.enum(["behavioural", "contextual"]),
              name: localizedTextSchema,
              definition: localizedTextSchema,
              references: z.array(z.string()).default([]),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const sourcesFileSchema = z.array(
  z.object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    organisation: z.string().min(1),
    title: z.string().min(1),
    year: z.string().optional(),
    url: z.string().optional(),
    licence: z.string().optional(),
  }),
);

export const choiceListSchema = z.object({
  name: bankCodeSchema,
  choices: z.array(z.object({ name: bankCodeSchema, label: localizedTextSchema })).min(1),
});

export const seedQuestionSchema = z.object({
  code: bankCodeSchema,
  type: z.enum(QUESTION_TYPES),
  choiceList: bankCodeSchema.optional(),
  indicators: z.array(indicatorCode),
  tags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).default([]),
  source: z.object({ key: z.string(), relation: z.enum(["verbatim", "adapted", "developed"]) }),
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
  notes: localizedTextSchema.optional(),
  constraint: z.string().min(1).optional(),
  constraintMessage: localizedTextSchema.optional(),
});

export const questionsFileSchema = z.object({
  choiceLists: z.array(choiceListSchema).default([]),
  questions: z.array(seedQuestionSchema),
});

export const templateFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: localizedTextSchema,
  description: localizedTextSchema,
  languages: z.array(z.enum(["en", "es", "fr", "ar"])).min(1),
  defaultLanguage: z.enum(["en", "es", "fr", "ar"]),
  sections: z.array(
    z.object({
      name: bankCodeSchema,
      title: localizedTextSchema,
      relevant: relevanceSchema.optional(),
      items: z.array(
        z.object({
          question: bankCodeSchema,
          required: z.boolean().default(false),
          relevant: relevanceSchema.optional(),
        }),
      ),
    }),
  ),
});

export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type ChoiceListSeed = z.infer<typeof choiceListSchema>;
export type QuestionSeed = z.infer<typeof seedQuestionSchema>;
export type QuestionsFile = z.infer<typeof questionsFileSchema>;
export type TemplateFile = z.infer<typeof templateFileSchema>;
