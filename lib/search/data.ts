// Reads for search: the search itself (see run-search.ts), one question in the API's shape, the
// labels facets are shown with, and the framework with question counts.
import { getDb } from "../db/client";
import type { LocalizedText } from "../i18n/languages";
import type { Exec } from "./counts";
import { questionDocumentsQuery, toApiQuestion } from "./hydrate";
import type { SqlQuery } from "./query";
import { runSearch } from "./run-search";
import type { SearchParams } from "./schema";
import type { ApiQuestion, SearchOptions, SearchResult } from "./types";

export type { ApiQuestion, FacetCount, Facets, SearchOptions, SearchResult, TranslationStateValue } from "./types";
export { groupFacets } from "./facets";

/** Runs statements on the app's database connection. */
export async function databaseExec(): Promise<Exec> {
  const db = await getDb();
  return <T,>(query: SqlQuery) => db.$queryRawUnsafe<T[]>(query.text, ...query.values);
}

export async function searchQuestions(params: SearchParams, options: SearchOptions = {}): Promise<SearchResult> {
  return runSearch(await databaseExec(), params, options);
}

/** One question in the API's shape; drafts only with `includeDrafts`. */
export async function findApiQuestion(code: string, { includeDrafts = false }: SearchOptions = {}): Promise<ApiQuestion | null> {
  const exec = await databaseExec();
  const [row] = await exec<{ doc: string }>(questionDocumentsQuery({ code }));
  if (!row) return null;
  const { question } = toApiQuestion(row.doc);
  return question.status === "draft" && !includeDrafts ? null : question;
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
