// Reads of the translators' workspace: per-language dashboards and the work queue.
import "server-only";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language, type LocalizedText } from "../i18n/languages";
import { can, type Actor } from "../auth/permissions";
import { QUEUE_ORDER, QUEUE_PAGE_SIZE, type QueueFilter } from "./schema";
import type { TranslationState } from "../vocabulary/enums";
import {
  addState,
  effectiveState,
  emptyCounts,
  itemState,
  PENDING_SELECT,
  workingText,
  type StateCounts,
} from "./state";
import { findLastEditors } from "./editor-data";
import { editedLastByReviewer } from "./rules";
import { findCommentedQuestionIds, findCommentMarkers, type CommentMarker } from "./comment-data";

/** The bank a translator works on: published questions (drafts may still change under them). */
const BANK = { status: "published" } as const;

type BankRow = {
  id: string;
  code: string;
  version: number;
  source: string;
  target: string | null;
  state: TranslationState;
  /** QuestionText.revision in this language (-1: none yet), which a bulk step claims */
  revision: number;
  updatedAt: Date | null;
  domains: string[];
  indicators: string[];
};

async function loadBank(lang: Language, where: object = {}): Promise<BankRow[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { ...BANK, ...where },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      version: true,
      sourceLanguage: true,
      texts: {
        where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
        select: {
          lang: true,
          label: true,
          status: true,
          sourceVersion: true,
          updatedAt: true,
          updatedById: true,
          revision: true,
          ...PENDING_SELECT,
        },
      },
      // The answer choice labels are reviewed with the text: a draft label makes the item a draft.
      choiceList: {
        select: {
          choices: {
            select: {
              texts: {
                where: { lang },
                select: { label: true, status: true, sourceVersion: true, updatedById: true, ...PENDING_SELECT },
              },
            },
          },
        },
      },
      indicators: {
        select: { indicator: { select: { code: true, topic: { select: { domain: { select: { code: true } } } } } } },
      },
    },
  });
  return rows.map((q) => {
    const source = q.texts.find((t) => t.lang === q.sourceLanguage) ?? q.texts.find((t) => t.lang === SOURCE_LANGUAGE);
    const row = q.texts.find((t) => t.lang === lang);
    const target = row ? { ...row, ...workingText(row) } : null;
    const choiceStates = (q.choiceList?.choices ?? []).flatMap((c) => c.texts.map((t) => workingText(t).status));
    return {
      id: q.id,
      code: q.code,
      version: q.version,
      source: source?.label ?? "",
      target: target?.label ?? null,
      state: itemState(effectiveState(target, q.version), choiceStates),
      revision: row?.revision ?? -1,
      updatedAt: target?.updatedAt ?? null,
      domains: [...new Set(q.indicators.map((i) => i.indicator.topic.domain.code))],
      indicators: q.indicators.map((i) => i.indicator.code),
    };
  });
}

/** Questionnaires this person may read: public templates, shared ones, and their own. */
async function findReadableQuestionnaires(actor: Actor) {
  const db = await getDb();
  const rows = await db.questionnaire.findMany({
    where: { OR: [{ visibility: { in: ["public_template", "shared"] } }, ...(actor ? [{ ownerId: actor.id }] : [])] },
    orderBy: [{ visibility: "desc" }, { createdAt: "asc" }],
    take: 200,
    select: { id: true, slug: true, title: true, items: { select: { questionId: true } } },
  });
  return rows.map((q) => ({
    id: q.id,
    slug: q.slug,
    title: q.title as LocalizedText,
    questionIds: q.items.map((i) => i.questionId),
  }));
}

export type LanguageOverview = { lang: Language; counts: StateCounts };

/** For the workspace's first page: each language's counts by state. */
export async function findLanguageOverview(langs: readonly Language[]): Promise<LanguageOverview[]> {
  return Promise.all(
    langs.map(async (lang) => {
      const counts = emptyCounts();
      for (const row of await loadBank(lang)) addState(counts, row.state);
      return { lang, counts };
    }),
  );
}

export type LanguageDashboard = {
  lang: Language;
  counts: StateCounts;
  /** A question linked to indicators of two domains counts in each; "—" holds background questions */
  byDomain: { code: string; name: LocalizedText | null; counts: StateCounts }[];
  byQuestionnaire: { id: string; title: LocalizedText; counts: StateCounts }[];
};

export async function findLanguageDashboard({
  lang,
  actor,
}: {
  lang: Language;
  actor: Actor;
}): Promise<LanguageDashboard> {
  const db = await getDb();
  const [bank, domains, questionnaires] = await Promise.all([
    loadBank(lang),
    db.domain.findMany({ orderBy: { position: "asc" }, select: { code: true, name: true } }),
    findReadableQuestionnaires(actor),
  ]);
  const counts = emptyCounts();
  const byDomain = new Map(
    domains.map((d) => [d.code, { code: d.code, name: d.name as LocalizedText | null, counts: emptyCounts() }]),
  );
  const background = { code: "—", name: null, counts: emptyCounts() };
  const stateOf = new Map<string, TranslationState>();
  for (const row of bank) {
    addState(counts, row.state);
    stateOf.set(row.id, row.state);
    if (row.domains.length === 0) addState(background.counts, row.state);
    for (const d of row.domains) if (byDomain.has(d)) addState(byDomain.get(d)!.counts, row.state);
  }
  return {
    lang,
    counts,
    byDomain: [...byDomain.values(), ...(background.counts.total ? [background] : [])],
    byQuestionnaire: questionnaires.map((q) => {
      const c = emptyCounts();
      for (const id of q.questionIds) {
        const state = stateOf.get(id);
        if (state) addState(c, state);
      }
      return { id: q.id, title: q.title, counts: c };
    }),
  };
}

export type QueueItem = {
  code: string;
  source: string;
  target: string | null;
  state: TranslationState;
  indicators: string[];
  updatedAt: Date | null;
  /** In review, and this reviewer edited it last: another reviewer approves it (four eyes). */
  editedByYou: boolean;
  /** The revision the page shows, claimed by a bulk step (a later change skips the item) */
  revision: number;
  comments: CommentMarker;
};
export type Queue = {
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
  questionnaires: { id: string; title: LocalizedText }[];
};

const rank = (s: TranslationState) => QUEUE_ORDER.indexOf(s);

/** Queue order: outdated, missing, draft, in review, approved; then by code. */
function sortQueue(rows: BankRow[]): BankRow[] {
  return [...rows].sort((a, b) => rank(a.state) - rank(b.state) || a.code.localeCompare(b.code));
}

async function filteredRows({ lang, filter, actor }: { lang: Language; filter: QueueFilter; actor: Actor }) {
  const questionnaires = await findReadableQuestionnaires(actor);
  const where: Record<string, unknown> = {};
  if (filter.indicator) where.indicators = { some: { indicator: { code: filter.indicator } } };
  else if (filter.domain) where.indicators = { some: { indicator: { topic: { domain: { code: filter.domain } } } } };
  if (filter.questionnaire) {
    // Only a questionnaire this person may read narrows the queue; another id matches nothing.
    const q = questionnaires.find((x) => x.id === filter.questionnaire);
    where.id = { in: q?.questionIds ?? [] };
  }
  if (filter.comments) {
    const commented = { id: { in: await findCommentedQuestionIds(lang) } };
    where.AND = [commented];
  }
  const rows = (await loadBank(lang, where)).filter((r) => !filter.status || r.state === filter.status);
  return { rows: sortQueue(rows), questionnaires: questionnaires.map(({ id, title }) => ({ id, title })) };
}

export async function findTranslationQueue({
  lang,
  filter,
  actor,
}: {
  lang: Language;
  filter: QueueFilter;
  actor: Actor;
}): Promise<Queue> {
  const { rows, questionnaires } = await filteredRows({ lang, filter, actor });
  const pages = Math.max(1, Math.ceil(rows.length / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const slice = rows.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE);
  // Only the page's texts in review are asked about, and only for a reviewer of the language.
  const inReview = can(actor, "translation.review", { lang })
    ? slice.filter((r) => r.state === "in_review").map((r) => r.id)
    : [];
  const [editors, markers] = await Promise.all([
    findLastEditors(inReview, lang),
    findCommentMarkers(
      slice.map((r) => r.id),
      lang,
      actor?.id ?? null,
    ),
  ]);
  const items = slice.map(({ id, code, source, target, state, indicators, updatedAt, revision }) => ({
    code,
    source,
    target,
    state,
    indicators,
    updatedAt,
    editedByYou: editors.has(id) && editedLastByReviewer(actor, lang, editors.get(id)!),
    revision,
    comments: markers.get(id) ?? { count: 0, newSinceYourReply: 0 },
  }));
  return { items, total: rows.length, page, pages, questionnaires };
}

/**
 * The item to open after `code` is saved: the next one in queue order (within the same filters)
 * that still needs a translator, or null when the queue is done.
 */
export async function findNextInQueue({
  lang,
  filter,
  actor,
  after,
}: {
  lang: Language;
  filter: QueueFilter;
  actor: Actor;
  after: string;
}): Promise<string | null> {
  const { rows } = await filteredRows({ lang, filter, actor });
  const needsWork = (s: TranslationState) =>
    filter.status ? s === filter.status : s === "outdated" || s === "missing" || s === "draft";
  const here = rows.findIndex((r) => r.code === after);
  const ordered = here >= 0 ? [...rows.slice(here + 1), ...rows.slice(0, here)] : rows;
  return ordered.find((r) => r.code !== after && needsWork(r.state))?.code ?? null;
}

/** Question ids of the queue (for the spreadsheet export), in queue order. */
export async function findQueueCodes({
  lang,
  filter,
  actor,
}: {
  lang: Language;
  filter: QueueFilter;
  actor: Actor;
}): Promise<string[]> {
  return (await filteredRows({ lang, filter, actor })).rows.map((r) => r.code);
}
