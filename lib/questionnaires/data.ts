// Reads of questionnaires: lists filtered by who may see them, and one questionnaire in full as
// the plain QuestionnaireDoc that the readiness check, the writers and the readable page share.
import { getDb } from "../db/client";
import { isLanguage, type Language, type PartialLocalizedText } from "../i18n/languages";
import { relevanceSchema, type Relevance } from "./relevance-schema";
import { ownerText, type QuestionKind, type QuestionnaireChoiceList, type QuestionnaireDoc, type TranslatedText, type TranslationState } from "./model";
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

/** Questionnaires within the scope, public templates first, then by title. */
export async function findQuestionnaires(scope: VisibleScope): Promise<QuestionnaireSummary[]> {
  const db = await getDb();
  const rows = await db.questionnaire.findMany({
    where: scopeWhere(scope),
    orderBy: [{ visibility: "desc" }, { createdAt: "asc" }],
    take: 500,
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

/** Who owns a questionnaire and how visible it is: what the access decision needs, nothing more. */
export async function findQuestionnaireAccess(idOrSlug: string): Promise<{ id: string; ownerId: string | null; visibility: QuestionnaireDoc["visibility"] } | null> {
  if (!idOrSlug || idOrSlug.length > 100) return null;
  const db = await getDb();
  return db.questionnaire.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: { id: true, ownerId: true, visibility: true } });
}

type TextRow = { lang: string; status: TranslationState };

/**
 * `ownWording`: the texts of a draft question the owner created (by importing their form) are the
 * owner's own words for their questionnaire, like customised wording, until a curator takes the
 * question into the bank; so their draft status does not hold the owner's export back.
 */
function translated<T extends TextRow>(rows: T[], pick: (row: T) => string | null, ownWording = false): TranslatedText {
  const out: TranslatedText = {};
  for (const row of rows) {
    const text = pick(row);
    const status = ownWording && row.status === "draft" ? "approved" : row.status;
    if (isLanguage(row.lang) && text && text.trim()) out[row.lang] = { text, status };
  }
  return out;
}

function relevanceOf(value: unknown): Relevance | null {
  if (value === null || value === undefined) return null;
  const parsed = relevanceSchema.safeParse(value);
  // Stored rules are validated on write; a row that no longer parses is shown as broken skip logic
  // rather than silently dropped.
  return parsed.success ? parsed.data : { combinator: "and", rules: [{ question: "_unreadable_rule", operator: "eq", value: "?" }] };
}

/** ODK needs a new version string whenever the form changes: the time of the latest change, to the minute. */
function versionOf(dates: Date[]): string {
  const latest = new Date(Math.max(...dates.map((d) => d.getTime())));
  return latest.toISOString().replace(/[-:T]/g, "").slice(0, 12);
}

export async function findQuestionnaireDoc(id: string): Promise<QuestionnaireDoc | null> {
  const db = await getDb();
  const q = await db.questionnaire.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      languages: true,
      defaultLanguage: true,
      fallbackLanguage: true,
      visibility: true,
      ownerId: true,
      updatedAt: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          name: true,
          title: true,
          relevant: true,
          items: {
            orderBy: { position: "asc" },
            select: {
              name: true,
              required: true,
              requiredMessage: true,
              relevant: true,
              constraint: true,
              constraintMessage: true,
              customText: true,
              question: {
                select: {
                  code: true,
                  type: true,
                  status: true,
                  createdById: true,
                  constraint: true,
                  updatedAt: true,
                  texts: { select: { lang: true, label: true, hint: true, constraintMessage: true, status: true, updatedAt: true } },
                  choiceList: {
                    select: {
                      name: true,
                      updatedAt: true,
                      choices: { orderBy: { position: "asc" }, select: { name: true, texts: { select: { lang: true, label: true, status: true, updatedAt: true } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!q) return null;

  const lists = new Map<string, QuestionnaireChoiceList>();
  const changes: Date[] = [q.updatedAt];
  const sections = q.sections.map((section) => ({
    name: section.name,
    title: ownerText(section.title as PartialLocalizedText),
    relevant: relevanceOf(section.relevant),
    items: section.items.map((item) => {
      const question = item.question;
      const own = question.status === "draft" && !!q.ownerId && question.createdById === q.ownerId;
      changes.push(question.updatedAt, ...question.texts.map((t) => t.updatedAt));
      if (question.choiceList && !lists.has(question.choiceList.name)) {
        changes.push(question.choiceList.updatedAt, ...question.choiceList.choices.flatMap((c) => c.texts.map((t) => t.updatedAt)));
        lists.set(question.choiceList.name, {
          name: question.choiceList.name,
          choices: question.choiceList.choices.map((c) => ({ name: c.name, label: translated(c.texts, (t) => t.label, own) })),
        });
      }
      // Wording customised for this questionnaire replaces the bank's as a whole: the bank's
      // translations translate the bank's wording, so a language the owner did not write is missing.
      const custom = (item.customText ?? {}) as { label?: PartialLocalizedText; hint?: PartialLocalizedText };
      const ownConstraintMessage = ownerText(item.constraintMessage as PartialLocalizedText | null);
      return {
        name: item.name,
        code: question.code,
        type: question.type as QuestionKind,
        listName: question.choiceList?.name ?? null,
        label: custom.label ? ownerText(custom.label) : translated(question.texts, (t) => t.label, own),
        hint: custom.hint ? ownerText(custom.hint) : translated(question.texts, (t) => t.hint, own),
        required: item.required,
        requiredMessage: ownerText(item.requiredMessage as PartialLocalizedText | null),
        relevant: relevanceOf(item.relevant),
        constraint: item.constraint ?? question.constraint,
        constraintMessage: Object.keys(ownConstraintMessage).length ? ownConstraintMessage : translated(question.texts, (t) => t.constraintMessage, own),
      };
    }),
  }));
  const languages = languagesOf(q.languages);
  return {
    id: q.id,
    slug: q.slug,
    title: q.title as PartialLocalizedText,
    description: q.description as PartialLocalizedText,
    languages,
    defaultLanguage: isLanguage(q.defaultLanguage) ? q.defaultLanguage : languages[0] ?? "en",
    fallbackLanguage: isLanguage(q.fallbackLanguage) ? q.fallbackLanguage : null,
    visibility: q.visibility,
    version: versionOf(changes),
    sections,
    choiceLists: [...lists.values()],
  };
}
