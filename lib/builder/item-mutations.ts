// The builder's changes to a questionnaire's items, the bank questions it asks: add (one by one or
// an indicator's), move, remove, their settings and skip logic, custom wording, update to the
// bank's version. Run inside the transaction lib/builder/mutations.ts opens.
import "server-only";
import { Prisma } from "../db/generated/client";
import type { Person } from "../auth/permissions";
import type { Language, PartialLocalizedText } from "../i18n/languages";
import type { QuestionSnapshot } from "../bank/snapshot";
import { BuilderError } from "./errors";
import { numericConstraint, type ParsedBuilderChange } from "./schema";
import { STRUCTURAL, findSkipProblems } from "./skip-logic";
import { loadOutline } from "./outline-data";
import { createSection, freeName, sectionOf } from "./section-mutations";

type Tx = Prisma.TransactionClient;
type ItemChange = Extract<
  ParsedBuilderChange,
  {
    op: "addQuestions" | "addIndicator" | "moveItem" | "removeItem" | "updateItem" | "customiseItem" | "updateFromBank";
  }
>;

const json = (value: PartialLocalizedText | null | undefined) =>
  value && Object.keys(value).length ? (value as Prisma.InputJsonValue) : Prisma.DbNull;

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

async function itemPlaces(tx: Tx, questionnaireId: string) {
  const rows = await tx.questionnaireItem.findMany({
    where: { questionnaireId },
    select: { id: true, sectionId: true, position: true },
  });
  return new Map(rows.map((r) => [r.id, { sectionId: r.sectionId, position: r.position }]));
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
  actor: Person,
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

/** One change to the questionnaire's items, inside the claimed revision. */
export async function applyItemChange(
  tx: Tx,
  actor: Person,
  q: { id: string; languages: Language[] },
  change: ItemChange,
): Promise<{ details: Record<string, unknown> }> {
  switch (change.op) {
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
  }
}
