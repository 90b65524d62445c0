// Choice lists: shared scales managed in one place. A change to a list becomes the list's next
// version and the next version of every published question that uses it; choice labels in other
// languages whose source label changed become outdated, like question text.
import "server-only";
import { getDb } from "../db/client";
import type { Person } from "../auth/permissions";
import { SOURCE_LANGUAGE } from "../i18n/languages";
import { outdateTranslations } from "../translations/outdate-mutations";
import { CurationError } from "./errors";
import { choiceListInputSchema, type ChoiceInput } from "./schema";
import { audit, publishNewVersionIfChanged, requirePermission, type Tx } from "./version-mutations";

/**
 * Makes list `listId` hold `choices` (source-language labels) in that order. Returns whether
 * anything changed; when it did, the list moves to its next version.
 */
export async function syncChoices(
  tx: Tx,
  { listId, sourceLanguage, choices }: { listId: string; sourceLanguage: string; choices: ChoiceInput[] },
): Promise<boolean> {
  const list = await tx.choiceList.findUniqueOrThrow({
    where: { id: listId },
    select: {
      version: true,
      choices: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, texts: { select: { lang: true, label: true } } },
      },
    },
  });
  const label = (c: (typeof list.choices)[number]) => c.texts.find((t) => t.lang === sourceLanguage)?.label;
  const unchanged =
    list.choices.length === choices.length &&
    list.choices.every((c, i) => c.name === choices[i].name && label(c) === choices[i].label);
  if (unchanged) return false;
  const version = list.version + 1;
  await tx.choiceList.update({ where: { id: listId }, data: { version } });
  await tx.choice.deleteMany({ where: { listId, name: { notIn: choices.map((c) => c.name) } } });
  // Positions move out of the way first, so that a new order never meets an old one.
  await tx.choice.updateMany({ where: { listId }, data: { position: { increment: 10_000 } } });
  for (const [position, choice] of choices.entries()) {
    const found = list.choices.find((c) => c.name === choice.name);
    if (!found) {
      await tx.choice.create({
        data: {
          listId,
          name: choice.name,
          position,
          texts: { create: { lang: sourceLanguage, label: choice.label, status: "approved", sourceVersion: version } },
        },
      });
      continue;
    }
    await tx.choice.update({ where: { id: found.id }, data: { position } });
    const wordsChanged = label(found) !== choice.label;
    if (!wordsChanged) {
      await tx.choiceText.updateMany({
        where: { choiceId: found.id, lang: sourceLanguage },
        data: { sourceVersion: version },
      });
      await outdateTranslations(tx, { choiceId: found.id, sourceLanguage, version, wordsChanged });
      continue;
    }
    await tx.choiceText.upsert({
      where: { choiceId_lang: { choiceId: found.id, lang: sourceLanguage } },
      create: {
        choiceId: found.id,
        lang: sourceLanguage,
        label: choice.label,
        status: "approved",
        sourceVersion: version,
      },
      update: { label: choice.label, sourceVersion: version },
    });
    await outdateTranslations(tx, { choiceId: found.id, sourceLanguage, version, wordsChanged });
  }
  return true;
}

export async function createChoiceList({
  actor,
  input,
}: {
  actor: Person | null;
  input: { name: string; choices: ChoiceInput[] };
}) {
  requirePermission(actor, "choiceList.edit");
  const data = choiceListInputSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.choiceList.findUnique({ where: { name: data.name }, select: { id: true } }))
      throw new CurationError("codeTaken");
    const list = await tx.choiceList.create({
      data: {
        name: data.name,
        shared: true,
        choices: {
          create: data.choices.map((c, position) => ({
            name: c.name,
            position,
            texts: { create: { lang: SOURCE_LANGUAGE, label: c.label, status: "approved" as const, sourceVersion: 1 } },
          })),
        },
      },
      select: { id: true, name: true },
    });
    await audit(tx, actor, { action: "choiceList.create", entityType: "choiceList", entityId: list.id, after: data });
    return list;
  });
}

/**
 * Saves a shared list's choices (refused as "conflict" when the list changed since `revision`),
 * then publishes the next version of each published question that uses it.
 */
export async function updateChoiceList({
  actor,
  name,
  revision,
  choices,
}: {
  actor: Person | null;
  name: string;
  revision: number;
  choices: ChoiceInput[];
}): Promise<{ version: number; questions: { code: string; version: number }[] }> {
  requirePermission(actor, "choiceList.edit");
  const data = choiceListInputSchema.parse({ name, choices });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const list = await tx.choiceList.findUnique({
      where: { name },
      select: {
        id: true,
        shared: true,
        version: true,
        choices: {
          orderBy: { position: "asc" },
          select: { name: true, texts: { select: { lang: true, label: true } } },
        },
      },
    });
    if (!list || !list.shared) throw new CurationError("notFound");
    const claimed = await tx.choiceList.updateMany({
      where: { id: list.id, revision },
      data: { revision: { increment: 1 } },
    });
    if (claimed.count === 0) throw new CurationError("conflict");
    const changed = await syncChoices(tx, { listId: list.id, sourceLanguage: SOURCE_LANGUAGE, choices: data.choices });
    const questions: { code: string; version: number }[] = [];
    if (changed) {
      const users = await tx.question.findMany({
        where: { choiceListId: list.id, status: "published" },
        select: { id: true, code: true, version: true },
        orderBy: { code: "asc" },
      });
      for (const q of users) {
        // Someone editing one of these questions must reload: its content moved on.
        await tx.question.update({ where: { id: q.id }, data: { revision: { increment: 1 } } });
        const published = await publishNewVersionIfChanged(tx, { questionId: q.id, actor, sourceTextChanged: false });
        if (published.created) {
          questions.push({ code: q.code, version: published.version });
          await audit(tx, actor, {
            action: "question.publishVersion",
            entityType: "question",
            entityId: q.id,
            before: { code: q.code, version: q.version },
            after: { code: q.code, version: published.version, reason: `choiceList:${name}` },
          });
        }
      }
    }
    const after = await tx.choiceList.findUniqueOrThrow({ where: { id: list.id }, select: { version: true } });
    await audit(tx, actor, {
      action: "choiceList.update",
      entityType: "choiceList",
      entityId: list.id,
      before: {
        name,
        version: list.version,
        choices: list.choices.map((c) => ({
          name: c.name,
          label: c.texts.find((t) => t.lang === SOURCE_LANGUAGE)?.label,
        })),
      },
      after: { name, version: after.version, choices: data.choices, questions },
    });
    return { version: after.version, questions };
  });
}
