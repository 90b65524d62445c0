// One questionnaire read in full, once, for everything that shows it: the builder
// (lib/builder/data.ts) and the plain QuestionnaireDoc of the preview, print, readiness and export
// (lib/questionnaires/data.ts). Each item's texts are chosen by item-texts.ts; for items behind
// the bank, the question's version snapshots and translation history come with one query each.
import "server-only";
import { getDb } from "../db/client";
import type { QuestionSnapshot } from "../bank/snapshot";
import type { QuestionStatus } from "../vocabulary/enums";
import { isLanguage, type Language, type PartialLocalizedText } from "../i18n/languages";
import { itemTexts, type CustomText, type ItemTexts, type TranslationHistoryRow } from "./item-texts";
import type { QuestionType, TranslationState, Visibility } from "../vocabulary/enums";
import { hazardNamesSchema, type Hazard } from "../hazards/schema";

export type LoadedItem = {
  id: string;
  name: string;
  code: string;
  questionStatus: QuestionStatus;
  required: boolean;
  requiredMessage: PartialLocalizedText | null;
  /** Stored skip-logic rules, unparsed: each reader decides what an unreadable rule means to it */
  relevant: unknown;
  /** The constraint this questionnaire sets, if any */
  constraint: string | null;
  constraintMessage: PartialLocalizedText | null;
  customText: CustomText | null;
  itemVersion: number;
  bankVersion: number;
  texts: ItemTexts;
};

export type LoadedSection = {
  id: string;
  name: string;
  title: PartialLocalizedText;
  relevant: unknown;
  items: LoadedItem[];
};

export type LoadedQuestionnaire = {
  id: string;
  slug: string | null;
  /** XLSForm form_id the questionnaire keeps on every export; null: derived from slug or id */
  formId: string | null;
  ownerId: string | null;
  visibility: Visibility;
  revision: number;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  languages: Language[];
  defaultLanguage: Language;
  fallbackLanguage: Language | null;
  /** The hazard its [[hazard]] placeholders name; null: none chosen (or its stored names unreadable) */
  hazard: Hazard | null;
  updatedAt: Date;
  sections: LoadedSection[];
  /** When anything the questionnaire shows last changed (for the form's version string) */
  changes: Date[];
};

const textSelect = {
  lang: true,
  label: true,
  hint: true,
  constraintMessage: true,
  status: true,
  sourceVersion: true,
  updatedAt: true,
} as const;

async function findQuestionnaireRows(id: string) {
  const db = await getDb();
  return db.questionnaire.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      formId: true,
      ownerId: true,
      visibility: true,
      revision: true,
      title: true,
      description: true,
      languages: true,
      defaultLanguage: true,
      fallbackLanguage: true,
      hazard: { select: { code: true, forms: true, updatedAt: true } },
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
                  id: true,
                  code: true,
                  type: true,
                  status: true,
                  version: true,
                  sourceLanguage: true,
                  createdById: true,
                  constraint: true,
                  updatedAt: true,
                  texts: { select: textSelect },
                  choiceList: {
                    select: {
                      name: true,
                      updatedAt: true,
                      choices: {
                        orderBy: { position: "asc" },
                        select: {
                          name: true,
                          texts: { select: { lang: true, label: true, status: true, updatedAt: true } },
                        },
                      },
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
}

/** Version snapshots and translation revisions of the questions whose items are behind the bank. */
async function findPinnedHistory(questionIds: string[]) {
  const snapshots = new Map<string, Map<number, QuestionSnapshot>>();
  const history = new Map<string, TranslationHistoryRow[]>();
  if (questionIds.length === 0) return { snapshots, history };
  const db = await getDb();
  const [versions, revisions] = await Promise.all([
    db.questionVersion.findMany({
      where: { questionId: { in: questionIds } },
      select: { questionId: true, version: true, snapshot: true },
    }),
    db.translationRevision.findMany({
      where: { questionId: { in: questionIds } },
      orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
      select: {
        questionId: true,
        lang: true,
        label: true,
        hint: true,
        constraintMessage: true,
        choices: true,
        status: true,
        sourceVersion: true,
      },
    }),
  ]);
  for (const v of versions) {
    if (!snapshots.has(v.questionId)) snapshots.set(v.questionId, new Map());
    snapshots.get(v.questionId)!.set(v.version, v.snapshot as QuestionSnapshot);
  }
  for (const r of revisions) {
    if (!history.has(r.questionId)) history.set(r.questionId, []);
    const choices =
      r.choices && typeof r.choices === "object" && !Array.isArray(r.choices)
        ? (r.choices as Record<string, string>)
        : {};
    history.get(r.questionId)!.push({
      lang: r.lang,
      label: r.label,
      hint: r.hint,
      constraintMessage: r.constraintMessage,
      choices,
      status: r.status as TranslationState,
      sourceVersion: r.sourceVersion,
    });
  }
  return { snapshots, history };
}

export async function loadQuestionnaire(id: string): Promise<LoadedQuestionnaire | null> {
  if (!id || id.length > 100) return null;
  const q = await findQuestionnaireRows(id);
  if (!q) return null;
  const rows = q.sections.flatMap((s) => s.items);
  const behind = [...new Set(rows.filter((i) => i.questionVersion < i.question.version).map((i) => i.question.id))];
  const { snapshots, history } = await findPinnedHistory(behind);

  const changes: Date[] = [q.updatedAt];
  const hazardNames = q.hazard ? hazardNamesSchema.safeParse(q.hazard.forms) : null;
  if (q.hazard) changes.push(q.hazard.updatedAt);
  const languages = q.languages.filter(isLanguage);
  return {
    id: q.id,
    slug: q.slug,
    formId: q.formId,
    ownerId: q.ownerId,
    visibility: q.visibility,
    revision: q.revision,
    title: q.title as PartialLocalizedText,
    description: q.description as PartialLocalizedText,
    languages,
    defaultLanguage: isLanguage(q.defaultLanguage) ? q.defaultLanguage : (languages[0] ?? "en"),
    fallbackLanguage: isLanguage(q.fallbackLanguage) ? q.fallbackLanguage : null,
    hazard: q.hazard && hazardNames?.success ? { code: q.hazard.code, names: hazardNames.data } : null,
    updatedAt: q.updatedAt,
    changes,
    sections: q.sections.map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title as PartialLocalizedText,
      relevant: s.relevant,
      items: s.items.map((item) => {
        const question = item.question;
        const list = question.choiceList;
        changes.push(question.updatedAt, ...question.texts.map((t) => t.updatedAt));
        if (list) changes.push(list.updatedAt, ...list.choices.flatMap((c) => c.texts.map((t) => t.updatedAt)));
        const customText = (item.customText ?? null) as CustomText | null;
        return {
          id: item.id,
          name: item.name,
          code: question.code,
          questionStatus: question.status,
          required: item.required,
          requiredMessage: item.requiredMessage as PartialLocalizedText | null,
          relevant: item.relevant,
          constraint: item.constraint,
          constraintMessage: item.constraintMessage as PartialLocalizedText | null,
          customText,
          itemVersion: item.questionVersion,
          bankVersion: question.version,
          texts: itemTexts({
            pinnedVersion: item.questionVersion,
            question: {
              type: question.type as QuestionType,
              version: question.version,
              sourceLanguage: question.sourceLanguage,
              constraint: question.constraint,
              listName: list?.name ?? null,
              texts: question.texts.map((t) => ({ ...t, status: t.status as TranslationState })),
              choices: (list?.choices ?? []).map((c) => ({
                name: c.name,
                texts: c.texts.map((t) => ({ ...t, status: t.status as TranslationState })),
              })),
            },
            snapshots: snapshots.get(question.id) ?? new Map(),
            history: history.get(question.id) ?? [],
            customText,
            ownWording: question.status === "draft" && !!q.ownerId && question.createdById === q.ownerId,
          }),
        };
      }),
    })),
  };
}
