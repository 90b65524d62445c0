// Reads of the builder: the person's own questionnaires, and one questionnaire as the builder edits
// it (sections, items with their bank question, skip logic, custom wording, and whether the bank
// has a newer version, with the two versions to compare side by side).
import "server-only";
import { getDb } from "../db/client";
import {
  inLanguages,
  isLanguage,
  LANGUAGES,
  SOURCE_LANGUAGE,
  type Language,
  type PartialLocalizedText,
} from "../i18n/languages";
import type { QuestionSnapshot } from "../bank/snapshot";
import type { QuestionStatus } from "../vocabulary/enums";
import { relevanceSchema, type Relevance } from "../questionnaires/relevance-schema";
import type { QuestionnaireDoc, TranslatedText } from "../questionnaires/model";
import type { QuestionType, TranslationState } from "../vocabulary/enums";
import { loadQuestionnaire, type LoadedQuestionnaire } from "../questionnaires/load-data";
import { questionnaireDocOf } from "../questionnaires/data";
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
    select: {
      id: true,
      title: true,
      languages: true,
      revision: true,
      updatedAt: true,
      _count: { select: { items: true, sections: true } },
    },
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
  type: QuestionType;
  status: QuestionStatus;
  /** The bank's wording in each language for the item's version, with its translation status (lib/questionnaires/item-texts.ts) */
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

export type BuilderSection = {
  id: string;
  name: string;
  title: PartialLocalizedText;
  relevant: Relevance | null;
  items: BuilderItem[];
};

/** The questionnaire as loaded (lib/questionnaires/load-data.ts), with sections shaped for the builder. */
export type BuilderQuestionnaire = Omit<LoadedQuestionnaire, "slug" | "changes" | "sections"> & {
  sections: BuilderSection[];
};

const rules = (value: unknown): Relevance | null => (value ? (relevanceSchema.safeParse(value).data ?? null) : null);

/** One questionnaire as the builder edits it: the one load (lib/questionnaires/load-data.ts), shaped for the builder. */
export async function findBuilderQuestionnaire(id: string): Promise<BuilderQuestionnaire | null> {
  const q = await loadQuestionnaire(id);
  return q ? builderQuestionnaireOf(q) : null;
}

/**
 * The builder page's two views of one load: what the builder edits, and the plain questionnaire
 * the readiness check reads. The builder's copy of the bank's wording keeps only the languages the
 * page can show (`locale`'s, English, the questionnaire's): it is sent to the browser on every
 * change, and the other bank languages were about 40% of it.
 */
export async function findBuilderView(
  id: string,
  locale: Language,
): Promise<{ builder: BuilderQuestionnaire; doc: QuestionnaireDoc; undo: LastChange | null } | null> {
  const db = await getDb();
  const [q, undo] = await Promise.all([
    loadQuestionnaire(id),
    db.questionnaireUndo.findUnique({ where: { questionnaireId: id }, select: { op: true, revision: true } }),
  ]);
  if (!q) return null;
  // The copy kept before the last change undoes it only while nothing came after (undo-mutations.ts).
  const last = undo && undo.revision === q.revision ? { op: undo.op } : null;
  return { builder: builderQuestionnaireOf(q, locale), doc: questionnaireDocOf(q), undo: last };
}

/** The change the builder's Undo would undo (its op, lib/builder/schema.ts). */
export type LastChange = { op: string };

function builderQuestionnaireOf(q: LoadedQuestionnaire, locale?: Language): BuilderQuestionnaire {
  const { slug: _slug, changes: _changes, sections, ...header } = q;
  const keep = new Set<Language>(locale ? [locale, SOURCE_LANGUAGE, q.defaultLanguage, ...q.languages] : LANGUAGES);
  if (q.fallbackLanguage) keep.add(q.fallbackLanguage);
  return {
    ...header,
    sections: sections.map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title,
      relevant: rules(s.relevant),
      items: s.items.map((i) => ({
        id: i.id,
        name: i.name,
        code: i.code,
        type: i.texts.type,
        status: i.questionStatus,
        label: inLanguages(i.texts.bankLabel, keep),
        hint: inLanguages(i.texts.bankHint, keep),
        choices: i.texts.choices.map((c) => ({ name: c.name, label: inLanguages(plainText(c.label), keep) })),
        required: i.required,
        requiredMessage: i.requiredMessage ?? {},
        relevant: rules(i.relevant),
        range:
          i.texts.type === "integer" || i.texts.type === "decimal"
            ? parseNumericConstraint(i.constraint ?? i.texts.constraint)
            : null,
        constraintMessage: i.constraintMessage ?? {},
        customText: i.customText,
        itemVersion: i.itemVersion,
        bankVersion: i.bankVersion,
      })),
    })),
  };
}

function plainText(text: TranslatedText): PartialLocalizedText {
  return Object.fromEntries(Object.entries(text).map(([lang, entry]) => [lang, entry!.text]));
}

export type VersionPair = { code: string; from: QuestionSnapshot | null; to: QuestionSnapshot | null };

/**
 * The snapshots of the version each outdated item was taken from and of the bank's version now,
 * so that the builder shows the two side by side. One query for all of them.
 */
export async function findVersionPairs(
  items: { code: string; itemVersion: number; bankVersion: number }[],
): Promise<Record<string, VersionPair>> {
  const outdated = items.filter((i) => i.bankVersion > i.itemVersion);
  if (outdated.length === 0) return {};
  const db = await getDb();
  const rows = await db.questionVersion.findMany({
    where: {
      OR: outdated.map((i) => ({ question: { code: i.code }, version: { in: [i.itemVersion, i.bankVersion] } })),
    },
    select: { version: true, snapshot: true, question: { select: { code: true } } },
  });
  const out: Record<string, VersionPair> = {};
  for (const item of outdated) {
    const find = (version: number) =>
      (rows.find((r) => r.question.code === item.code && r.version === version)?.snapshot ??
        null) as QuestionSnapshot | null;
    out[item.code] = { code: item.code, from: find(item.itemVersion), to: find(item.bankVersion) };
  }
  return out;
}

/** The researcher's questionnaires as choices for "add to questionnaire…" (title, revision). */
export async function findQuestionnaireChoices(
  ownerId: string,
): Promise<{ id: string; title: PartialLocalizedText; revision: number }[]> {
  const db = await getDb();
  return (
    await db.questionnaire.findMany({
      where: { ownerId },
      orderBy: { updatedAt: "desc" },
      take: 200,
      select: { id: true, title: true, revision: true },
    })
  ).map((r) => ({ id: r.id, title: r.title as PartialLocalizedText, revision: r.revision }));
}
