// Writing questions: create, edit (a published question's changed content becomes its next
// version), publish, retire and restore. Each write is one transaction with its audit record.
import "server-only";
import { getDb } from "../db/client";
import type { Person } from "../auth/permissions";
import { LANGUAGES, type Language } from "../i18n/languages";
import { CurationError } from "./errors";
import { loadQuestionForm, type QuestionFormValues } from "./question-form-data";
import { syncChoices } from "./choice-list-mutations";
import {
  constraintOf,
  questionInputSchema,
  type ChoiceInput,
  type QuestionInput,
  type QuestionInputRaw,
} from "./schema";
import {
  audit,
  claimRevision,
  publishNewVersionIfChanged,
  requirePermission,
  snapshotInTx,
  type CurationPermission,
  type Tx,
} from "./version-mutations";
import { isInWorkingSet } from "../bank/visibility";

export type TextInput = { label: string; hint?: string | null };

async function resolveReferences(tx: Tx, input: QuestionInput) {
  const indicators = await tx.indicator.findMany({
    where: { code: { in: input.indicators } },
    select: { id: true, code: true },
  });
  if (indicators.length !== new Set(input.indicators).size) throw new CurationError("unknownIndicator");
  let sharedListId: string | null = null;
  if (input.choiceMode === "shared") {
    const list = await tx.choiceList.findUnique({
      where: { name: input.sharedList! },
      select: { id: true, shared: true },
    });
    if (!list?.shared) throw new CurationError("unknownList");
    sharedListId = list.id;
  }
  let sourceId: string | null = null;
  if (input.sourceKey) {
    const source = await tx.source.findUnique({ where: { key: input.sourceKey }, select: { id: true } });
    if (!source) throw new CurationError("unknownSource");
    sourceId = source.id;
  }
  const tagIds: string[] = [];
  for (const name of [...new Set(input.tags)])
    tagIds.push((await tx.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id);
  return { indicatorIds: indicators.map((i) => i.id), sharedListId, sourceId, tagIds };
}

/** A free list name for a question's own choices: its code, or its code with a number. */
async function ownListName(tx: Tx, code: string) {
  for (let n = 1; ; n++) {
    const name = n === 1 ? code : `${code}_${n}`;
    if (!(await tx.choiceList.findUnique({ where: { name }, select: { id: true } }))) return name;
  }
}

/** The question's own list (created when it has none) made to hold `choices`; returns its id. */
async function syncOwnList(
  tx: Tx,
  {
    listId,
    code,
    sourceLanguage,
    choices,
  }: { listId: string | null; code: string; sourceLanguage: string; choices: ChoiceInput[] },
) {
  if (!listId)
    listId = (await tx.choiceList.create({ data: { name: await ownListName(tx, code), shared: false, version: 0 } }))
      .id;
  await syncChoices(tx, { listId, sourceLanguage, choices });
  return listId;
}

/** Drops a question's former own list once nothing uses it. */
async function dropOrphanList(tx: Tx, listId: string | null) {
  if (!listId) return;
  const list = await tx.choiceList.findUnique({
    where: { id: listId },
    select: { shared: true, _count: { select: { questions: true } } },
  });
  if (list && !list.shared && list._count.questions === 0) await tx.choiceList.delete({ where: { id: listId } });
}

async function writeLinks(tx: Tx, questionId: string, refs: { indicatorIds: string[]; tagIds: string[] }) {
  await tx.questionIndicator.deleteMany({ where: { questionId } });
  if (refs.indicatorIds.length)
    await tx.questionIndicator.createMany({
      data: refs.indicatorIds.map((indicatorId) => ({ questionId, indicatorId })),
    });
  await tx.questionTag.deleteMany({ where: { questionId } });
  if (refs.tagIds.length)
    await tx.questionTag.createMany({ data: refs.tagIds.map((tagId) => ({ questionId, tagId })) });
}

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

async function changeStatus(
  { actor, code, revision }: { actor: Person | null; code: string; revision: number },
  /** The permission asked for, and the audit record's action */
  action: Extract<CurationPermission, `question.${"publish" | "retire" | "restore" | "reject" | "merge"}`>,
  apply: (tx: Tx, q: QuestionFormValues) => Promise<void>,
): Promise<{ code: string; version: number }> {
  requirePermission(actor, action);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await loadQuestionForm(tx, { code });
    if (!before) throw new CurationError("notFound");
    await claimRevision(tx, { questionId: before.id, revision });
    await apply(tx, before);
    const after = await loadQuestionForm(tx, { id: before.id });
    await audit(tx, actor, { action, entityType: "question", entityId: before.id, before, after });
    return { code, version: after!.version };
  });
}

/** Draft → published: its content becomes the version it carries (1 for a new question). */
export async function publishQuestion(args: { actor: Person | null; code: string; revision: number }) {
  return changeStatus(args, "question.publish", async (tx, q) => {
    if (q.status !== "draft") throw new CurationError("wrongStatus");
    if (!q.label.trim()) throw new CurationError("wrongStatus");
    await tx.question.update({ where: { id: q.id }, data: { status: "published", publishedAt: new Date() } });
    await tx.questionText.updateMany({
      where: { questionId: q.id, sourceVersion: null },
      data: { sourceVersion: q.version },
    });
    const snapshot = await snapshotInTx(tx, q.id);
    await tx.questionVersion.upsert({
      where: { questionId_version: { questionId: q.id, version: q.version } },
      create: { questionId: q.id, version: q.version, snapshot, createdById: args.actor!.id },
      update: { snapshot, createdById: args.actor!.id },
    });
  });
}

/** Published → retired: it leaves search and pickers; questionnaires that use it keep it, marked. */
export async function retireQuestion(args: { actor: Person | null; code: string; revision: number }) {
  return changeStatus(args, "question.retire", async (tx, q) => {
    if (q.status !== "published") throw new CurationError("wrongStatus");
    await tx.question.update({ where: { id: q.id }, data: { status: "retired", retiredAt: new Date() } });
  });
}

/** Retired → published again (a rejected or merged draft is never "retired": it was never published). */
export async function restoreQuestion(args: { actor: Person | null; code: string; revision: number }) {
  return changeStatus(args, "question.restore", async (tx, q) => {
    if (q.status !== "retired") throw new CurationError("wrongStatus");
    const hasVersion = await tx.questionVersion.count({ where: { questionId: q.id } });
    if (!hasVersion) throw new CurationError("wrongStatus");
    await tx.question.update({ where: { id: q.id }, data: { status: "published", retiredAt: null } });
  });
}

export { changeStatus };
