// Reads of questionnaires: lists filtered by who may see them, and one questionnaire in full as
// the plain QuestionnaireDoc that the readiness check, the writers and the readable page share
// (read by load-data.ts, the one load of a questionnaire, which the builder uses too).
import "server-only";
import { getDb } from "../db/client";
import { isLanguage, type Language, type PartialLocalizedText } from "../i18n/languages";
import { relevanceSchema, type Relevance } from "./relevance-schema";
import { ownerText, type QuestionnaireDoc } from "./model";
import { loadQuestionnaire, type LoadedQuestionnaire } from "./load-data";
import { ChoiceListNames } from "./choice-list-names";
import { writeHazardIn } from "./hazard-text";
import type { VisibleScope } from "./access";

export type QuestionnaireSummary = {
  id: string;
  slug: string | null;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  languages: Language[];
  visibility: QuestionnaireDoc["visibility"];
  questionCount: number;
  sectionCount: number;
  updatedAt: Date;
};

function languagesOf(values: string[]): Language[] {
  return values.filter(isLanguage);
}

function scopeWhere(scope: VisibleScope) {
  return {
    OR: [{ visibility: { in: scope.visibilities } }, ...(scope.ownerId ? [{ ownerId: scope.ownerId }] : [])],
  };
}

/** Questionnaires within the scope, public templates first, then oldest first (id breaks ties, so pages never overlap). */
export async function findQuestionnaires(
  scope: VisibleScope,
  { skip = 0, take = 500 }: { skip?: number; take?: number } = {},
): Promise<QuestionnaireSummary[]> {
  const db = await getDb();
  const rows = await db.questionnaire.findMany({
    where: scopeWhere(scope),
    orderBy: [{ visibility: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      languages: true,
      visibility: true,
      updatedAt: true,
      _count: { select: { items: true, sections: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title as PartialLocalizedText,
    description: r.description as PartialLocalizedText,
    languages: languagesOf(r.languages),
    visibility: r.visibility,
    questionCount: r._count.items,
    sectionCount: r._count.sections,
    updatedAt: r.updatedAt,
  }));
}

export async function countQuestionnaires(scope: VisibleScope): Promise<number> {
  const db = await getDb();
  return db.questionnaire.count({ where: scopeWhere(scope) });
}

/** Who owns a questionnaire and how visible it is: what the access decision needs, nothing more. */
export async function findQuestionnaireAccess(
  idOrSlug: string,
): Promise<{ id: string; ownerId: string | null; visibility: QuestionnaireDoc["visibility"] } | null> {
  if (!idOrSlug || idOrSlug.length > 100) return null;
  const db = await getDb();
  return db.questionnaire.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true, ownerId: true, visibility: true },
  });
}

function relevanceOf(value: unknown): Relevance | null {
  if (value === null || value === undefined) return null;
  const parsed = relevanceSchema.safeParse(value);
  // Stored rules are validated on write; a row that no longer parses is shown as broken skip logic
  // rather than silently dropped.
  return parsed.success
    ? parsed.data
    : { combinator: "and", rules: [{ question: "_unreadable_rule", operator: "eq", value: "?" }] };
}

/**
 * ODK Central and KoboToolbox need a new version string whenever the form changes: the time of the
 * latest change, to the millisecond (yyyymmddhhmmssmmm), so that two changes within a minute still
 * give two versions and a version never comes back.
 */
export function versionOf(dates: Date[]): string {
  const latest = new Date(Math.max(...dates.map((d) => d.getTime())));
  return latest
    .toISOString()
    .replace(/[-:T.Z]/g, "")
    .slice(0, 17);
}

/** The questionnaire as plain data, each item's texts chosen by item-texts.ts (pinned to its bank version). */
export async function findQuestionnaireDoc(id: string): Promise<QuestionnaireDoc | null> {
  const q = await loadQuestionnaire(id);
  return q ? questionnaireDocOf(q) : null;
}

/**
 * A loaded questionnaire as the plain QuestionnaireDoc (the builder page shapes one load both
 * ways), its hazard written into the texts' placeholders.
 */
export function questionnaireDocOf(q: LoadedQuestionnaire): QuestionnaireDoc {
  const lists = new ChoiceListNames();
  const sections = q.sections.map((section) => ({
    name: section.name,
    title: ownerText(section.title),
    relevant: relevanceOf(section.relevant),
    items: section.items.map((item) => {
      const texts = item.texts;
      const ownConstraintMessage = ownerText(item.constraintMessage);
      return {
        name: item.name,
        code: item.code,
        type: texts.type,
        listName: texts.listName ? lists.nameFor(texts.listName, texts.choices, item.itemVersion) : null,
        label: texts.label,
        hint: texts.hint,
        required: item.required,
        requiredMessage: ownerText(item.requiredMessage),
        relevant: relevanceOf(item.relevant),
        constraint: item.constraint ?? texts.constraint,
        constraintMessage: Object.keys(ownConstraintMessage).length ? ownConstraintMessage : texts.constraintMessage,
      };
    }),
  }));
  const doc: QuestionnaireDoc = {
    id: q.id,
    slug: q.slug,
    formId: q.formId,
    title: q.title,
    description: q.description,
    languages: q.languages,
    defaultLanguage: q.defaultLanguage,
    fallbackLanguage: q.fallbackLanguage,
    visibility: q.visibility,
    version: versionOf(q.changes),
    sections,
    choiceLists: lists.all(),
  };
  return writeHazardIn(doc, q.hazard);
}
