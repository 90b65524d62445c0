// Reads for search: the search itself (see run-search.ts), one question in the API's shape, the
// labels facets are shown with, and the framework with question counts.
import "server-only";
import { getDb } from "../db/client";
import { findFrameworkTree } from "../framework/data";
import type { LocalizedText } from "../i18n/languages";
import type { Exec } from "./counts";
import { questionDocumentsQuery, toApiQuestion } from "./hydrate";
import type { SqlQuery } from "./query";
import { runSearch } from "./run-search";
import type { SearchParams } from "./schema";
import type { ApiQuestion, SearchOptions, SearchResult } from "./types";

/** Runs statements on the app's database connection. */
export async function databaseExec(): Promise<Exec> {
  const db = await getDb();
  return <T>(query: SqlQuery) => db.$queryRawUnsafe<T[]>(query.text, ...query.values);
}

export async function searchQuestions(params: SearchParams, options: SearchOptions = {}): Promise<SearchResult> {
  return runSearch(await databaseExec(), params, options);
}

/**
 * One question in the API's shape: only a public one (published, or retired after being published;
 * see bank/visibility.ts), any question with `includeDrafts` (curators).
 */
export async function findApiQuestion(
  code: string,
  { includeDrafts = false }: SearchOptions = {},
): Promise<ApiQuestion | null> {
  const exec = await databaseExec();
  const [row] = await exec<{ doc: string }>(questionDocumentsQuery({ code, includeDrafts }));
  return row ? toApiQuestion(row.doc).question : null;
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
  const named = (rows: { code: string; name: unknown }[]) =>
    Object.fromEntries(rows.map((r) => [r.code, r.name as LocalizedText]));
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
    indicators: {
      code: string;
      type: string;
      name: LocalizedText;
      definition: LocalizedText;
      retired: boolean;
      questionCount: number;
    }[];
  }[];
}[];

/** The framework tree in the API's shape, with the number of published questions at every level. */
export async function findFrameworkWithCounts(): Promise<ApiFramework> {
  return (await findFrameworkTree()).map((d) => ({
    code: d.code,
    name: d.name,
    description: d.description,
    questionCount: d.publishedQuestions,
    topics: d.topics.map((t) => ({
      code: t.code,
      name: t.name,
      questionCount: t.publishedQuestions,
      indicators: t.indicators.map(({ publishedQuestions, ...i }) => ({ ...i, questionCount: publishedQuestions })),
    })),
  }));
}
