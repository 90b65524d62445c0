// What a question's content points at, written the same way by create and edit: its indicators,
// tags, source and shared list resolved by name (refused when unknown), and its own choice list
// created, kept in step or dropped. Helpers inside the caller's transaction.
import "server-only";
import { CurationError } from "./errors";
import { syncChoices } from "./choice-list-mutations";
import type { ChoiceInput, QuestionInput } from "./schema";
import type { Tx } from "./version-mutations";

export async function resolveReferences(tx: Tx, input: QuestionInput) {
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
export async function syncOwnList(
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
export async function dropOrphanList(tx: Tx, listId: string | null) {
  if (!listId) return;
  const list = await tx.choiceList.findUnique({
    where: { id: listId },
    select: { shared: true, _count: { select: { questions: true } } },
  });
  if (list && !list.shared && list._count.questions === 0) await tx.choiceList.delete({ where: { id: listId } });
}

export async function writeLinks(tx: Tx, questionId: string, refs: { indicatorIds: string[]; tagIds: string[] }) {
  await tx.questionIndicator.deleteMany({ where: { questionId } });
  if (refs.indicatorIds.length)
    await tx.questionIndicator.createMany({
      data: refs.indicatorIds.map((indicatorId) => ({ questionId, indicatorId })),
    });
  await tx.questionTag.deleteMany({ where: { questionId } });
  if (refs.tagIds.length)
    await tx.questionTag.createMany({ data: refs.tagIds.map((tagId) => ({ questionId, tagId })) });
}
