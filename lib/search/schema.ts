// The search parameters, one zod schema for the search page and the public API alike.
import { z } from "zod";
import { QUESTION_STATUSES, QUESTION_TYPES, TRANSLATION_STATES } from "../vocabulary/enums";
import { LANGUAGES } from "../i18n/languages";
import { DEFAULT_PAGE_SIZE, SEARCH_PARAM_NAMES } from "./query-string";

export { DEFAULT_PAGE_SIZE, SEARCH_PARAM_NAMES, searchQueryString } from "./query-string";

export const SORTS = ["relevance", "code", "type", "status", "updated"] as const;
export const FACET_KEYS = ["domain", "topic", "indicator", "type", "source", "status", "tag", "translation"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;

// Forms send empty fields ("lang="): an empty value means "not given".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const frameworkCode = z
  .string()
  .trim()
  .max(32)
  .regex(/^[A-Za-z]{3}(-[A-Za-z0-9]+)*$/);
const slug = z
  .string()
  .trim()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/);
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );

export const searchParamsSchema = z.object({
  q: z.preprocess((v) => (v === undefined ? "" : v), z.string().max(MAX_QUERY_LENGTH)).transform((s) => s.trim()),
  lang: optional(z.enum(LANGUAGES)),
  domain: optional(frameworkCode.transform((s) => s.toUpperCase())),
  topic: optional(frameworkCode.transform((s) => s.toUpperCase())),
  indicator: optional(frameworkCode.transform((s) => s.toUpperCase())),
  type: optional(z.enum(QUESTION_TYPES)),
  status: optional(z.enum(QUESTION_STATUSES)),
  tag: optional(slug),
  source: optional(slug),
  /** "<lang>:<state>", e.g. "ar:approved" or "fr:missing" */
  translation: optional(z.string().regex(new RegExp(`^(${LANGUAGES.join("|")}):(${TRANSLATION_STATES.join("|")})$`))),
  page: z.preprocess((v) => (v === undefined || v === "" ? 1 : v), wholeNumber(1, MAX_PAGE)),
  pageSize: z.preprocess((v) => (v === undefined || v === "" ? DEFAULT_PAGE_SIZE : v), wholeNumber(1, MAX_PAGE_SIZE)),
  sort: optional(z.enum(SORTS)),
  dir: optional(z.enum(["asc", "desc"])),
});

export type SearchParams = z.output<typeof searchParamsSchema>;
export type SearchParamName = keyof z.input<typeof searchParamsSchema>;
// The names ./query-string.ts lists are exactly this schema's (a compile-time check both ways).
type Listed = (typeof SEARCH_PARAM_NAMES)[number];
const _sameNames: [SearchParamName] extends [Listed] ? ([Listed] extends [SearchParamName] ? true : never) : never =
  true;
void _sameNames;

export type ParamProblem = { param: string; code: "repeated" | "invalid" };

/**
 * Reads search parameters from a URL query (or a page's searchParams object). Unknown parameters are
 * ignored; a search parameter given twice is an error rather than a silent choice of one.
 */
export function parseSearchParams(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): { ok: true; params: SearchParams } | { ok: false; problems: ParamProblem[] } {
  const entries: [string, string][] =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([k, v]) =>
          v === undefined
            ? []
            : Array.isArray(v)
              ? v.map((x) => [k, x] as [string, string])
              : [[k, v] as [string, string]],
        );
  const raw: Record<string, string> = {};
  const problems: ParamProblem[] = [];
  for (const [key, value] of entries) {
    if (!(SEARCH_PARAM_NAMES as readonly string[]).includes(key)) continue;
    if (key in raw) problems.push({ param: key, code: "repeated" });
    else raw[key] = value;
  }
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ param: String(issue.path[0] ?? "query"), code: "invalid" });
  }
  if (problems.length || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, params: parsed.data };
}

function dedupe(problems: ParamProblem[]) {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.param) ? false : (seen.add(p.param), true)));
}

/** The filters as facet values stored in question_search.facets ("indicator:PER-03", "tr:fr:missing"). */
export function facetFilters(params: SearchParams): string[] {
  const out: string[] = [];
  if (params.domain) out.push(`domain:${params.domain}`);
  if (params.topic) out.push(`topic:${params.topic}`);
  if (params.indicator) out.push(`indicator:${params.indicator}`);
  if (params.type) out.push(`type:${params.type}`);
  if (params.source) out.push(`source:${params.source}`);
  if (params.tag) out.push(`tag:${params.tag}`);
  if (params.translation) out.push(`tr:${params.translation}`);
  return out;
}
