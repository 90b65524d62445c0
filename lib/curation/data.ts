// Reads for the curation pages' lists and the editor: the question list, the question as the
// editor shows it with what the editor offers, whether a code is free, and the drafts queue.
// Versions and the reach of a change are in version-data.ts, likely duplicates in duplicate-data.ts.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { QuestionStatus } from "../vocabulary/enums";
import { WORKING_STATUSES } from "../bank/visibility";
import type { LocalizedText } from "../i18n/languages";
import { loadQuestionForm, type QuestionFormValues } from "./question-form-data";
import { bankCodeSchema } from "../vocabulary/names";

export type { QuestionFormValues };

export const CURATION_PAGE_SIZE = 50;

export type CurationRow = {
  code: string;
  type: string;
  status: string;
  version: number;
  label: string;
  indicators: string[];
  updatedAt: Date;
};

/**
 * Questions for the curators' list: retired questions and rejected or merged drafts only when asked
 * for (they leave the working set), or when filtered by their status.
 */
export async function findCurationQuestions({
  query = "",
  status,
  includeRetired = false,
  page = 1,
}: {
  query?: string;
  status?: QuestionStatus;
  includeRetired?: boolean;
  page?: number;
}): Promise<{ rows: CurationRow[]; total: number; pages: number }> {
  const db = await getDb();
  const and: Prisma.QuestionWhereInput[] = [];
  if (status) and.push({ status });
  else if (!includeRetired) and.push({ status: { in: [...WORKING_STATUSES] } });
  const q = query.trim().slice(0, 200);
  if (q)
    and.push({
      OR: [
        { code: { contains: q, mode: "insensitive" } },
        { texts: { some: { label: { contains: q, mode: "insensitive" } } } },
      ],
    });
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({
      where,
      orderBy: { code: "asc" },
      skip: (Math.max(1, page) - 1) * CURATION_PAGE_SIZE,
      take: CURATION_PAGE_SIZE,
      select: {
        code: true,
        type: true,
        status: true,
        version: true,
        updatedAt: true,
        sourceLanguage: true,
        texts: { select: { lang: true, label: true } },
        indicators: { select: { indicator: { select: { code: true } } } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / CURATION_PAGE_SIZE)),
    rows: rows.map((r) => ({
      code: r.code,
      type: r.type,
      status: r.status,
      version: r.version,
      updatedAt: r.updatedAt,
      label: r.texts.find((t) => t.lang === r.sourceLanguage)?.label ?? "",
      indicators: r.indicators.map((i) => i.indicator.code).sort(),
    })),
  };
}

export async function findQuestionForEditing(code: string): Promise<QuestionFormValues | null> {
  return loadQuestionForm(await getDb(), { code });
}

export type EditorOptions = {
  sharedLists: { name: string; choices: string[] }[];
  indicators: { code: string; name: LocalizedText; retired: boolean }[];
  sources: { key: string; label: string }[];
};

/** What the editor offers: shared lists with their English choices, indicators, sources. */
export async function findEditorOptions(): Promise<EditorOptions> {
  const db = await getDb();
  const [lists, indicators, sources] = await Promise.all([
    db.choiceList.findMany({
      where: { shared: true },
      orderBy: { name: "asc" },
      select: {
        name: true,
        choices: {
          orderBy: { position: "asc" },
          select: { name: true, texts: { where: { lang: "en" }, select: { label: true } } },
        },
      },
    }),
    db.indicator.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, retiredAt: true } }),
    db.source.findMany({ orderBy: { key: "asc" }, select: { key: true, organisation: true, title: true, year: true } }),
  ]);
  return {
    sharedLists: lists.map((l) => ({ name: l.name, choices: l.choices.map((c) => c.texts[0]?.label ?? c.name) })),
    indicators: indicators.map((i) => ({ code: i.code, name: i.name as LocalizedText, retired: i.retiredAt !== null })),
    sources: sources.map((s) => ({
      key: s.key,
      label: `${s.organisation}: ${s.title}${s.year ? ` (${s.year})` : ""}`,
    })),
  };
}

/** Whether `code` could name a new question: valid for XLSForm and the bank, and not yet used. */
export async function checkCode(
  code: string,
  { excludeCode }: { excludeCode?: string } = {},
): Promise<"ok" | "invalid" | "taken"> {
  if (!bankCodeSchema.safeParse(code).success) return "invalid";
  if (code === excludeCode) return "ok";
  const db = await getDb();
  return (await db.question.findUnique({ where: { code }, select: { id: true } })) ? "taken" : "ok";
}

export type DraftRow = {
  code: string;
  type: string;
  label: string;
  createdAt: Date;
  createdBy: string | null;
  indicators: string[];
  questionnaires: number;
  revision: number;
};

/** Drafts waiting for review, oldest first. */
export async function findDraftQueue(): Promise<DraftRow[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { status: "draft" },
    orderBy: { createdAt: "asc" },
    select: {
      code: true,
      type: true,
      createdAt: true,
      createdById: true,
      revision: true,
      sourceLanguage: true,
      texts: { select: { lang: true, label: true } },
      indicators: { select: { indicator: { select: { code: true } } } },
      _count: { select: { items: true } },
    },
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const creators = creatorIds.length
    ? await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(creators.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    code: r.code,
    type: r.type,
    label: r.texts.find((t) => t.lang === r.sourceLanguage)?.label ?? r.texts[0]?.label ?? "",
    createdAt: r.createdAt,
    createdBy: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
    indicators: r.indicators.map((i) => i.indicator.code).sort(),
    questionnaires: r._count.items,
    revision: r.revision,
  }));
}
