// Which questions the public may read. A question's text becomes public only by being published:
// a draft (often a researcher's private XLSForm import), a rejected draft and a draft merged into a
// bank question were never published and stay private; a retired question was published once and
// stays readable (the database refuses a retired question without publishedAt, see the migration
// private_drafts_never_public). Every public reader (search, API, question page, bank CSV,
// framework counts) goes through this rule.

import type { QuestionStatus } from "../vocabulary/enums";

/** The statuses a public reader may show, published first. */
export const PUBLIC_STATUSES = ["published", "retired"] as const satisfies readonly QuestionStatus[];

/** Statuses only curators see: work in progress and the drafts they turned down. */
export const CURATOR_ONLY_STATUSES = ["draft", "rejected", "merged"] as const satisfies readonly QuestionStatus[];

/** True when anyone, signed in or not, may read this question. */
export function isPublicQuestion(q: { status: string; publishedAt: Date | string | null }): boolean {
  if (q.status === "published") return true;
  return q.status === "retired" && q.publishedAt !== null;
}

/** The same rule as a Prisma `where` on question. */
export const PUBLIC_QUESTION_WHERE = {
  OR: [{ status: "published" as const }, { status: "retired" as const, publishedAt: { not: null } }],
};

/** The same rule in SQL, for a question aliased `q`. */
export const PUBLIC_QUESTION_SQL = `(q.status = 'published' OR (q.status = 'retired' AND q."publishedAt" IS NOT NULL))`;

/** The bank's working set: what translators translate and curators edit (not retired, rejected or merged). */
export const WORKING_STATUSES = ["draft", "published"] as const satisfies readonly QuestionStatus[];
export const isInWorkingSet = (status: string) => status === "draft" || status === "published";
