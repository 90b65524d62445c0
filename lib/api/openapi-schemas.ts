// The OpenAPI 3.1 (JSON Schema 2020-12) schemas of the public API's bodies, built from the same
// constants as the zod schemas and the error table, so that the document cannot drift from them.
import { z } from "zod";
import { LANGUAGES } from "../i18n/languages";
import { QUESTION_TYPES, TRANSLATION_STATES, VISIBILITIES } from "../vocabulary/enums";
import { HTTP_ERROR_STATUS } from "../http/errors";
import { PUBLIC_STATUSES } from "../bank/visibility";
import { indicatorComputationSchema } from "../framework/schema";
import { codebookSchema } from "../codebook/model";
import { HAZARD_FORMS } from "../hazards/schema";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const perLanguage = (schema: unknown) => ({
  type: "object",
  properties: Object.fromEntries(LANGUAGES.map((l) => [l, schema])),
  required: [...LANGUAGES],
});
/** Stored titles and names: any of the four languages may be missing */
const someLanguages = {
  type: "object",
  properties: Object.fromEntries(LANGUAGES.map((l) => [l, { type: "string" }])),
  additionalProperties: false,
};
const integer = { type: "integer", minimum: 0 };
/** The computable definition, generated from its zod schema (the one owner of its shape). */
const { $schema: _dialect, ...computation } = z.toJSONSchema(indicatorComputationSchema, {
  target: "draft-2020-12",
  io: "output",
});
/** The codebook JSON document (`format=codebook-json`), generated from its zod schema. */
const { $schema: _codebookDialect, ...codebook } = z.toJSONSchema(codebookSchema, {
  target: "draft-2020-12",
  io: "output",
});
const links = {
  type: "object",
  required: ["xlsform", "csv"],
  properties: { xlsform: { type: "string" }, csv: { type: "string" } },
};

/** Where a text may hold the hazard placeholder (lib/hazards/placeholder.ts). */
export const HAZARD_TEXT =
  "A multi-hazard question names the disease through a placeholder in its label, hint and choice labels, in every language: [[hazard]] (the bare name), [[hazard.definite]] (with the article the language puts there: la COVID-19, le choléra, el cólera), [[hazard.of]] (after of/de: du choléra, del cólera) or [[hazard.to]] (after to/à/a: au choléra, al cólera, للكوليرا); [[Hazard…]] capitalises the first letter. Write in the forms of a hazard of GET /api/v1/hazards; a questionnaire's exports do so with the hazard it chose.";

const question = {
  type: "object",
  required: ["code", "type", "status", "version", "text", "choices", "indicators", "tags", "source"],
  properties: {
    code: { type: "string", description: "Stable XLSForm name" },
    type: { type: "string", enum: QUESTION_TYPES },
    status: {
      type: "string",
      enum: PUBLIC_STATUSES,
      description: "Only published questions, and retired ones that were published, are public",
    },
    version: { type: "integer" },
    updatedAt: { type: "string", format: "date-time" },
    text: perLanguage({
      type: "object",
      description: HAZARD_TEXT,
      required: ["label", "hint", "status"],
      properties: {
        label: { type: ["string", "null"] },
        hint: { type: ["string", "null"] },
        status: { type: "string", enum: TRANSLATION_STATES },
      },
    }),
    choices: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "label"],
        properties: { name: { type: "string" }, label: perLanguage({ type: ["string", "null"] }) },
      },
    },
    indicators: {
      type: "array",
      items: {
        type: "object",
        required: ["code", "name"],
        properties: { code: { type: "string" }, name: someLanguages },
      },
    },
    tags: { type: "array", items: { type: "string" } },
    source: {
      type: ["object", "null"],
      properties: {
        key: { type: "string" },
        organisation: { type: "string" },
        title: { type: "string" },
        year: { type: ["string", "null"] },
        url: { type: ["string", "null"] },
        licence: { type: ["string", "null"] },
      },
    },
  },
};

const facetList = {
  type: "array",
  items: { type: "object", required: ["value", "count"], properties: { value: { type: "string" }, count: integer } },
};

/** `{ items, total, page, pageSize }` around items of one schema, plus an endpoint's own fields */
const listOf = (items: unknown, extra: { properties?: Record<string, unknown>; required?: string[] } = {}) => ({
  type: "object",
  required: ["items", "total", "page", "pageSize", ...(extra.required ?? [])],
  properties: {
    items: { type: "array", items },
    total: { ...integer, description: "Items over all pages" },
    page: { type: "integer", minimum: 1 },
    pageSize: { type: "integer", minimum: 1 },
    ...extra.properties,
  },
});

const problem = {
  type: "object",
  required: ["code", "location", "message"],
  properties: {
    code: { type: "string" },
    sheet: { type: "string" },
    row: { type: "integer" },
    column: { type: "string" },
    location: { type: ["string", "null"] },
    message: { type: "string" },
  },
};

export const schemas = {
  Error: {
    type: "object",
    description: "The one error body of every endpoint",
    required: ["code", "message"],
    additionalProperties: false,
    properties: {
      code: { type: "string", enum: Object.keys(HTTP_ERROR_STATUS), description: "Stable, for programs" },
      message: {
        type: "string",
        description: "For people, in the language of Accept-Language (en, es, fr or ar; English otherwise)",
      },
      details: {
        type: "object",
        description:
          "What a program needs to act, by code: `params` (invalidParameters), `problem` and `param` (badRequest), `issues` (notReady, invalidXlsform), `errors` and `notices` (importRefused), `total`, `estimated`, `max` (exportTooLarge), `fieldErrors`, `failure`, `row`, `column`, `value`, `limit` (a refused submissions upload)",
        properties: {
          params: {
            type: "array",
            items: {
              type: "object",
              required: ["param", "message"],
              properties: { param: { type: "string" }, message: { type: "string" } },
            },
          },
          problem: { type: "string", enum: ["encoding", "control", "surrogate", "tooLong", "urlTooLong"] },
          param: { type: "string" },
          issues: {
            type: "array",
            items: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
          },
          errors: { type: "array", items: problem },
          notices: { type: "array", items: problem },
          total: integer,
          estimated: { type: "boolean" },
          max: integer,
          fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        },
      },
    },
  },
  Question: question,
  IndicatorComputation: {
    ...computation,
    description:
      "A proportion over the answers to one bank question at one bank version. A respondent with no answer (skipped) is never counted; one who answered a refusal or don't-know choice is counted in the denominator only when its treatment is `include`; otherwise the answer is in the numerator when it is (select_one) or ticks (select_multiple) one of `numerator`. With a `universe`, only respondents whose answer to that question is one of its choices are counted.",
  },
  Codebook: {
    ...codebook,
    description:
      "Every variable of the questionnaire's XLSForm export, in its order: `name` and `groups` as the form writes them (`column` is KoboToolbox's header with the `/` separator), labels and hints per form language (keys are the form's language names, as in `label::English (en)`), the list of its recorded values, the skip condition as written and as rules, the bank question behind it, and the indicators it feeds (`key`: the definition's key question; `universe`: decides who is counted; `linked`: linked in the framework). `indicators` gives each indicator's definition (as in GET /api/v1/framework) with the variable to read it from in this form, whether the form can compute it, and notes (a different bank version, an answer the form does not offer, a question it does not ask).",
  },
  QuestionList: listOf(
    { allOf: [ref("Question"), { type: "object", properties: { score: { type: ["number", "null"] } } }] },
    {
      required: ["estimated", "facets"],
      properties: {
        estimated: {
          type: "boolean",
          description:
            "True when the search matches more than 5,000 questions of a bank of more than 10,000: total and facet counts are then estimated from a sample (two significant figures)",
        },
        correctedQuery: { type: "string", description: "Present when misspelt words were corrected" },
        stopWordsOnly: {
          type: "boolean",
          enum: [true],
          description:
            "Present (true) when nothing matched and every word of q is a stop word (e.g. “what”, “Estamos”) in a language searched: search leaves those words out, so they cannot match",
        },
        facets: {
          type: "object",
          properties: Object.fromEntries(
            ["domain", "topic", "indicator", "type", "source", "status", "tag", "translation"].map((k) => [
              k,
              facetList,
            ]),
          ),
        },
      },
    },
  ),
  Framework: {
    type: "object",
    required: ["domains"],
    properties: {
      domains: {
        type: "array",
        items: {
          type: "object",
          required: ["code", "name", "questionCount", "topics"],
          properties: {
            code: { type: "string" },
            name: someLanguages,
            description: someLanguages,
            questionCount: integer,
            topics: {
              type: "array",
              items: {
                type: "object",
                required: ["code", "name", "questionCount", "indicators"],
                properties: {
                  code: { type: "string" },
                  name: someLanguages,
                  questionCount: integer,
                  indicators: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["code", "name", "questionCount"],
                      properties: {
                        code: { type: "string" },
                        type: { type: "string" },
                        name: someLanguages,
                        definition: someLanguages,
                        retired: { type: "boolean" },
                        questionCount: integer,
                        computation: {
                          description:
                            "How the indicator is computed from the answers to its key question at one bank version; null when it has none (contextual indicators, or not yet defined)",
                          oneOf: [ref("IndicatorComputation"), { type: "null" }],
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  HazardList: listOf({
    type: "object",
    required: ["code", "names"],
    properties: {
      code: { type: "string", description: "Stable code, e.g. cholera" },
      names: perLanguage({
        type: "object",
        description: "The forms a question's placeholders ask for: [[hazard]] is name, [[hazard.of]] is of …",
        required: [...HAZARD_FORMS],
        properties: Object.fromEntries(HAZARD_FORMS.map((f) => [f, { type: "string" }])),
        additionalProperties: false,
      }),
    },
  }),
  QuestionnaireList: listOf({
    type: "object",
    required: ["id", "slug", "title", "languages", "visibility", "questionCount", "sectionCount", "updatedAt", "links"],
    properties: {
      id: { type: "string" },
      slug: { type: ["string", "null"] },
      title: someLanguages,
      description: someLanguages,
      languages: { type: "array", items: { type: "string", enum: LANGUAGES } },
      visibility: { type: "string", enum: [...VISIBILITIES] },
      questionCount: integer,
      sectionCount: integer,
      updatedAt: { type: "string", format: "date-time" },
      links,
    },
  }),
  DatasetUploaded: {
    type: "object",
    required: ["message", "dataset"],
    properties: {
      message: { type: "string" },
      dataset: {
        type: "object",
        required: ["id", "rows", "unmatched", "missing", "inRepeat"],
        properties: {
          id: { type: "string" },
          rows: integer,
          unmatched: {
            type: "array",
            items: { type: "string" },
            description: "Columns that are no variable of the questionnaire",
          },
          missing: { type: "array", items: { type: "string" }, description: "Variables without a column" },
          inRepeat: {
            type: "array",
            description:
              "Indicators not computed because their question is inside a repeat: its answers, one per repeat instance, are in another table of the export (another sheet of KoboToolbox's XLSX), which is not read",
            items: {
              type: "object",
              required: ["code", "question", "repeat", "message"],
              properties: {
                code: { type: "string", description: "The indicator" },
                question: { type: "string", description: "The bank question inside the repeat" },
                repeat: { type: "string", description: "The repeat's name in the form" },
                message: { type: "string", description: "The same, said in the request's language" },
              },
            },
          },
        },
      },
    },
  },
  ImportResult: {
    type: "object",
    required: ["message", "questionnaire", "form", "notices"],
    properties: {
      message: { type: "string" },
      questionnaire: {
        type: "object",
        required: ["id", "title", "links"],
        properties: { id: { type: "string" }, title: { type: "string" }, links },
      },
      form: {
        type: "object",
        description:
          "What the new private questionnaire holds of the file: the whole form, as written. Nothing is added to the bank.",
        required: ["questions", "groups", "repeats", "choiceLists", "languages"],
        properties: {
          questions: integer,
          groups: integer,
          repeats: integer,
          choiceLists: integer,
          languages: {
            type: "array",
            items: { type: "string" },
            description:
              "The form's languages as it names them (`English (en)`, `Kiswahili (sw)`; `default` when unnamed)",
          },
        },
      },
      notices: { type: "array", items: problem },
    },
  },
  Health: {
    type: "object",
    required: ["status", "app", "database"],
    properties: {
      status: { type: "string", enum: ["ok", "degraded"] },
      app: {
        type: "object",
        required: ["ok", "version"],
        properties: { ok: { type: "boolean" }, version: { type: "string" } },
      },
      database: {
        oneOf: [
          {
            type: "object",
            required: ["ok", "kind", "latencyMs"],
            properties: {
              ok: { const: true },
              kind: { type: "string", enum: ["postgres", "pglite"] },
              latencyMs: { type: "number" },
            },
          },
          {
            type: "object",
            required: ["ok", "error"],
            properties: { ok: { const: false }, error: { type: "string" } },
          },
        ],
      },
    },
  },
};
