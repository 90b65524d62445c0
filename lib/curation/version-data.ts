// Reads about a question's versions and the reach of a change: the translations and
// questionnaires a change touches, the versions and their word-level differences, and the
// questionnaire items that a newer bank version has overtaken. Kept apart from data.ts (the
// lists and the editor) because these follow a question through its published versions.
import "server-only";
import { getDb } from "../db/client";
import type { QuestionSnapshot } from "../bank/snapshot";
import type { LocalizedText } from "../i18n/languages";
import { diffSnapshots, type FieldDiff } from "./diff";

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
