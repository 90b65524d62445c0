// Writing questions: create and edit (a published question's changed content becomes its next
// version). Each write is one transaction with its audit record. Publishing, retiring and
// restoring are question-status-mutations.ts.
import "server-only";
import { getDb } from "../db/client";
import type { Person } from "../auth/permissions";
import { LANGUAGES, type Language } from "../i18n/languages";
import { CurationError } from "./errors";
import { loadQuestionForm } from "./question-form-data";
import { constraintOf, questionInputSchema, type QuestionInput, type QuestionInputRaw } from "./schema";
import { audit, claimRevision, publishNewVersionIfChanged, requirePermission, type Tx } from "./version-mutations";
import { dropOrphanList, resolveReferences, syncOwnList, writeLinks } from "./question-references-mutations";
import { isInWorkingSet } from "../bank/visibility";

export type TextInput = { label: string; hint?: string | null };

/**
 * Creates a draft. `translations` carries the other languages' text where a draft arrives with it
 * (a researcher's proposal); they are kept as drafts for translators to review.
 */
export async function createQuestion({
  actor,
  input,
  translations = {},
}: {
  actor: Person | null;
  input: QuestionInputRaw;
  translations?: Partial<Record<Language, TextInput>>;
}): Promise<{ id: string; code: string }> {
  requirePermission(actor, "question.create");
  const data = questionInputSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const question = await insertDraft(tx, { data, createdById: actor.id, translations });
    await audit(tx, actor, {
      action: "question.create",
      entityType: "question",
      entityId: question.id,
      after: await loadQuestionForm(tx, { id: question.id }),
    });
    return question;
  });
}

/**
 * A new draft question inside the caller's transaction: its source-language text (approved, as the
 * author's), any other languages as drafts, its own choices or a shared list, indicators and tags.
 * The caller checks who may do this and writes the audit record.
 */
export async function insertDraft(
  tx: Tx,
  {
    data,
    createdById,
    translations = {},
  }: { data: QuestionInput; createdById: string; translations?: Partial<Record<Language, TextInput>> },
): Promise<{ id: string; code: string }> {
  if (await tx.question.findUnique({ where: { code: data.code }, select: { id: true } }))
    throw new CurationError("codeTaken");
  const refs = await resolveReferences(tx, data);
  const question = await tx.question.create({
    data: {
      code: data.code,
      type: data.type,
      status: "draft",
      sourceLanguage: data.sourceLanguage,
      choiceListId: refs.sharedListId,
      sourceId: refs.sourceId,
      sourceRelation: data.sourceRelation,
      constraint: constraintOf(data),
      createdById,
    },
    select: { id: true, code: true },
  });
  await tx.questionText.create({
    data: {
      questionId: question.id,
      lang: data.sourceLanguage,
      label: data.label,
      hint: data.hint,
      notes: data.notes,
      constraintMessage: data.constraintMessage,
      status: "approved",
      updatedById: createdById,
    },
  });
  for (const lang of LANGUAGES) {
    const text = translations[lang];
    if (lang === data.sourceLanguage || !text?.label.trim()) continue;
    await tx.questionText.create({
      data: {
        questionId: question.id,
        lang,
        label: text.label.trim(),
        hint: text.hint?.trim() || null,
        status: "draft",
      },
    });
  }
  if (data.choiceMode === "own") {
    const listId = await syncOwnList(tx, {
      listId: null,
      code: data.code,
      sourceLanguage: data.sourceLanguage,
      choices: data.ownChoices,
    });
    await tx.question.update({ where: { id: question.id }, data: { choiceListId: listId } });
  }
  await writeLinks(tx, question.id, refs);
  return question;
}

export type UpdateResult = { code: string; version: number; newVersion: boolean; outdatedTranslations: number };

/**
 * Saves the editor's content, refused (CurationError "conflict", with what is saved now) when the
 * question changed since `revision`. On a published question a change of content is published
 * at once as the next version; the code of a published question never changes.
 */
export async function updateQuestion({
  actor,
  code,
  revision,
  input,
}: {
  actor: Person | null;
  code: string;
  revision: number;
  input: QuestionInputRaw;
}): Promise<UpdateResult> {
  requirePermission(actor, "question.edit");
  const data = questionInputSchema.parse(input);
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadQuestionForm(tx, { code });
      if (!before) throw new CurationError("notFound");
      await claimRevision(tx, { questionId: before.id, revision });
      if (!isInWorkingSet(before.status)) throw new CurationError("wrongStatus");
      if (data.code !== before.code) {
        if (before.status !== "draft") throw new CurationError("wrongStatus");
        if (await tx.question.findUnique({ where: { code: data.code }, select: { id: true } }))
          throw new CurationError("codeTaken");
      }
      const refs = await resolveReferences(tx, data);
      const oldList = await tx.question.findUniqueOrThrow({
        where: { id: before.id },
        select: { choiceListId: true, choiceList: { select: { shared: true } } },
      });
      const ownListId = oldList.choiceList && !oldList.choiceList.shared ? oldList.choiceListId : null;
      let choiceListId = refs.sharedListId;
      if (data.choiceMode === "own") {
        choiceListId = await syncOwnList(tx, {
          listId: ownListId,
          code: data.code,
          sourceLanguage: before.sourceLanguage,
          choices: data.ownChoices,
        });
      }
      await tx.question.update({
        where: { id: before.id },
        data: {
          code: data.code,
          type: data.type,
          choiceListId,
          sourceId: refs.sourceId,
          sourceRelation: data.sourceRelation,
          constraint: constraintOf(data),
        },
      });
      if (data.choiceMode !== "own") await dropOrphanList(tx, ownListId);
      await tx.questionText.upsert({
        where: { questionId_lang: { questionId: before.id, lang: before.sourceLanguage } },
        create: {
          questionId: before.id,
          lang: before.sourceLanguage,
          label: data.label,
          hint: data.hint,
          notes: data.notes,
          constraintMessage: data.constraintMessage,
          status: "approved",
          updatedById: actor.id,
        },
        update: {
          label: data.label,
          hint: data.hint,
          notes: data.notes,
          constraintMessage: data.constraintMessage,
          updatedById: actor.id,
        },
      });
      await writeLinks(tx, before.id, refs);
      const sourceTextChanged =
        before.label !== data.label || before.hint !== data.hint || before.constraintMessage !== data.constraintMessage;
      const published =
        before.status === "published"
          ? await publishNewVersionIfChanged(tx, { questionId: before.id, actor, sourceTextChanged })
          : { version: before.version, created: false, outdatedTranslations: 0 };
      const after = await loadQuestionForm(tx, { id: before.id });
      await audit(tx, actor, {
        action: published.created ? "question.publishVersion" : "question.update",
        entityType: "question",
        entityId: before.id,
        before,
        after: { ...after, outdatedTranslations: published.outdatedTranslations },
      });
      return {
        code: data.code,
        version: published.version,
        newVersion: published.created,
        outdatedTranslations: published.outdatedTranslations,
      };
    });
  } catch (error) {
    if (error instanceof CurationError && error.code === "conflict") {
      throw new CurationError("conflict", { current: await loadQuestionForm(db, { code }) });
    }
    throw error;
  }
}
