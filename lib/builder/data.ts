// Reads of the builder: the person's own questionnaires, and one questionnaire as the builder edits
// it (sections, items with their bank question, skip logic, custom wording, and whether the bank
// has a newer version, with the two versions to compare side by side).
import { getDb } from "../db/client";
import { isLanguage, type Language, type PartialLocalizedText } from "../i18n/languages";
import type { QuestionSnapshot } from "../bank/snapshot";
import { relevanceSchema, type Relevance } from "../questionnaires/relevance-schema";
import type { QuestionKind, TranslationState } from "../questionnaires/model";
import { parseNumericConstraint } from "./schema";

export type MyQuestionnaire = {
  id: string;
  title: PartialLocalizedText;
  languages: Language[];
  revision: number;
  questionCount: number;
  sectionCount: number;
  updatedAt: Date;
};

/** The person's own questionnaires, most recently changed first. */
export async function findMyQuestionnaires(ownerId: string): Promise<MyQuestionnaire[]> {
  const db = await getDb();
  const rows = await db.questionnaire.findMany({
    where: { ownerId },
    orderBy: { updatedAt: "desc" },
    take: 500,
    select: { id: true, title: true, languages: true, revision: true, updatedAt: true, _count: { select: { items: true, sections: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title as PartialLocalizedText,
    languages: r.languages.filter(isLanguage),
    revision: r.revision,
    questionCount: r._count.items,
    sectionCount: r._count.sections,
    updatedAt: r.updatedAt,
  }));
}

export type LocalizedEntry = { text: string; status: TranslationState };

export type BuilderItem = {
  id: string;
  name: string;
  code: string;
  type: QuestionKind;
  status: "draft" | "published" | "retired";
  /** The bank's wording in each language, with its translation status */
  label: Partial<Record<Language, LocalizedEntry>>;
  hint: Partial<Record<Language, LocalizedEntry>>;
  choices: { name: string; label: PartialLocalizedText }[];
  required: boolean;
  requiredMessage: PartialLocalizedText;
  relevant: Relevance | null;
  /** The accepted range this questionnaire sets (or the bank's), for numeric questions */
  range: { min: number | null; max: number | null } | null;
  constraintMessage: PartialLocalizedText;
  customText: { label?: PartialLocalizedText; hint?: PartialLocalizedText } | null;
  /** The bank version the item was taken from (or last updated to), and the bank's version now */
  itemVersion: number;
  bankVersion: number;
};

export type BuilderSection = { id: string; name: string; title: PartialLocalizedText; relevant: Relevance | null; items: BuilderItem[] };

export type BuilderQuestionnaire = {
  id: string;
  ownerId: string | null;
  visibility: "private" | "shared" | "public_template";
  revision: number;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  languages: Language[];
  defaultLanguage: Language;
  fallbackLanguage: Language | null;
  updatedAt: Date;
  sections: BuilderSection[];
};

const rules = (value: unknown): Relevance | null => (value ? (relevanceSchema.safeParse(value).data ?? null) : null);

function byLanguage<T extends { lang: string; status: string }>(rows: T[], pick: (row: T) => string | null) {
  const out: Partial<Record<Language, LocalizedEntry>> = {};
  for (const row of rows) {
    const text = pick(row);
    if (isLanguage(row.lang) && text?.trim()) out[row.lang] = { text, status: row.status as TranslationState };
  }
  return out;
}

export async function findBuilderQuestionnaire(id: string): Promise<BuilderQuestionnaire | null> {
  if (!id || id.length > 100) return null;
  const db = await getDb();
  const q = await db.questionnaire.findUnique({
    where: { id },
    select: {
      id: true,
      ownerId: true,
      visibility: true,
      revision: true,
      title: true,
      description: true,
      languages: true,
      defaultLanguage: true,
      fallbackLanguage: true,
      updatedAt: true,
      sections: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          title: true,
          relevant: true,
          items: {
            orderBy: [{ position: "asc" }, { name: "asc" }],
            select: {
              id: true,
              name: true,
              required: true,
              requiredMessage: true,
              relevant: true,
              constraint: true,
              constraintMessage: true,
              customText: true,
              questionVersion: true,
              question: {
                select: {
                  code: true,
                  type: true,
                  status: true,
                  version: true,
                  constraint: true,
                  texts: { select: { lang: true, label: true, hint: true, status: true } },
                  choiceList: { select: { choices: { orderBy: { position: "asc" }, select: { name: true, texts: { select: { lang: true, label: true } } } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!q) return null;
  const languages = q.languages.filter(isLanguage);
  return {
    id: q.id,
    ownerId: q.ownerId,
    visibility: q.visibility,
    revision: q.revision,
    title: q.title as PartialLocalizedText,
    description: q.description as PartialLocalizedText,
    languages,
    defaultLanguage: isLanguage(q.defaultLanguage) ? q.defaultLanguage : (languages[0] ?? "en"),
    fallbackLanguage: isLanguage(q.fallbackLanguage) ? q.fallbackLanguage : null,
    updatedAt: q.updatedAt,
    sections: q.sections.map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title as PartialLocalizedText,
      relevant: rules(s.relevant),
      items: s.items.map((i) => ({
        id: i.id,
        name: i.name,
        code: i.question.code,
        type: i.question.type as QuestionKind,
        status: i.question.status,
        label: byLanguage(i.question.texts, (t) => t.label),
        hint: byLanguage(i.question.texts, (t) => t.hint),
        choices: (i.question.choiceList?.choices ?? []).map((c) => ({
          name: c.name,
          label: Object.fromEntries(c.texts.filter((t) => isLanguage(t.lang)).map((t) => [t.lang, t.label])) as PartialLocalizedText,
        })),
        required: i.required,
        requiredMessage: (i.requiredMessage ?? {}) as PartialLocalizedText,
        relevant: rules(i.relevant),
        range: i.question.type === "integer" || i.question.type === "decimal" ? parseNumericConstraint(i.constraint ?? i.question.constraint) : null,
        constraintMessage: (i.constraintMessage ?? {}) as PartialLocalizedText,
        customText: (i.customText ?? null) as BuilderItem["customText"],
        itemVersion: i.questionVersion,
        bankVersion: i.question.version,
      })),
    })),
  };
}

export type VersionPair = { code: string; from: QuestionSnapshot | null; to: QuestionSnapshot | null };

/**
 * The snapshots of the version each outdated item was taken from and of the bank's version now,
 * so that the builder shows the two side by side. One query for all of them.
 */
export async function findVersionPairs(items: { code: string; itemVersion: number; bankVersion: number }[]): Promise<Record<string, VersionPair>> {
  const outdated = items.filter((i) => i.bankVersion > i.itemVersion);
  if (outdated.length === 0) return {};
  const db = await getDb();
  const rows = await db.questionVersion.findMany({
    where: { OR: outdated.map((i) => ({ question: { code: i.code }, version: { in: [i.itemVersion, i.bankVersion] } })) },
    select: { version: true, snapshot: true, question: { select: { code: true } } },
  });
  const out: Record<string, VersionPair> = {};
  for (const item of outdated) {
    const find = (version: number) => (rows.find((r) => r.question.code === item.code && r.version === version)?.snapshot ?? null) as QuestionSnapshot | null;
    out[item.code] = { code: item.code, from: find(item.itemVersion), to: find(item.bankVersion) };
  }
  return out;
}

/** The researcher's questionnaires as choices for "add to questionnaire…" (title, revision). */
export async function findQuestionnaireChoices(ownerId: string): Promise<{ id: string; title: PartialLocalizedText; revision: number }[]> {
  const db = await getDb();
  return (
    await db.questionnaire.findMany({ where: { ownerId }, orderBy: { updatedAt: "desc" }, take: 200, select: { id: true, title: true, revision: true } })
  ).map((r) => ({ id: r.id, title: r.title as PartialLocalizedText, revision: r.revision }));
}
