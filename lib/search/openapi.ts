// The OpenAPI 3.1 description of the public read API, built from the same constants as the zod schema.
import { LANGUAGES } from "../i18n/languages";
import { PUBLIC_STATUSES } from "../bank/visibility";
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, QUESTION_STATUSES, QUESTION_TYPES, SORTS, TRANSLATION_STATES } from "./schema";

const str = (description: string, extra: Record<string, unknown> = {}) => ({ type: "string", description, ...extra });
const perLanguage = (schema: unknown) => ({ type: "object", properties: Object.fromEntries(LANGUAGES.map((l) => [l, schema])), required: [...LANGUAGES] });
const localized = perLanguage({ type: "string" });
const query = (name: string, schema: Record<string, unknown>, description: string) => ({ name, in: "query", required: false, description, schema });

const question = {
  type: "object",
  required: ["code", "type", "status", "version", "text", "choices", "indicators", "tags", "source"],
  properties: {
    code: str("Stable XLSForm name"),
    type: { type: "string", enum: QUESTION_TYPES },
    status: { type: "string", enum: PUBLIC_STATUSES, description: "Only published questions, and retired ones that were published, are public" },
    version: { type: "integer" },
    updatedAt: str("Last change", { format: "date-time" }),
    text: perLanguage({
      type: "object",
      required: ["label", "hint", "status"],
      properties: { label: { type: ["string", "null"] }, hint: { type: ["string", "null"] }, status: { type: "string", enum: TRANSLATION_STATES } },
    }),
    choices: { type: "array", items: { type: "object", required: ["name", "label"], properties: { name: { type: "string" }, label: perLanguage({ type: ["string", "null"] }) } } },
    indicators: { type: "array", items: { type: "object", required: ["code", "name"], properties: { code: { type: "string" }, name: localized } } },
    tags: { type: "array", items: { type: "string" } },
    source: {
      type: ["object", "null"],
      properties: { key: { type: "string" }, organisation: { type: "string" }, title: { type: "string" }, year: { type: ["string", "null"] }, url: { type: ["string", "null"] }, licence: { type: ["string", "null"] } },
    },
  },
};

const facetList = { type: "array", items: { type: "object", required: ["value", "count"], properties: { value: { type: "string" }, count: { type: "integer" } } } };
const error = { type: "object", required: ["error", "message"], properties: { error: { type: "string" }, message: { type: "string", description: "In the language of Accept-Language where possible" }, details: { type: "array", items: { type: "object", properties: { param: { type: "string" }, message: { type: "string" } } } } } };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Question Bank public read API",
      version: "1.0.0",
      description: "Published survey questions for health emergencies in English, Spanish, French and Arabic, keyed to a behaviour-change framework. No sign-in needed.",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/v1/questions": {
        get: {
          summary: "Search the bank",
          parameters: [
            query("q", { type: "string", maxLength: MAX_QUERY_LENGTH }, 'Words in any of the four languages; "a phrase", or, -excluded. Accents, case and Arabic letter variants do not matter; misspelt words are corrected when few questions match.'),
            query("lang", { type: "string", enum: LANGUAGES }, "Search only the text in this language"),
            query("domain", { type: "string" }, "Domain code, e.g. PER"),
            query("topic", { type: "string" }, "Topic code"),
            query("indicator", { type: "string" }, "Indicator code, e.g. PER-03"),
            query("type", { type: "string", enum: QUESTION_TYPES }, "Question type"),
            query("status", { type: "string", enum: QUESTION_STATUSES }, "Question status (default: published). Only published and retired questions are public: draft, rejected and merged (drafts a curator turned down or merged into a bank question) always give an empty list."),
            query("tag", { type: "string" }, "Tag"),
            query("source", { type: "string" }, "Source key"),
            query("translation", { type: "string", pattern: `^(${LANGUAGES.join("|")}):(${TRANSLATION_STATES.join("|")})$` }, "Translation state in one language, e.g. ar:approved or fr:missing"),
            query("page", { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 }, "Page number"),
            query("pageSize", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }, "Results per page"),
            query("sort", { type: "string", enum: SORTS }, "Order (default: relevance with q, code without)"),
            query("dir", { type: "string", enum: ["asc", "desc"] }, "Direction of the order"),
          ],
          responses: {
            "200": {
              description: "One page of results with facet counts over all results",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["items", "total", "estimated", "page", "pageSize", "facets"],
                    properties: {
                      items: { type: "array", items: { allOf: [{ $ref: "#/components/schemas/Question" }, { type: "object", properties: { score: { type: ["number", "null"] } } }] } },
                      total: { type: "integer", description: "Exact, or an estimate (two significant figures) when `estimated` is true" },
                      estimated: {
                        type: "boolean",
                        description: "True when the search matches more than 5,000 questions of a bank of more than 10,000: total and facet counts are then estimated from a sample",
                      },
                      page: { type: "integer" },
                      pageSize: { type: "integer" },
                      correctedQuery: { type: "string", description: "Present when misspelt words were corrected" },
                      facets: { type: "object", properties: Object.fromEntries(["domain", "topic", "indicator", "type", "source", "status", "tag", "translation"].map((k) => [k, facetList])) },
                    },
                  },
                },
              },
            },
            "400": { description: "Invalid parameters", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          },
        },
      },
      "/api/v1/questions/{code}": {
        get: {
          summary: "One published question",
          parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The question", content: { "application/json": { schema: { $ref: "#/components/schemas/Question" } } } },
            "404": { description: "No published question has this code", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          },
        },
      },
      "/api/v1/framework": {
        get: {
          summary: "The framework: domains, topics and indicators with published question counts",
          responses: { "200": { description: "The tree", content: { "application/json": { schema: { type: "object", properties: { domains: { type: "array", items: { type: "object" } } } } } } } },
        },
      },
    },
    components: { schemas: { Question: question, Error: error } },
  };
}
