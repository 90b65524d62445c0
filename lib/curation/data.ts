// Reads for the curation pages: the question list, the editor, the impact of a change, versions
// and their differences, likely duplicates, the drafts queue, and the questionnaire items that a
// newer bank version has overtaken.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { QuestionSnapshot } from "../bank/snapshot";
import type { QuestionStatus } from "../vocabulary/enums";
import { WORKING_STATUSES } from "../bank/visibility";
import type { LocalizedText } from "../i18n/languages";
import { diffSnapshots, type FieldDiff } from "./diff";
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

export type ChangeImpact = {
  /** Other languages' texts that a change of the source text makes outdated */
  translations: { lang: string; status: string }[];
  /** Questionnaires holding the question: they are offered the new version */
  questionnaires: { id: string; title: LocalizedText; itemVersion: number }[];
};

export async function findChangeImpact(code: string): Promise<ChangeImpact | null> {
  const db = await getDb();
  const q = await db.question.findUnique({
    where: { code },
    select: {
      sourceLanguage: true,
      texts: { select: { lang: true, status: true } },
      items: {
        select: { questionVersion: true, questionnaire: { select: { id: true, title: true } } },
        orderBy: { questionnaire: { createdAt: "asc" } },
      },
    },
  });
  if (!q) return null;
  return {
    translations: q.texts
      .filter((t) => t.lang !== q.sourceLanguage && t.status !== "missing" && t.status !== "outdated")
      .map((t) => ({ lang: t.lang, status: t.status })),
    questionnaires: q.items.map((i) => ({
      id: i.questionnaire.id,
      title: i.questionnaire.title as LocalizedText,
      itemVersion: i.questionVersion,
    })),
  };
}

export async function findQuestionVersions(code: string): Promise<{ version: number; createdAt: Date }[]> {
  const db = await getDb();
  return db.questionVersion.findMany({
    where: { question: { code } },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true },
  });
}

/** The word-level differences between two versions; null when either does not exist. */
export async function findVersionDiff(
  code: string,
  from: number,
  to: number,
): Promise<{ from: QuestionSnapshot; to: QuestionSnapshot; fields: FieldDiff[] } | null> {
  const db = await getDb();
  const rows = await db.questionVersion.findMany({
    where: { question: { code }, version: { in: [from, to] } },
    select: { version: true, snapshot: true },
  });
  const a = rows.find((r) => r.version === from)?.snapshot as QuestionSnapshot | undefined;
  const b = rows.find((r) => r.version === to)?.snapshot as QuestionSnapshot | undefined;
  if (!a || !b) return null;
  return { from: a, to: b, fields: diffSnapshots(a, b) };
}

export type DuplicateCandidate = {
  code: string;
  status: string;
  lang: string;
  label: string;
  score: number;
  sameIndicator: boolean;
};

/**
 * Questions that likely ask the same thing: wording similar (trigram similarity, any language) to
 * `label`, among questions of the same indicator, or very similar anywhere in the bank.
 */
export async function findLikelyDuplicates({
  label,
  indicators = [],
  excludeCode = "",
}: {
  label: string;
  indicators?: string[];
  excludeCode?: string;
}): Promise<DuplicateCandidate[]> {
  const text = label.trim().slice(0, 500);
  if (text.length < 8) return [];
  const db = await getDb();
  const rows = await db.$queryRaw<
    { code: string; status: string; lang: string; label: string; score: number; same_indicator: boolean }[]
  >`
    WITH scored AS (
      SELECT q.code, q.status::text AS status, qt.lang, qt.label, similarity(qt.label, ${text})::float8 AS score,
             EXISTS (SELECT 1 FROM question_indicator qi JOIN indicator i ON i.id = qi."indicatorId"
                     WHERE qi."questionId" = q.id AND i.code = ANY(${indicators}::text[])) AS same_indicator
      FROM question_text qt JOIN question q ON q.id = qt."questionId"
      WHERE q.code <> ${excludeCode} AND q."mergedIntoId" IS NULL AND q."rejectedReason" IS NULL
    )
    SELECT DISTINCT ON (code) code, status, lang, label, score, same_indicator
    FROM scored
    WHERE (same_indicator AND score > 0.3) OR score > 0.55
    ORDER BY code, score DESC`;
  return rows
    .map((r) => ({
      code: r.code,
      status: r.status,
      lang: r.lang,
      label: r.label,
      score: Number(r.score),
      sameIndicator: r.same_indicator,
    }))
    .sort((a, b) => Number(b.sameIndicator) - Number(a.sameIndicator) || b.score - a.score)
    .slice(0, 5);
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

export type OutdatedItem = {
  itemId: string;
  name: string;
  questionCode: string;
  itemVersion: number;
  bankVersion: number;
  retired: boolean;
};

/** Items of a questionnaire whose bank question has a newer published version (or was retired). */
export async function findOutdatedItems(questionnaireId: string): Promise<OutdatedItem[]> {
  const db = await getDb();
  const items = await db.questionnaireItem.findMany({
    where: { questionnaireId },
    orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      name: true,
      questionVersion: true,
      question: { select: { code: true, version: true, status: true } },
    },
  });
  return items
    .filter((i) => i.question.version > i.questionVersion || i.question.status === "retired")
    .map((i) => ({
      itemId: i.id,
      name: i.name,
      questionCode: i.question.code,
      itemVersion: i.questionVersion,
      bankVersion: i.question.version,
      retired: i.question.status === "retired",
    }));
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
