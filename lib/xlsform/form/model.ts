// The form model: an XLSForm held without loss, so that writing it back gives a file pyxform
// converts to the same XForm. Survey rows are a tree (groups, repeats, nested); every column is
// kept — known ones by meaning (texts per language, single values), anything else (unknown
// columns, `bind::`, `instance::`, `body::`) verbatim under its original header — and each sheet
// remembers its original headers in their order, so the writer can lay the file out as it was.
//
// Languages are named as pyxform names them: the text after `::` in a header as written
// (`English (en)`, `EN`, `Kiswahili (sw)`), and for bare columns (`label`, `hint`) the settings'
// default_language, or "default" when it names none. The zod schemas are for the model crossing a
// boundary (stored as JSON and read back).
import { z } from "zod";

/** Language → text. */
export const textsSchema = z.record(z.string(), z.string());
export type Texts = z.infer<typeof textsSchema>;

export const columnRefSchema = z.object({
  /** The header as the file wrote it (trimmed, runs of spaces collapsed, as pyxform reads it). */
  header: z.string().min(1),
  /** The model column: `label`, `hint`, `media::image`, `relevant`, `repeat_count`…; the header itself when verbatim. */
  key: z.string().min(1),
  /** For a text column: its language as written after `::`; null for a bare column (the default language). */
  language: z.string().nullable(),
  kind: z.enum(["text", "value", "verbatim"]),
});
export type ColumnRef = z.infer<typeof columnRefSchema>;

/** Translatable survey columns (pyxform's TRANSLATABLE_SURVEY_COLUMNS), by their model key. */
export const SURVEY_TEXT_COLUMNS = [
  "label",
  "hint",
  "guidance_hint",
  "constraint_message",
  "required_message",
  "media::image",
  "media::big-image",
  "media::audio",
  "media::video",
] as const;
export const CHOICE_TEXT_COLUMNS = [
  "label",
  "media::image",
  "media::big-image",
  "media::audio",
  "media::video",
] as const;

/** Known single-value survey columns, by their model key (the xlsform.org spelling). */
export const SURVEY_VALUE_COLUMNS = [
  "required",
  "relevant",
  "constraint",
  "calculation",
  "read_only",
  "appearance",
  "default",
  "choice_filter",
  "parameters",
  "repeat_count",
  "trigger",
  "autoplay",
  "rows",
  "no_app_error_string",
  "list_name",
  "query",
  "itemset",
  "compact_tag",
  "save_to",
  "sms_field",
] as const;

const cellsShape = {
  /** The spreadsheet row this came from; 0 for a row the model was given rather than read. */
  row: z.number().int().min(0),
  /** Model key (`label`, `hint`, `media::image`…) → language → text. */
  texts: z.record(z.string(), textsSchema),
  /** Model key (`relevant`, `required`, `repeat_count`…) → value. */
  values: z.record(z.string(), z.string()),
  /** Original header → value, for columns kept verbatim. */
  verbatim: z.record(z.string(), z.string()),
};
export const rowCellsSchema = z.object(cellsShape);
export type RowCells = z.infer<typeof rowCellsSchema>;

export type SurveyQuestion = RowCells & {
  kind: "question";
  /** The type as written (`select one yes_no`, `int`…); parseType() says what it means. */
  type: string;
  name: string;
};
export type SurveyContainer = RowCells & {
  kind: "group" | "repeat" | "loop";
  type: string;
  name: string;
  children: SurveyNode[];
  /** The closing row, as written (pyxform reads only its type, but people put names and notes there). */
  end: RowCells & { type: string };
};
/** A row pyxform skips: a comment row (no type, name or label) or a row marked `disabled`. */
export type SurveySkipped = RowCells & { kind: "skipped"; reason: "comment" | "disabled"; type: string; name: string };
export type SurveyNode = SurveyQuestion | SurveyContainer | SurveySkipped;

const questionSchema = z.object({
  ...cellsShape,
  kind: z.literal("question"),
  type: z.string().min(1),
  name: z.string(),
});
const skippedSchema = z.object({
  ...cellsShape,
  kind: z.literal("skipped"),
  reason: z.enum(["comment", "disabled"]),
  type: z.string(),
  name: z.string(),
});
export const surveyNodeSchema: z.ZodType<SurveyNode> = z.lazy(() =>
  z.union([
    questionSchema,
    skippedSchema,
    z.object({
      ...cellsShape,
      kind: z.enum(["group", "repeat", "loop"]),
      type: z.string().min(1),
      name: z.string(),
      children: z.array(surveyNodeSchema),
      end: z.object({ ...cellsShape, type: z.string().min(1) }),
    }),
  ]),
);

export const choiceSchema = z.object({ ...cellsShape, name: z.string() });
export type Choice = z.infer<typeof choiceSchema>;
/** A choice list, its choices in sheet order; extra columns (for choice_filter) are in `verbatim`. */
export const choiceListSchema = z.object({ name: z.string(), choices: z.array(choiceSchema) });
export type ChoiceList = z.infer<typeof choiceListSchema>;

export const languageSchema = z.object({
  name: z.string().min(1),
  /** The settings' default_language (or pyxform's "default" when there is none). */
  isDefault: z.boolean(),
  /** Bare columns (`label` beside `label::…`) are in this language. */
  bare: z.boolean(),
  /** The IANA code in parentheses (`English (en)` → en), when the name has one. */
  code: z.string().nullable(),
});
export type FormLanguage = z.infer<typeof languageSchema>;

/** A sheet carried as it is (external_choices, entities, osm, notes people keep in the workbook). */
export const otherSheetSchema = z.object({
  name: z.string().min(1),
  headers: z.array(z.string().nullable()),
  rows: z.array(z.object({ row: z.number().int().min(0), cells: z.record(z.string(), z.string()) })),
});
export type OtherSheet = z.infer<typeof otherSheetSchema>;

export const formModelSchema = z.object({
  /** The settings row: known settings by their xlsform.org key (form_title, form_id, version, default_language…), others verbatim. */
  settings: z.object({ values: z.record(z.string(), z.string()), verbatim: z.record(z.string(), z.string()) }),
  /** Every language of the form, in the order its columns first appear (survey, then choices). */
  languages: z.array(languageSchema),
  survey: z.array(surveyNodeSchema),
  choiceLists: z.array(choiceListSchema),
  columns: z.object({
    survey: z.array(columnRefSchema),
    choices: z.array(columnRefSchema),
    settings: z.array(columnRefSchema),
  }),
  /** Sheet names as the file spelled them, in file order; survey/choices/settings by their role. */
  sheets: z.object({
    order: z.array(z.string()),
    survey: z.string().min(1),
    choices: z.string().nullable(),
    settings: z.string().nullable(),
  }),
  otherSheets: z.array(otherSheetSchema),
});
export type FormModel = z.infer<typeof formModelSchema>;

/** pyxform's language for bare columns: the settings' default_language, or "default". */
export function bareLanguage(settings: FormModel["settings"]): string {
  return settings.values.default_language || "default";
}

/** `English (en)` → "en"; null when the name carries no code in parentheses. */
export function languageCode(name: string): string | null {
  return /\(([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\)\s*$/.exec(name)?.[1] ?? null;
}

/** Every survey node, depth first, groups before their children. */
export function* walkSurvey(nodes: SurveyNode[]): Generator<SurveyNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === "group" || node.kind === "repeat" || node.kind === "loop") yield* walkSurvey(node.children);
  }
}
