// Reads for search: the search itself (page, total, facets, typo correction), one question in the
// API's shape, and the labels facets are shown with.
import { getDb } from "../db/client";
import { LANGUAGES, type Language, type LocalizedText } from "../i18n/languages";
import { queryWords } from "./normalize";
import { correctQuery, countQuery, facetQuery, pageQuery, planSearch, vocabularyQuery, type SearchPlan, type SqlQuery } from "./query";
import type { FacetKey, SearchParams } from "./schema";
import { FACET_KEYS } from "./schema";

export type TranslationStateValue = "missing" | "draft" | "in_review" | "approved" | "outdated";

/** One question as the public API and the results table see it. */
export type ApiQuestion = {
  code: string;
  type: string;
  status: "draft" | "published" | "retired";
  version: number;
  updatedAt: string;
  text: Record<Language, { label: string | null; hint: string | null; status: TranslationStateValue }>;
  choices: { name: string; label: Record<Language, string | null> }[];
  indicators: { code: string; name: LocalizedText }[];
  tags: string[];
  source: { key: string; organisation: string; title: string; year: string | null; url: string | null; licence: string | null } | null;
};

export type FacetCount = { value: string; count: number };
export type Facets = Record<FacetKey, FacetCount[]>;

export type SearchResult = {
  items: (ApiQuestion & { score: number | null })[];
  total: number;
  page: number;
  pageSize: number;
  facets: Facets;
  /** The query actually searched when misspelt words were corrected (absent otherwise). */
  correctedQuery?: string;
  /** Normalised words of the searched query, for highlighting. */
  words: string[];
};

export type SearchOptions = { includeDrafts?: boolean };

/** Below this many results, misspelt words are corrected against the bank's vocabulary. */
const FEW_RESULTS = 3;

const questionSelect = {
  id: true,
  code: true,
  type: true,
  status: true,
  version: true,
  updatedAt: true,
  texts: { select: { lang: true, label: true, hint: true, status: true } },
  choiceList: { select: { choices: { orderBy: { position: "asc" }, select: { name: true, texts: { select: { lang: true, label: true } } } } } },
  indicators: { select: { indicator: { select: { code: true, name: true } } }, orderBy: { indicator: { code: "asc" } } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
  source: { select: { key: true, organisation: true, title: true, year: true, url: true, licence: true } },
} as const;

type Db = Awaited<ReturnType<typeof getDb>>;
type QuestionRow = Awaited<ReturnType<typeof findRows>>[number];

function findRows(db: Db, where: { id: { in: string[] } } | { code: string }) {
  return db.question.findMany({ where, select: questionSelect });
}

function perLanguage<T>(make: (lang: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, make(l)])) as Record<Language, T>;
}

function toApiQuestion(row: QuestionRow): ApiQuestion {
  return {
    code: row.code,
    type: row.type,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    text: perLanguage((lang) => {
      const t = row.texts.find((x) => x.lang === lang);
      return t ? { label: t.label, hint: t.hint, status: t.status } : { label: null, hint: null, status: "missing" as const };
    }),
    choices: (row.choiceList?.choices ?? []).map((c) => ({
      name: c.name,
      label: perLanguage((lang) => c.texts.find((t) => t.lang === lang)?.label ?? null),
    })),
    indicators: row.indicators.map((i) => ({ code: i.indicator.code, name: i.indicator.name as LocalizedText })),
    tags: row.tags.map((t) => t.tag.name),
    source: row.source,
  };
}

async function run<T>(db: Db, query: SqlQuery): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(query.text, ...query.values);
}

const FACET_PREFIX: Record<string, FacetKey> = {
  domain: "domain",
  topic: "topic",
  indicator: "indicator",
  type: "type",
  source: "source",
  status: "status",
  tag: "tag",
  tr: "translation",
};

/** "indicator:PER-03" → facets.indicator [{ value: "PER-03" }]; "tr:fr:missing" → facets.translation "fr:missing". */
export function groupFacets(rows: { value: string; count: number }[]): Facets {
  const facets = Object.fromEntries(FACET_KEYS.map((k) => [k, [] as FacetCount[]])) as Facets;
  for (const row of rows) {
    const at = row.value.indexOf(":");
    const key = FACET_PREFIX[row.value.slice(0, at)];
    if (key && row.count > 0) facets[key].push({ value: row.value.slice(at + 1), count: Number(row.count) });
  }
  for (const key of FACET_KEYS) facets[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

async function runPlan(db: Db, plan: SearchPlan, params: SearchParams) {
  const [ids, totalRows, facetRows] = await Promise.all([
    run<{ id: string; score: number | null }>(db, pageQuery(plan, params)),
    run<{ total: number }>(db, countQuery(plan)),
    run<{ value: string; count: number }>(db, facetQuery(plan)),
  ]);
  return { ids, total: Number(totalRows[0]?.total ?? 0), facetRows };
}

/** Corrections for the query words that are not in the bank's vocabulary (misspelt word → nearest word). */
async function findCorrections(db: Db, plan: SearchPlan): Promise<Map<string, string>> {
  const words = [...new Set(queryWords(plan.query))].filter((w) => w.length >= 3 && !/\d/.test(w)).slice(0, 8);
  if (!words.length) return new Map();
  const rows = await run<{ word: string; known: boolean; nearest: string | null }>(db, vocabularyQuery(words, plan.langs));
  return new Map(rows.filter((r) => !r.known && r.nearest && r.nearest !== r.word).map((r) => [r.word, r.nearest!]));
}

/**
 * Searches the bank. Anonymous callers see published questions (and retired ones when they filter
 * by status); `includeDrafts` is for curators.
 */
export async function searchQuestions(params: SearchParams, { includeDrafts = false }: SearchOptions = {}): Promise<SearchResult> {
  const db = await getDb();
  let plan = planSearch(params, { includeDrafts });
  let result = plan.statuses.length ? await runPlan(db, plan, params) : { ids: [], total: 0, facetRows: [] };
  let correctedQuery: string | undefined;
  if (plan.query && result.total < FEW_RESULTS && plan.statuses.length) {
    const corrections = await findCorrections(db, plan);
    if (corrections.size) {
      const corrected = correctQuery(plan.query, corrections);
      const correctedPlan = { ...plan, query: corrected };
      const second = await runPlan(db, correctedPlan, params);
      if (second.total > result.total) {
        plan = correctedPlan;
        result = second;
        correctedQuery = corrected;
      }
    }
  }
  const rows = result.ids.length ? await findRows(db, { id: { in: result.ids.map((r) => r.id) } }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: result.ids.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [{ ...toApiQuestion(row), score: r.score === null ? null : Number(r.score) }] : [];
    }),
    total: result.total,
    page: params.page,
    pageSize: params.pageSize,
    facets: groupFacets(result.facetRows),
    ...(correctedQuery ? { correctedQuery } : {}),
    words: queryWords(plan.query),
  };
}

/** One question in the API's shape; drafts only with `includeDrafts`. */
export async function findApiQuestion(code: string, { includeDrafts = false }: SearchOptions = {}): Promise<ApiQuestion | null> {
  const db = await getDb();
  const [row] = await findRows(db, { code });
  if (!row || (row.status === "draft" && !includeDrafts)) return null;
  return toApiQuestion(row);
}

export type FacetLabels = {
  domain: Record<string, LocalizedText>;
  topic: Record<string, LocalizedText>;
  indicator: Record<string, LocalizedText>;
  source: Record<string, string>;
};

/** Names to show facet values with (framework names in four languages, source titles). */
export async function findFacetLabels(): Promise<FacetLabels> {
  const db = await getDb();
  const [domains, topics, indicators, sources] = await Promise.all([
    db.domain.findMany({ select: { code: true, name: true } }),
    db.topic.findMany({ select: { code: true, name: true } }),
    db.indicator.findMany({ select: { code: true, name: true } }),
    db.source.findMany({ select: { key: true, organisation: true, year: true } }),
  ]);
  const named = (rows: { code: string; name: unknown }[]) => Object.fromEntries(rows.map((r) => [r.code, r.name as LocalizedText]));
  return {
    domain: named(domains),
    topic: named(topics),
    indicator: named(indicators),
    source: Object.fromEntries(sources.map((s) => [s.key, s.year ? `${s.organisation} (${s.year})` : s.organisation])),
  };
}

export type ApiFramework = {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  questionCount: number;
  topics: {
    code: string;
    name: LocalizedText;
    questionCount: number;
    indicators: { code: string; type: string; name: LocalizedText; definition: LocalizedText; retired: boolean; questionCount: number }[];
  }[];
}[];

/** The framework tree with the number of published questions at every level (a question counts once per node). */
export async function findFrameworkWithCounts(): Promise<ApiFramework> {
  const db = await getDb();
  const [domains, counts] = await Promise.all([
    db.domain.findMany({
      orderBy: { position: "asc" },
      select: {
        code: true,
        name: true,
        description: true,
        topics: {
          orderBy: { position: "asc" },
          select: {
            code: true,
            name: true,
            indicators: { orderBy: { position: "asc" }, select: { code: true, type: true, name: true, definition: true, retiredAt: true } },
          },
        },
      },
    }),
    db.searchFacetCount.findMany({ where: { status: "published", count: { gt: 0 } }, select: { value: true, count: true } }),
  ]);
  const count = new Map(counts.map((c) => [c.value, c.count]));
  return domains.map((d) => ({
    code: d.code,
    name: d.name as LocalizedText,
    description: d.description as LocalizedText,
    questionCount: count.get(`domain:${d.code}`) ?? 0,
    topics: d.topics.map((t) => ({
      code: t.code,
      name: t.name as LocalizedText,
      questionCount: count.get(`topic:${t.code}`) ?? 0,
      indicators: t.indicators.map((i) => ({
        code: i.code,
        type: i.type,
        name: i.name as LocalizedText,
        definition: i.definition as LocalizedText,
        retired: i.retiredAt !== null,
        questionCount: count.get(`indicator:${i.code}`) ?? 0,
      })),
    })),
  }));
}
