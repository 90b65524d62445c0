// Reads of bank questions for pages: summaries, lists by indicator, one question in full.
import "server-only";
import { getDb } from "../db/client";
import { LANGUAGES, type Language, type LocalizedText } from "../i18n/languages";
import { PUBLIC_QUESTION_WHERE } from "./visibility";
import type { TranslationState } from "../vocabulary/enums";

export type QuestionText = {
  label: string;
  hint: string | null;
  notes: string | null;
  constraintMessage: string | null;
  status: TranslationState;
};

export type QuestionDetail = {
  code: string;
  type: string;
  status: "published" | "retired";
  version: number;
  constraint: string | null;
  updatedAt: Date;
  texts: Record<Language, QuestionText | null>;
  choiceList: { name: string; shared: boolean } | null;
  choices: { name: string; labels: Record<Language, string | null> }[];
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
  sourceRelation: "verbatim" | "adapted" | "developed" | null;
};

const textSelect = { lang: true, label: true, hint: true, notes: true, constraintMessage: true, status: true } as const;

function byLanguage<T extends { lang: string }, R>(rows: T[], map: (row: T) => R): Record<Language, R | null> {
  const out = Object.fromEntries(LANGUAGES.map((l) => [l, null])) as Record<Language, R | null>;
  for (const row of rows) if ((LANGUAGES as readonly string[]).includes(row.lang)) out[row.lang as Language] = map(row);
  return out;
}

/** One public question (see visibility.ts) with everything its page shows; null for any other. */
export async function findQuestionByCode(code: string): Promise<QuestionDetail | null> {
  const db = await getDb();
  const q = await db.question.findFirst({
    where: { code, ...PUBLIC_QUESTION_WHERE },
    select: {
      code: true,
      type: true,
      status: true,
      version: true,
      constraint: true,
      updatedAt: true,
      sourceRelation: true,
      texts: { select: textSelect },
      choiceList: {
        select: {
          name: true,
          shared: true,
          choices: {
            orderBy: { position: "asc" },
            select: { name: true, texts: { select: { lang: true, label: true } } },
          },
        },
      },
      indicators: {
        select: { indicator: { select: { code: true, name: true } } },
        orderBy: { indicator: { code: "asc" } },
      },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
      source: { select: { key: true, organisation: true, title: true, year: true, url: true, licence: true } },
    },
  });
  if (!q || (q.status !== "published" && q.status !== "retired")) return null;
  return {
    code: q.code,
    type: q.type,
    status: q.status,
    version: q.version,
    constraint: q.constraint,
    updatedAt: q.updatedAt,
    sourceRelation: q.sourceRelation,
    texts: byLanguage(q.texts, ({ label, hint, notes, constraintMessage, status }) => ({
      label,
      hint,
      notes,
      constraintMessage,
      status,
    })),
    choiceList: q.choiceList ? { name: q.choiceList.name, shared: q.choiceList.shared } : null,
    choices: (q.choiceList?.choices ?? []).map((c) => ({ name: c.name, labels: byLanguage(c.texts, (t) => t.label) })),
    indicators: q.indicators.map((i) => ({ code: i.indicator.code, name: i.indicator.name as LocalizedText })),
    tags: q.tags.map((t) => t.tag.name),
    source: q.source,
  };
}

export type QuestionSummary = {
  code: string;
  type: string;
  status: string;
  version: number;
  labels: Record<Language, string | null>;
};

/** Published questions linked to an indicator, in code order. */
export async function findQuestionsOfIndicator(indicatorCode: string): Promise<QuestionSummary[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { status: "published", indicators: { some: { indicator: { code: indicatorCode } } } },
    orderBy: { code: "asc" },
    select: { code: true, type: true, status: true, version: true, texts: { select: { lang: true, label: true } } },
  });
  return rows.map((r) => ({
    code: r.code,
    type: r.type,
    status: r.status,
    version: r.version,
    labels: byLanguage(r.texts, (t) => t.label),
  }));
}

export type BankSummary = {
  publishedQuestions: number;
  byDomain: { code: string; name: LocalizedText; questions: number }[];
  /** Per language: published questions whose text is approved, and all published questions */
  coverage: { lang: Language; approved: number; total: number }[];
  templates: number;
};

export async function findBankSummary(): Promise<BankSummary> {
  const db = await getDb();
  const [published, domainCounts, approvedTexts, templates] = await Promise.all([
    db.question.count({ where: { status: "published" } }),
    // A question linked to two indicators of one domain counts once for that domain.
    db.$queryRaw<{ code: string; name: LocalizedText; questions: bigint }[]>`
      SELECT d.code, d.name, COUNT(DISTINCT q.id) AS questions
      FROM domain d
      LEFT JOIN topic t ON t."domainId" = d.id
      LEFT JOIN indicator i ON i."topicId" = t.id
      LEFT JOIN question_indicator qi ON qi."indicatorId" = i.id
      LEFT JOIN question q ON q.id = qi."questionId" AND q.status = 'published'
      GROUP BY d.id ORDER BY d.position`,
    db.questionText.groupBy({
      by: ["lang"],
      where: { status: "approved", question: { status: "published" } },
      _count: { _all: true },
    }),
    db.questionnaire.count({ where: { visibility: "public_template" } }),
  ]);
  const approvedByLang = new Map(approvedTexts.map((r) => [r.lang, r._count._all]));
  return {
    publishedQuestions: published,
    byDomain: domainCounts.map((d) => ({ code: d.code, name: d.name, questions: Number(d.questions) })),
    coverage: LANGUAGES.map((lang) => ({ lang, approved: approvedByLang.get(lang) ?? 0, total: published })),
    templates,
  };
}
