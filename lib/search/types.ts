// The shapes a search returns, shared by the search page, the public API and the benchmark.
import type { Language, LocalizedText } from "../i18n/languages";
import type { QuestionStatus, TranslationState } from "../vocabulary/enums";
import type { FacetKey } from "./schema";

/** One question as the public API and the results table see it. */
export type ApiQuestion = {
  code: string;
  type: string;
  status: QuestionStatus;
  version: number;
  updatedAt: string;
  text: Record<Language, { label: string | null; hint: string | null; status: TranslationState }>;
  choices: { name: string; label: Record<Language, string | null> }[];
  indicators: { code: string; name: LocalizedText }[];
  tags: string[];
  source: {
    key: string;
    organisation: string;
    title: string;
    year: string | null;
    url: string | null;
    licence: string | null;
  } | null;
};

export type FacetCount = { value: string; count: number };
export type Facets = Record<FacetKey, FacetCount[]>;

export type SearchResult = {
  items: (ApiQuestion & { score: number | null })[];
  /** Exact, or estimated from a sample when the search matches very many questions (see `estimated`). */
  total: number;
  /** True when `total` and the facet counts are estimates (rounded) rather than exact counts. */
  estimated: boolean;
  page: number;
  pageSize: number;
  facets: Facets;
  /** The counts came from the counts cache (said in the API's Server-Timing header, for the benchmark). */
  countsCached: boolean;
  /** The query actually searched when misspelt words were corrected (absent otherwise). */
  correctedQuery?: string;
  /**
   * True when nothing matched and the query is made of stop words only (e.g. "what", "Estamos") in
   * a searched language: the search documents leave those words out (absent otherwise).
   */
  stopWordsOnly?: true;
  /** Normalised words of the searched query, for highlighting. */
  words: string[];
};

export type SearchOptions = {
  /** Drafts are visible to curators only. */
  includeDrafts?: boolean;
  /** False skips the total and facet counts (for callers that only page through results). */
  counts?: boolean;
};
