// The one list envelope of the public API, `{ items, total, page, pageSize }` (endpoints may add
// fields beside it, such as the search's `estimated` and `facets`), and its paging parameters.
import { z } from "zod";

export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export type ListEnvelope<T> = { items: T[]; total: number; page: number; pageSize: number };

const wholeNumber = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(1).max(max),
  );

export const pagingSchema = z.object({
  page: wholeNumber(1, MAX_PAGE),
  pageSize: wholeNumber(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
});
export type Paging = z.output<typeof pagingSchema>;

export function listEnvelope<T>(items: T[], { total, page, pageSize }: { total: number } & Paging): ListEnvelope<T> {
  return { items, total, page, pageSize };
}
