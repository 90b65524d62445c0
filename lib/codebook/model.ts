// A questionnaire's codebook as plain data: every variable of its XLSForm export (names and group
// paths as the form writes them, which is what KoboToolbox and ODK Central put in their column
// headers), labels per form language, value labels, skip conditions, and which indicator each
// variable feeds and how. The zod schema is the one owner of the JSON document's shape (the
// `codebook-json` export and its OpenAPI schema); the page and the workbook read the same data.
import { z } from "zod";
import { LANGUAGES } from "../i18n/languages";
import { indicatorComputationSchema } from "../framework/schema";
import { RELEVANCE_OPERATORS } from "../questionnaires/relevance-schema";

/** Form language name (`English (en)`, `EN`, `default`, `Kiswahili (sw)`) → text. */
const formTextsSchema = z.record(z.string(), z.string());
const someLanguagesSchema = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().optional()])));

export const codebookLanguageSchema = z.object({
  /** As the form names it in its column headers (`label::English (en)`) */
  name: z.string(),
  /** The interface language it is, when it is one of the four */
  language: z.enum(LANGUAGES).nullable(),
});
export type CodebookLanguage = z.infer<typeof codebookLanguageSchema>;

export const INDICATOR_ROLES = ["key", "universe", "linked"] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

export const codebookVariableSchema = z.object({
  name: z.string(),
  /** Enclosing group and repeat names, outermost first */
  groups: z.array(z.string()),
  /** The column KoboToolbox writes for it ("XML values and headers", `/` separator) */
  column: z.string(),
  kind: z.enum(["question", "group", "repeat", "loop"]),
  /** The type as the form writes it (`select_one yes_no`, `integer`, `calculate`, `begin_group`) */
  type: z.string(),
  /** The choice list whose values it records, for select questions */
  listName: z.string().nullable(),
  /** The innermost repeat holding it: its answers are in that repeat's own table of the data */
  repeat: z.string().nullable(),
  labels: formTextsSchema,
  hints: formTextsSchema,
  required: z.string().nullable(),
  /** The skip condition as written (XPath) */
  relevant: z.string().nullable(),
  /** The same condition as rules, when it reads as simple comparisons */
  relevance: z
    .object({
      combinator: z.enum(["and", "or"]),
      rules: z.array(
        z.object({
          question: z.string(),
          operator: z.enum(RELEVANCE_OPERATORS),
          value: z.union([z.string(), z.number()]),
        }),
      ),
    })
    .nullable(),
  calculation: z.string().nullable(),
  constraint: z.string().nullable(),
  /** The bank question behind it (null: the questionnaire's own, imported question) */
  bank: z.object({ code: z.string(), version: z.number().int() }).nullable(),
  indicators: z.array(z.object({ indicator: z.string(), role: z.enum(INDICATOR_ROLES) })),
});
export type CodebookVariable = z.infer<typeof codebookVariableSchema>;

export const codebookChoiceListSchema = z.object({
  name: z.string(),
  choices: z.array(z.object({ name: z.string(), labels: formTextsSchema })),
  /** Variables recording a value of this list */
  usedBy: z.array(z.string()),
});
export type CodebookChoiceList = z.infer<typeof codebookChoiceListSchema>;

export const indicatorNoteSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("noDefinition") }),
  z.object({ kind: z.literal("keyNotAsked"), question: z.string() }),
  z.object({ kind: z.literal("universeNotAsked"), question: z.string() }),
  z.object({
    kind: z.literal("versionDiffers"),
    question: z.string(),
    defined: z.number().int(),
    used: z.number().int(),
  }),
  z.object({ kind: z.literal("unknownChoice"), variable: z.string(), choice: z.string() }),
]);
export type IndicatorNote = z.infer<typeof indicatorNoteSchema>;

export const codebookIndicatorSchema = z.object({
  code: z.string(),
  type: z.enum(["behavioural", "contextual"]),
  name: someLanguagesSchema,
  definition: someLanguagesSchema,
  /** The computable definition as the framework holds it (GET /api/v1/framework) */
  computation: indicatorComputationSchema.nullable(),
  /** The key question's variable in this form; null when the questionnaire does not ask it */
  variable: z.string().nullable(),
  /** The variable that decides who is counted, for a definition with a universe */
  universeVariable: z.string().nullable(),
  /** Other variables whose bank question the framework links to the indicator */
  linkedVariables: z.array(z.string()),
  /** Whether the answers collected with this form are enough to compute it as defined */
  computable: z.boolean(),
  notes: z.array(indicatorNoteSchema),
});
export type CodebookIndicator = z.infer<typeof codebookIndicatorSchema>;

export const codebookSchema = z.object({
  questionnaire: z.object({
    id: z.string(),
    slug: z.string().nullable(),
    title: someLanguagesSchema,
    /** Texts missing in the language being read are shown in this one */
    defaultLanguage: z.enum(LANGUAGES),
    /** The form's form_id and version, as the XLSForm export writes them */
    formId: z.string(),
    version: z.string(),
  }),
  languages: z.array(codebookLanguageSchema),
  variables: z.array(codebookVariableSchema),
  choiceLists: z.array(codebookChoiceListSchema),
  indicators: z.array(codebookIndicatorSchema),
});
export type Codebook = z.infer<typeof codebookSchema>;
