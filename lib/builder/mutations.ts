// Writing questionnaires in the builder. Every change is one transaction that (1) checks the
// person may edit this questionnaire, (2) claims the revision it was made on: a change made on a
// stale copy is refused, never applied over someone else's, (3) applies the change, (4) refuses
// it when a skip-logic rule would be left pointing forward or at nothing, and (5) records the audit
// event. Nothing is half-written: a refusal rolls everything back.
import { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { can, type Actor, type Role } from "../auth/permissions";
import { isLanguage, type Language, type PartialLocalizedText } from "../i18n/languages";
import { relevanceSchema } from "../questionnaires/relevance-schema";
import type { QuestionType } from "../vocabulary/enums";
import type { QuestionSnapshot } from "../bank/snapshot";
import { BuilderError } from "./errors";
import { copyTitle, defaultSectionTitle } from "./default-texts";
import {
  builderChangeSchema,
  deleteQuestionnaireSchema,
  duplicateQuestionnaireSchema,
  numericConstraint,
  questionnaireSettingsSchema,
  type BuilderChange,
  type ParsedBuilderChange,
} from "./schema";
import { STRUCTURAL, findSkipProblems, structuralProblems, type OutlineSection } from "./skip-logic";
import type { FormModel } from "../xlsform/form";
import { addOwnQuestion, deleteOwnQuestion, editOwnQuestion, type OwnEditOutcome } from "./own-form-edit";
import { addOwnContainer, moveOwnNode } from "./own-form-structure";
import { saveOwnChoiceList } from "./own-form-lists";

type Tx = Prisma.TransactionClient;
export type BuilderActor = { id: string; roles: readonly Role[] };

const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 } as const;

export function asActor(actor: BuilderActor | null): Actor {
  return actor ? { id: actor.id, roles: actor.roles, translateLanguages: [], reviewLanguages: [] } : null;
}

const json = (value: PartialLocalizedText | null | undefined) =>
  value && Object.keys(value).length ? (value as Prisma.InputJsonValue) : Prisma.DbNull;

const CLAIMED = { id: true, ownerId: true, visibility: true, revision: true, languages: true, title: true } as const;

/**
 * Claims `revision` for this change and checks the person may make it. The claim is one
 * statement (UPDATE … WHERE revision = … RETURNING): a builder write is a dozen round trips and 16
 * researchers share the connection pool, so each one saved counts. A refused permission rolls the
 * claim back with the transaction; only when nothing was claimed is the row read again, to say why.
 */
async function claim(
  tx: Tx,
  actor: BuilderActor | null,
  questionnaireId: string,
  revision: number,
  action: "questionnaire.edit" | "questionnaire.delete" = "questionnaire.edit",
) {
  const [claimed] = await tx.questionnaire.updateManyAndReturn({
    where: { id: questionnaireId, revision },
    data: { revision: { increment: 1 }, updatedAt: new Date() },
    select: CLAIMED,
  });
  const q = claimed ?? (await tx.questionnaire.findUnique({ where: { id: questionnaireId }, select: CLAIMED }));
  // Someone else's private questionnaire is "not found", as on every read.
  if (!q || !can(asActor(actor), "questionnaire.read", q)) throw new BuilderError("notFound");
  if (!can(asActor(actor), action, q)) throw new BuilderError("forbidden");
  if (!claimed) throw new BuilderError("conflict", { revision: q.revision });
  return { ...q, languages: q.languages.filter(isLanguage), revision: revision + 1 };
}

type OutlineRow = OutlineSection & {
  id: string;
  items: (OutlineSection["items"][number] & { id: string; questionId: string })[];
};

type OutlineDbRow = {
  section_id: string;
  section_name: string;
  section_relevant: unknown;
  item_id: string | null;
  item_name: string | null;
  item_relevant: unknown;
  question_id: string | null;
  question_version: number | null;
  type: string | null;
  current_version: number | null;
  choices: string[] | null;
};

/**
 * The questionnaire's sections and items with each item's answer type and choices, in order: one
 * statement (it was five, run after every structural change while the transaction held its
 * connection).
 */
async function loadOutline(tx: Tx, questionnaireId: string): Promise<OutlineRow[]> {
  const rows = await tx.$queryRaw<OutlineDbRow[]>`
    SELECT s.id AS section_id, s.name AS section_name, s.relevant AS section_relevant,
           i.id AS item_id, i.name AS item_name, i.relevant AS item_relevant, i."questionId" AS question_id, i."questionVersion" AS question_version,
           q.type::text AS type, q.version AS current_version,
           CASE WHEN q."choiceListId" IS NULL THEN NULL
                ELSE COALESCE((SELECT array_agg(c.name ORDER BY c.position) FROM choice c WHERE c."listId" = q."choiceListId"), '{}') END AS choices
    FROM questionnaire_section s
    LEFT JOIN questionnaire_item i ON i."sectionId" = s.id
    LEFT JOIN question q ON q.id = i."questionId"
    WHERE s."questionnaireId" = ${questionnaireId}
    ORDER BY s.position, s.name, i.position, i.name`;
  // An item behind the bank answers with its own version's type and choices (lib/questionnaires/item-texts.ts).
  const behind = rows.filter((r) => r.item_id && r.question_version! < r.current_version!);
  const pinned = behind.length
    ? await tx.questionVersion.findMany({
        where: { OR: behind.map((r) => ({ questionId: r.question_id!, version: r.question_version! })) },
        select: { questionId: true, version: true, snapshot: true },
      })
    : [];
  const snapshotOf = (r: OutlineDbRow) =>
    pinned.find((p) => p.questionId === r.question_id && p.version === r.question_version)?.snapshot as
      QuestionSnapshot | undefined;
  const rules = (value: unknown) => (value ? (relevanceSchema.safeParse(value).data ?? null) : null);
  const sections = new Map<string, OutlineRow>();
  for (const r of rows) {
    let section = sections.get(r.section_id);
    if (!section)
      sections.set(
        r.section_id,
        (section = { id: r.section_id, name: r.section_name, relevant: rules(r.section_relevant), items: [] }),
      );
    if (!r.item_id) continue;
    const snapshot = r.question_version! < r.current_version! ? snapshotOf(r) : undefined;
    const type = (snapshot?.type ?? r.type) as QuestionType;
    const choices = snapshot ? (snapshot.choiceList ? snapshot.choices.map((c) => c.name) : null) : r.choices;
    section.items.push({
      id: r.item_id,
      name: r.item_name!,
      questionId: r.question_id!,
      type,
      choices,
      relevant: rules(r.item_relevant),
    });
  }
  return [...sections.values()];
}

/**
 * Positions 0..n-1 in this order, in one statement for all the rows whose place changed (moving an
 * item to the top of a section of 40 was 40 round trips inside the transaction, the main cost of
 * a move or a removal under load).
 */
async function writeItemOrder(
  tx: Tx,
  sectionId: string,
  itemIds: string[],
  current: Map<string, { sectionId: string; position: number }>,
) {
  const changed = itemIds
    .map((id, position) => ({ id, position }))
    .filter(({ id, position }) => {
      const now = current.get(id);
      return !(now && now.sectionId === sectionId && now.position === position);
    });
  if (changed.length === 0) return;
  await tx.$executeRaw`UPDATE questionnaire_item AS i SET "sectionId" = ${sectionId}, position = v.position
    FROM unnest(${changed.map((c) => c.id)}::text[], ${changed.map((c) => c.position)}::int[]) AS v(id, position)
    WHERE i.id = v.id`;
}

/** Sections at positions 0..n-1 in this order, in one statement for those whose place changed. */
async function writeSectionOrder(tx: Tx, sections: { id: string; position: number }[]) {
  const changed = sections
    .map((s, position) => ({ id: s.id, position, was: s.position }))
    .filter((s) => s.was !== s.position);
  if (changed.length === 0) return;
  await tx.$executeRaw`UPDATE questionnaire_section AS s SET position = v.position
    FROM unnest(${changed.map((c) => c.id)}::text[], ${changed.map((c) => c.position)}::int[]) AS v(id, position)
    WHERE s.id = v.id`;
}

async function itemPlaces(tx: Tx, questionnaireId: string) {
  const rows = await tx.questionnaireItem.findMany({
    where: { questionnaireId },
    select: { id: true, sectionId: true, position: true },
  });
  return new Map(rows.map((r) => [r.id, { sectionId: r.sectionId, position: r.position }]));
}

/** A name no section or item of this questionnaire uses (XLSForm names must be unique, whatever the case). */
async function freeName(
  tx: Tx,
  questionnaireId: string,
  wanted: string,
  extraTaken: Set<string> = new Set(),
): Promise<string> {
  const [sections, items] = await Promise.all([
    tx.questionnaireSection.findMany({ where: { questionnaireId }, select: { name: true } }),
    tx.questionnaireItem.findMany({ where: { questionnaireId }, select: { name: true } }),
  ]);
  const taken = new Set(
    [...sections.map((s) => s.name), ...items.map((i) => i.name), ...extraTaken].map((n) => n.toLowerCase()),
  );
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted.slice(0, 60)}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

async function createSection(tx: Tx, questionnaireId: string, languages: Language[], title?: PartialLocalizedText) {
  const count = await tx.questionnaireSection.count({ where: { questionnaireId } });
  const name = await freeName(tx, questionnaireId, `section_${count + 1}`);
  return tx.questionnaireSection.create({
    data: {
      questionnaireId,
      name,
      title: (title && Object.keys(title).length
        ? title
        : defaultSectionTitle(languages, count + 1)) as Prisma.InputJsonValue,
      position: count,
    },
    select: { id: true, name: true },
  });
}

async function sectionOf(tx: Tx, questionnaireId: string, sectionId: string) {
  const section = await tx.questionnaireSection.findFirst({
    where: { id: sectionId, questionnaireId },
    select: { id: true, name: true },
  });
  if (!section) throw new BuilderError("unknownSection");
  return section;
}

async function itemOf(tx: Tx, questionnaireId: string, itemId: string) {
  const item = await tx.questionnaireItem.findFirst({
    where: { id: itemId, questionnaireId },
    select: {
      id: true,
      name: true,
      sectionId: true,
      position: true,
      customText: true,
      questionVersion: true,
      question: { select: { code: true, type: true, version: true } },
    },
  });
  if (!item) throw new BuilderError("notFound");
  return item;
}

/** The answer type of the bank version the item follows (an item behind the bank keeps its version's). */
async function itemType(tx: Tx, item: Awaited<ReturnType<typeof itemOf>>): Promise<string> {
  if (item.questionVersion >= item.question.version) return item.question.type;
  const pinned = await tx.questionVersion.findFirst({
    where: { question: { code: item.question.code }, version: item.questionVersion },
    select: { snapshot: true },
  });
  return (pinned?.snapshot as QuestionSnapshot | undefined)?.type ?? item.question.type;
}

/** itemIds: the new items, in the order of `added` (so that a caller can move or remove one without reloading). */
export type AddOutcome = { added: string[]; itemIds: string[]; alreadyPresent: string[]; sectionId: string };

/**
 * Adds bank questions at the end of a section (the last one when none is named; a first section
 * is made when there is none). A question already in the questionnaire is not added twice: when
 * nothing else is left to add, the change is refused and says which.
 */
async function addQuestions(
  tx: Tx,
  actor: BuilderActor,
  q: { id: string; languages: Language[] },
  codes: string[],
  sectionId: string | null,
): Promise<AddOutcome> {
  const wanted = [...new Set(codes)];
  const questions = await tx.question.findMany({
    where: { code: { in: wanted } },
    select: { id: true, code: true, version: true, status: true, createdById: true },
  });
  const byCode = new Map(questions.map((row) => [row.code, row]));
  // Researchers take published questions; a draft only when it is their own (made by importing their form).
  const usable = (code: string) => {
    const row = byCode.get(code);
    return !!row && (row.status === "published" || (row.status === "draft" && row.createdById === actor.id));
  };
  const unknown = wanted.filter((code) => !usable(code));
  if (unknown.length) throw new BuilderError("unknownQuestions", { codes: unknown });

  const present = await tx.questionnaireItem.findMany({
    where: { questionnaireId: q.id, questionId: { in: questions.map((row) => row.id) } },
    select: { questionId: true },
  });
  const codeOf = new Map(questions.map((row) => [row.id, row.code]));
  const alreadyPresent = present.map((p) => codeOf.get(p.questionId)!);
  const toAdd = wanted.filter((code) => !alreadyPresent.includes(code));
  if (toAdd.length === 0) throw new BuilderError("alreadyInQuestionnaire", { codes: alreadyPresent });

  let section = sectionId
    ? await sectionOf(tx, q.id, sectionId)
    : await tx.questionnaireSection.findFirst({
        where: { questionnaireId: q.id },
        orderBy: { position: "desc" },
        select: { id: true, name: true },
      });
  section ??= await createSection(tx, q.id, q.languages);
  let position = await tx.questionnaireItem.count({ where: { sectionId: section.id } });
  const namesNow = new Set<string>();
  const itemIds: string[] = [];
  for (const code of toAdd) {
    const question = byCode.get(code)!;
    const name = await freeName(tx, q.id, code, namesNow);
    namesNow.add(name);
    const item = await tx.questionnaireItem.create({
      data: {
        questionnaireId: q.id,
        sectionId: section.id,
        questionId: question.id,
        questionVersion: question.version,
        name,
        position: position++,
      },
      select: { id: true },
    });
    itemIds.push(item.id);
  }
  return { added: toAdd, itemIds, alreadyPresent, sectionId: section.id };
}

async function applyChange(
  tx: Tx,
  actor: BuilderActor,
  q: { id: string; languages: Language[] },
  change: ParsedBuilderChange,
): Promise<{ details: Record<string, unknown> }> {
  switch (change.op) {
    case "updateSettings": {
      const s = change.settings;
      await tx.questionnaire.update({
        where: { id: q.id },
        data: {
          title: s.title,
          description: s.description,
          languages: s.languages,
          defaultLanguage: s.defaultLanguage,
          fallbackLanguage: s.fallbackLanguage,
          formId: s.formId,
        },
      });
      return { details: { settings: s } };
    }
    case "addQuestions":
      return { details: await addQuestions(tx, actor, q, change.codes, change.sectionId) };
    case "addIndicator": {
      const indicator = await tx.indicator.findUnique({ where: { code: change.indicator }, select: { id: true } });
      if (!indicator) throw new BuilderError("notFound");
      const rows = await tx.question.findMany({
        where: { status: "published", indicators: { some: { indicatorId: indicator.id } } },
        orderBy: { code: "asc" },
        select: { code: true },
      });
      if (rows.length === 0) throw new BuilderError("emptyIndicator");
      return {
        details: {
          indicator: change.indicator,
          ...(await addQuestions(
            tx,
            actor,
            q,
            rows.map((r) => r.code),
            change.sectionId,
          )),
        },
      };
    }
    case "addSection": {
      const section = await createSection(tx, q.id, q.languages, change.title);
      return { details: { sectionId: section.id, name: section.name } };
    }
    case "renameSection": {
      await sectionOf(tx, q.id, change.sectionId);
      if (Object.keys(change.title).length === 0) throw new BuilderError("titleRequired");
      await tx.questionnaireSection.update({ where: { id: change.sectionId }, data: { title: change.title } });
      return { details: { sectionId: change.sectionId, title: change.title } };
    }
    case "removeSection": {
      const section = await sectionOf(tx, q.id, change.sectionId);
      const items = await tx.questionnaireItem.findMany({ where: { sectionId: section.id }, select: { name: true } });
      await tx.questionnaireSection.delete({ where: { id: section.id } });
      const rest = await tx.questionnaireSection.findMany({
        where: { questionnaireId: q.id },
        orderBy: { position: "asc" },
        select: { id: true, position: true },
      });
      await writeSectionOrder(tx, rest);
      return { details: { section: section.name, items: items.map((i) => i.name) } };
    }
    case "moveSection": {
      const section = await sectionOf(tx, q.id, change.sectionId);
      const order = (
        await tx.questionnaireSection.findMany({
          where: { questionnaireId: q.id },
          orderBy: { position: "asc" },
          select: { id: true, position: true },
        })
      ).filter((s) => s.id !== section.id);
      order.splice(Math.min(change.position, order.length), 0, { id: section.id, position: -1 });
      await writeSectionOrder(tx, order);
      return { details: { section: section.name, position: change.position } };
    }
    case "moveItem": {
      const item = await itemOf(tx, q.id, change.itemId);
      const target = await sectionOf(tx, q.id, change.sectionId);
      const places = await itemPlaces(tx, q.id);
      const orderOf = async (sectionId: string) =>
        (
          await tx.questionnaireItem.findMany({
            where: { sectionId },
            orderBy: [{ position: "asc" }, { name: "asc" }],
            select: { id: true },
          })
        )
          .map((r) => r.id)
          .filter((id) => id !== item.id);
      const targetOrder = await orderOf(target.id);
      targetOrder.splice(Math.min(change.position, targetOrder.length), 0, item.id);
      await writeItemOrder(tx, target.id, targetOrder, places);
      if (item.sectionId !== target.id) await writeItemOrder(tx, item.sectionId, await orderOf(item.sectionId), places);
      return { details: { item: item.name, section: target.name, position: change.position } };
    }
    case "removeItem": {
      const item = await itemOf(tx, q.id, change.itemId);
      await tx.questionnaireItem.delete({ where: { id: item.id } });
      const places = await itemPlaces(tx, q.id);
      const rest = await tx.questionnaireItem.findMany({
        where: { sectionId: item.sectionId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      await writeItemOrder(
        tx,
        item.sectionId,
        rest.map((r) => r.id),
        places,
      );
      return { details: { item: item.name, code: item.question.code } };
    }
    case "updateItem": {
      const item = await itemOf(tx, q.id, change.itemId);
      const s = change.settings;
      const type = await itemType(tx, item);
      const numeric = type === "integer" || type === "decimal";
      const constraint = numericConstraint(s.constraint);
      if (constraint && !numeric) throw new BuilderError("constraintNotNumeric");
      await tx.questionnaireItem.update({
        where: { id: item.id },
        data: {
          required: s.required,
          requiredMessage: s.required ? json(s.requiredMessage) : Prisma.DbNull,
          relevant: s.relevant ? (s.relevant as Prisma.InputJsonValue) : Prisma.DbNull,
          constraint: numeric ? constraint : null,
          constraintMessage: numeric && constraint ? json(s.constraintMessage) : Prisma.DbNull,
        },
      });
      // The edited item's own rules must make sense (an operator that suits the answer type, an
      // answer that exists), beyond the check every change gets.
      const own = findSkipProblems(await loadOutline(tx, q.id)).filter(
        (p) => !p.ownerIsSection && p.owner === item.name && !STRUCTURAL.has(p.problem),
      );
      if (own.length)
        throw new BuilderError("invalidRule", {
          problems: own.map(({ owner, question, problem }) => ({ owner, question, problem })),
        });
      return { details: { item: item.name, settings: s } };
    }
    case "customiseItem": {
      const item = await itemOf(tx, q.id, change.itemId);
      await tx.questionnaireItem.update({
        where: { id: item.id },
        data: { customText: change.customText ? (change.customText as Prisma.InputJsonValue) : Prisma.DbNull },
      });
      return { details: { item: item.name, before: item.customText, customText: change.customText } };
    }
    case "updateFromBank": {
      const item = await itemOf(tx, q.id, change.itemId);
      await tx.questionnaireItem.update({
        where: { id: item.id },
        data: {
          questionVersion: item.question.version,
          ...(change.replaceCustom ? { customText: Prisma.DbNull } : {}),
        },
      });
      const replaced = change.replaceCustom && !!item.customText;
      // The audit keeps custom wording that the bank's replaced, so that it can be found again.
      return {
        details: {
          item: item.name,
          from: item.questionVersion,
          to: item.question.version,
          replacedCustom: replaced,
          ...(replaced ? { customTextBefore: item.customText } : {}),
        },
      };
    }
    case "editOwnQuestion":
      return changeOwnForm(tx, q.id, (form) => editOwnQuestion(form, change.edit), { path: change.edit.path });
    case "addOwnQuestion":
      return changeOwnForm(tx, q.id, (form) => addOwnQuestion(form, change.add), {
        parent: change.add.parent,
        name: change.add.name,
        type: change.add.type,
      });
    case "deleteOwnQuestion": {
      const done = await changeOwnForm(tx, q.id, (form) => deleteOwnQuestion(form, change.path), {
        path: change.path,
      });
      // Links of what was deleted (the question, or a group's questions) go with it.
      const key = change.path.join("/");
      await tx.questionnaireFormLink.deleteMany({
        where: { questionnaireId: q.id, OR: [{ path: key }, { path: { startsWith: `${key}/` } }] },
      });
      return done;
    }
    case "addOwnContainer":
      return changeOwnForm(tx, q.id, (form) => addOwnContainer(form, change.add), {
        parent: change.add.parent,
        name: change.add.name,
        kind: change.add.kind,
      });
    case "moveOwnNode":
      return changeOwnForm(tx, q.id, (form) => moveOwnNode(form, change.move), { ...change.move });
    case "saveOwnChoiceList":
      return changeOwnForm(tx, q.id, (form) => saveOwnChoiceList(form, change.list), {
        list: change.list.listName,
        created: change.list.create,
        choices: change.list.choices.map((c) => c.name),
      });
  }
}

/** A moved own question's (or group's) links to the bank follow it to its new path. */
async function moveFormLinks(tx: Tx, questionnaireId: string, from: string[], to: string[]) {
  const [old, now] = [from.join("/"), to.join("/")];
  if (old === now) return;
  const links = await tx.questionnaireFormLink.findMany({
    where: { questionnaireId, OR: [{ path: old }, { path: { startsWith: `${old}/` } }] },
    select: { id: true, path: true },
  });
  for (const link of links)
    await tx.questionnaireFormLink.update({
      where: { id: link.id },
      data: { path: now + link.path.slice(old.length) },
    });
}

/**
 * One change to the questionnaire's own form (lib/builder/own-form-edit.ts), inside the claimed
 * revision: the form is read, changed, checked by the form reader and written back whole.
 */
async function changeOwnForm(
  tx: Tx,
  questionnaireId: string,
  apply: (form: FormModel) => OwnEditOutcome,
  details: Record<string, unknown>,
): Promise<{ details: Record<string, unknown> }> {
  const row = await tx.questionnaire.findUnique({ where: { id: questionnaireId }, select: { form: true } });
  if (!row?.form) throw new BuilderError("notFound");
  const outcome = apply(row.form as unknown as FormModel);
  if (!outcome.ok)
    throw new BuilderError(outcome.code, {
      ...(outcome.code === "choiceInUse" ? { codes: outcome.codes } : {}),
      formProblems: (outcome.problems ?? []).map(({ code, row: at, column, value }) => ({
        code,
        row: at,
        column,
        value,
      })),
    });
  await tx.questionnaire.update({
    where: { id: questionnaireId },
    data: { form: outcome.form as unknown as Prisma.InputJsonValue },
  });
  if (outcome.movedTo && Array.isArray(details.path)) {
    await moveFormLinks(tx, questionnaireId, details.path as string[], outcome.movedTo);
    return { details: { ...details, to: outcome.movedTo } };
  }
  return { details };
}

export type ChangeOutcome = { revision: number; details: Record<string, unknown> };

/**
 * Changes that cannot leave a skip-logic rule pointing forward or at nothing, so the whole-outline
 * check (five queries) is not run for them: they move and remove nothing, and what they add (an
 * empty section at the end, items at the end of a section) has no rules and is pointed at by none.
 */
const KEEPS_SKIP_LOGIC: ReadonlySet<ParsedBuilderChange["op"]> = new Set([
  "updateSettings",
  "renameSection",
  "addSection",
  "customiseItem",
  "addQuestions",
  "addIndicator",
  // The own form's references are checked by the form reader, and bank rules never point into it.
  "editOwnQuestion",
  "addOwnQuestion",
  "deleteOwnQuestion",
  "addOwnContainer",
  "moveOwnNode",
  "saveOwnChoiceList",
]);

/** Applies one builder change made on `revision`; returns the questionnaire's new revision. */
export async function applyBuilderChange({
  actor,
  change,
}: {
  actor: BuilderActor | null;
  change: BuilderChange;
}): Promise<ChangeOutcome> {
  const parsed = builderChangeSchema.parse(change);
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const q = await claim(tx, actor, parsed.questionnaireId, parsed.revision);
      const { details } = await applyChange(tx, actor!, q, parsed);
      const broken = KEEPS_SKIP_LOGIC.has(parsed.op) ? [] : structuralProblems(await loadOutline(tx, q.id));
      if (broken.length)
        throw new BuilderError("skipLogicBroken", {
          problems: broken.map(({ owner, question, problem }) => ({ owner, question, problem })),
        });
      await recordAudit(tx, {
        actorId: actor!.id,
        action: `questionnaire.${parsed.op}`,
        entityType: "questionnaire",
        entityId: q.id,
        after: details,
      });
      return { revision: q.revision, details };
    }, TX_OPTIONS);
  } catch (error) {
    // Two adds of the same question racing past the check meet the unique index: say it plainly.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      (parsed.op === "addQuestions" || parsed.op === "addIndicator")
    )
      throw new BuilderError("alreadyInQuestionnaire", { codes: parsed.op === "addQuestions" ? parsed.codes : [] });
    throw error;
  }
}

/** A new, empty questionnaire owned by the person, with a first section ready for questions. */
export async function createQuestionnaire({
  actor,
  settings,
}: {
  actor: BuilderActor | null;
  settings: unknown;
}): Promise<{ id: string }> {
  if (!can(asActor(actor), "questionnaire.create")) throw new BuilderError("forbidden");
  const s = questionnaireSettingsSchema.parse(settings);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await tx.questionnaire.create({
      data: {
        ownerId: actor!.id,
        title: s.title,
        description: s.description,
        languages: s.languages,
        defaultLanguage: s.defaultLanguage,
        fallbackLanguage: s.fallbackLanguage,
        formId: s.formId,
        visibility: "private",
      },
      select: { id: true },
    });
    await createSection(tx, q.id, s.languages);
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "questionnaire.create",
      entityType: "questionnaire",
      entityId: q.id,
      after: s,
    });
    return q;
  }, TX_OPTIONS);
}

/**
 * A private copy, owned by the person, of any questionnaire they may read (their own, a shared
 * one, a public template): sections, items, skip logic and custom wording, linked to the same
 * bank versions.
 */
export async function duplicateQuestionnaire({
  actor,
  input,
}: {
  actor: BuilderActor | null;
  input: unknown;
}): Promise<{ id: string }> {
  const { questionnaireId } = duplicateQuestionnaireSchema.parse(input);
  if (!can(asActor(actor), "questionnaire.create")) throw new BuilderError("forbidden");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const source = await tx.questionnaire.findUnique({
      where: { id: questionnaireId },
      select: {
        id: true,
        ownerId: true,
        visibility: true,
        title: true,
        description: true,
        languages: true,
        defaultLanguage: true,
        fallbackLanguage: true,
        form: true,
        sections: {
          orderBy: { position: "asc" },
          select: { name: true, title: true, relevant: true, position: true, items: { orderBy: { position: "asc" } } },
        },
      },
    });
    if (!source || !can(asActor(actor), "questionnaire.read", source)) throw new BuilderError("notFound");
    const copy = await tx.questionnaire.create({
      data: {
        ownerId: actor!.id,
        title: copyTitle(source.title as PartialLocalizedText),
        description: source.description as Prisma.InputJsonValue,
        languages: source.languages,
        defaultLanguage: source.defaultLanguage,
        fallbackLanguage: source.fallbackLanguage,
        visibility: "private",
        // The copy holds the same own form, under a form_id of its own (its id): ODK Central and
        // KoboToolbox must not take it for a new version of the original.
        form: source.form ?? undefined,
      },
      select: { id: true },
    });
    const orJson = (v: Prisma.JsonValue | null) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
    for (const section of source.sections) {
      const created = await tx.questionnaireSection.create({
        data: {
          questionnaireId: copy.id,
          name: section.name,
          title: section.title as Prisma.InputJsonValue,
          relevant: orJson(section.relevant),
          position: section.position,
        },
        select: { id: true },
      });
      if (section.items.length === 0) continue;
      await tx.questionnaireItem.createMany({
        data: section.items.map((item) => ({
          questionnaireId: copy.id,
          sectionId: created.id,
          questionId: item.questionId,
          questionVersion: item.questionVersion,
          name: item.name,
          position: item.position,
          required: item.required,
          requiredMessage: orJson(item.requiredMessage),
          relevant: orJson(item.relevant),
          constraint: item.constraint,
          constraintMessage: orJson(item.constraintMessage),
          customText: orJson(item.customText),
        })),
      });
    }
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "questionnaire.duplicate",
      entityType: "questionnaire",
      entityId: copy.id,
      after: { from: source.id },
    });
    return copy;
  }, TX_OPTIONS);
}

export async function deleteQuestionnaire({
  actor,
  input,
}: {
  actor: BuilderActor | null;
  input: unknown;
}): Promise<void> {
  const { questionnaireId, revision } = deleteQuestionnaireSchema.parse(input);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const q = await claim(tx, actor, questionnaireId, revision, "questionnaire.delete");
    await tx.questionnaire.delete({ where: { id: q.id } });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "questionnaire.delete",
      entityType: "questionnaire",
      entityId: q.id,
      before: { title: q.title, languages: q.languages },
    });
  }, TX_OPTIONS);
}
