// The OpenAPI 3.1 description of every public endpoint and every answer it gives, errors included
// (one Error schema). Bump API_VERSION with every change to the API, and list it in CHANGELOG.md.
import { LANGUAGES } from "../i18n/languages";
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS } from "../search/schema";
import { QUESTION_STATUSES, QUESTION_TYPES, TRANSLATION_STATES } from "../vocabulary/enums";
import { EXPORT_FORMATS } from "../export/schema";
import { MAX_UPLOAD_BYTES } from "../xlsform/limits";
import { datasetPaths } from "./openapi-datasets";
import { MAX_PATH_SEGMENT_LENGTH, MAX_QUERY_VALUE_LENGTH, MAX_URL_LENGTH } from "../http/input";
import { schemas } from "./openapi-schemas";
import { RETRY_AFTER_SECONDS } from "../http/respond";

export const API_VERSION = "3.0.0";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const query = (name: string, schema: Record<string, unknown>, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const binary = { type: "string", contentMediaType: "application/octet-stream" };

/** Every endpoint may refuse hostile input, fail inside, or find the database away. */
const common = { "400": response("BadRequest"), "500": response("Internal"), "503": response("Unavailable") };
const refusal = (description: string) => ({ description, content: json(ref("Error")) });

const searchParameters = [
  query(
    "q",
    { type: "string", maxLength: MAX_QUERY_LENGTH },
    'Words in any of the four languages; "a phrase", or, -excluded. Accents, case and Arabic letter variants do not matter; misspelt words are corrected when few questions match.',
  ),
  query("lang", { type: "string", enum: LANGUAGES }, "Search only the text in this language"),
  query("domain", { type: "string" }, "Domain code, e.g. PER"),
  query("topic", { type: "string" }, "Topic code"),
  query("indicator", { type: "string" }, "Indicator code, e.g. PER-03"),
  query("type", { type: "string", enum: QUESTION_TYPES }, "Question type"),
  query(
    "status",
    { type: "string", enum: QUESTION_STATUSES },
    "Question status (default: published). Only published and retired questions are public: draft, rejected and merged (drafts a curator turned down or merged into a bank question) always give an empty list.",
  ),
  query("tag", { type: "string" }, "Tag"),
  query("source", { type: "string" }, "Source key"),
  query(
    "translation",
    { type: "string", pattern: `^(${LANGUAGES.join("|")}):(${TRANSLATION_STATES.join("|")})$` },
    "Translation state in one language, e.g. ar:approved or fr:missing",
  ),
  query("sort", { type: "string", enum: SORTS }, "Order (default: relevance with q, code without)"),
  query("dir", { type: "string", enum: ["asc", "desc"] }, "Direction of the order"),
];
const paging = [
  query("page", { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 }, "Page number"),
  query(
    "pageSize",
    { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    "Items per page",
  ),
];

const paths = {
  "/api/v1/questions": {
    get: {
      operationId: "searchQuestions",
      summary: "Search the bank",
      parameters: [...searchParameters, ...paging],
      responses: {
        "200": {
          description: "One page of results with facet counts over all results",
          content: json(ref("QuestionList")),
          headers: {
            "Server-Timing": {
              description:
                'Whether the counts (total, facets) came from the counts cache or were counted now: `counts;desc="cache"` or `counts;desc="database"` (the benchmark reads it for the cache\'s hit rate)',
              schema: { type: "string" },
            },
          },
        },
        ...common,
      },
    },
  },
  "/api/v1/questions/{code}": {
    get: {
      operationId: "getQuestion",
      summary: "One published question",
      parameters: [
        { name: "code", in: "path", required: true, schema: { type: "string", maxLength: MAX_PATH_SEGMENT_LENGTH } },
      ],
      responses: {
        "200": { description: "The question", content: json(ref("Question")) },
        "404": refusal("No published question has this code"),
        ...common,
      },
    },
  },
  "/api/v1/questions/export.csv": {
    get: {
      operationId: "exportQuestions",
      summary:
        "The published bank as CSV (UTF-8 with a byte order mark); with search parameters, the whole search result",
      parameters: searchParameters,
      responses: {
        "200": { description: "The CSV file, streamed", content: { "text/csv": { schema: { type: "string" } } } },
        "422": refusal(
          "The search matches more questions than one search export holds (details: total, estimated, max)",
        ),
        ...common,
      },
    },
  },
  "/api/v1/framework": {
    get: {
      operationId: "getFramework",
      summary: "The framework: domains, topics and indicators with published question counts",
      responses: { "200": { description: "The tree", content: json(ref("Framework")) }, ...common },
    },
  },
  "/api/v1/hazards": {
    get: {
      operationId: "listHazards",
      summary:
        "The hazards a questionnaire can name (COVID-19, Ebola disease, cholera, mpox, measles), each with the grammatical forms of its name per language that the [[hazard]] placeholders of multi-hazard questions ask for",
      parameters: paging,
      responses: { "200": { description: "One page of hazards", content: json(ref("HazardList")) }, ...common },
    },
  },
  "/api/v1/questionnaires": {
    get: {
      operationId: "listQuestionnaires",
      summary:
        "The questionnaires the caller may see: the public templates, and with a session cookie also one's own and shared ones",
      parameters: paging,
      responses: {
        "200": { description: "One page of questionnaires", content: json(ref("QuestionnaireList")) },
        ...common,
      },
    },
  },
  "/api/v1/questionnaires/{id}/export": {
    get: {
      operationId: "exportQuestionnaire",
      summary:
        "A questionnaire as an XLSForm (ODK, KoboToolbox) or as CSV, or its codebook: every variable of that XLSForm with its group path, labels, value labels, skip condition and the indicators it feeds, as XLSX (`codebook`, headed in the Accept-Language) or JSON (`codebook-json`)",
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          description: "The questionnaire's id or a template's slug",
          schema: { type: "string", maxLength: MAX_PATH_SEGMENT_LENGTH },
        },
        {
          name: "format",
          in: "query",
          required: true,
          description:
            "xlsform and csv: the questionnaire; codebook (XLSX) and codebook-json: the description of the XLSForm the same query gives, refused (409) whenever that XLSForm would be",
          schema: { type: "string", enum: EXPORT_FORMATS },
        },
        query(
          "fallback",
          { type: "string", enum: LANGUAGES },
          "Language used where a translation is missing or not approved",
        ),
        query("languages", { type: "string", maxLength: 40 }, "Comma-separated languages to include, e.g. en,ar"),
      ],
      responses: {
        "200": {
          description: "The file; X-Export-Fallback-Language names the fallback when it was used",
          content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: binary },
            "text/csv": { schema: { type: "string" } },
            "application/json": { schema: ref("Codebook") },
          },
        },
        "404": refusal("No questionnaire here, or one the caller may not see (not told apart)"),
        "409": refusal(
          "Not ready to export (notReady: details.issues), or the XLSForm would not convert cleanly (invalidXlsform)",
        ),
        ...common,
      },
    },
  },
  "/api/v1/questionnaires/import": {
    post: {
      operationId: "importQuestionnaire",
      summary: `Import an XLSForm (.xlsx, at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB) as a new private questionnaire that holds the whole form (nothing is added to the bank); signed-in researchers, same origin only`,
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: binary } } },
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: binary },
        },
      },
      responses: {
        "201": { description: "Imported", content: json(ref("ImportResult")) },
        "401": refusal("Not signed in"),
        "403": refusal("Not a researcher, or a request from another site"),
        "413": refusal("The file is over the limit"),
        "422": refusal(
          "The file cannot be imported: details.errors and details.notices by sheet, row and column; nothing was changed",
        ),
        "429": refusal("Too many requests"),
        ...common,
      },
    },
  },
  ...datasetPaths({ query, refusal, json, ref, binary, common }),
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) }, ...common },
    },
  },
  "/api/health": {
    get: {
      operationId: "getHealth",
      summary: "The app's and the database's status, for load balancers and monitors",
      responses: {
        "200": { description: "All is well", content: json(ref("Health")) },
        "400": response("BadRequest"),
        "500": response("Internal"),
        "503": {
          description: "The database cannot be reached (status: degraded)",
          headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
          content: json(ref("Health")),
        },
      },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Question Bank public API",
      version: API_VERSION,
      description: [
        "Published survey questions for health emergencies in English, Spanish, French and Arabic, keyed to a behaviour-change framework; questionnaires and their exports. Reading needs no sign-in.",
        "Every error has one body: `{ code, message, details? }`, the message in the language of Accept-Language. Every list has `{ items, total, page, pageSize }`.",
        "Multi-hazard questions name the disease through placeholders in their texts: `[[hazard]]`, `[[hazard.definite]]`, `[[hazard.of]]`, `[[hazard.to]]` (`[[Hazard…]]` capitalised); GET /api/v1/hazards gives each hazard's forms per language. Search finds such questions by any hazard's name.",
        `Hostile input (malformed %-escapes or UTF-8, control characters, lone surrogates, an address over ${MAX_URL_LENGTH} characters, a path segment over ${MAX_PATH_SEGMENT_LENGTH}, a query value over ${MAX_QUERY_VALUE_LENGTH}) is a 400 with code badRequest. While the database cannot be reached, every endpoint answers 503 with Retry-After.`,
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas,
      headers: {
        RetryAfter: {
          description: "Seconds to wait before trying again",
          schema: { type: "integer", example: RETRY_AFTER_SECONDS },
        },
      },
      responses: {
        BadRequest: refusal(
          "Invalid parameters (invalidParameters: details.params), or hostile input (badRequest: details.problem)",
        ),
        Internal: refusal("Something failed inside; it was logged"),
        Unavailable: {
          description: "The database cannot be reached; try again after Retry-After seconds",
          headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
          content: json(ref("Error")),
        },
      },
    },
  };
}
