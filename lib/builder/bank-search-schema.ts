// The builder's bank search panel: what it asks (a few of the search page's parameters, checked by
// the search's own schema) and what each result brings back to the panel. No server code here:
// the panel imports the types and the page size.
import { z } from "zod";
import { LANGUAGES, type Language } from "../i18n/languages";
import { searchParamsSchema } from "../search/schema";

export const BANK_SEARCH_PAGE_SIZE = 10;
/** The answer choices a result previews; the rest are counted. */
export const CHOICES_PREVIEWED = 5;

const search = searchParamsSchema.shape;

export const bankSearchSchema = z.object({
  questionnaireId: z.string().trim().min(1).max(100),
  q: search.q,
  domain: search.domain,
  type: search.type,
  page: search.page,
  /** The page's language, for the refusal's wording (lib/actions/run-action.ts reads it) */
  locale: z.enum(LANGUAGES).optional(),
});

export type BankSearchInput = {
  questionnaireId: string;
  q: string;
  domain?: string;
  type?: string;
  page?: number;
  locale?: Language;
};

type Texts = Partial<Record<Language, string | null>>;

export type BankSearchHit = {
  code: string;
  type: string;
  label: Texts;
  /** The first CHOICES_PREVIEWED answer choices, of choiceCount */
  choices: { name: string; label: Texts }[];
  choiceCount: number;
  /** Already asked by this questionnaire: not offered again */
  inQuestionnaire: boolean;
};

export type BankSearchPage = {
  items: BankSearchHit[];
  total: number;
  /** The total is an estimate (a search matching very many questions) */
  estimated: boolean;
  page: number;
  pageSize: number;
  /** The words actually searched when misspelt ones were corrected */
  correctedQuery?: string;
};
