// Loads the seed bank (prisma/seed/*.json) into the database. Idempotent: rows are matched by
// their stable keys (codes, list names, slugs). A question or template that someone has since
// edited in the app (revision > 0) is left as it is, so re-seeding never undoes curators' work.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Prisma, PrismaClient } from "../lib/db/generated/client";
import { LANGUAGES, SOURCE_LANGUAGE } from "../lib/i18n/languages";
import type { QuestionSnapshot } from "../lib/bank/snapshot";
import { HAZARD_FORMS } from "../lib/hazards/schema";
import { loadSeedBank, type SeedBank } from "./seed-files";
import type { ChoiceListSeed } from "./seed-schema";

type Tx = Prisma.TransactionClient;
export type SeedOptions = { demoAccounts: boolean; log?: (line: string) => void };

export async function seedDatabase(adapter: SqlMigrationAwareDriverAdapterFactory, options: SeedOptions) {
  const prisma = new PrismaClient({ adapter });
  try {
    await seedWithClient(prisma, options);
  } finally {
    await prisma.$disconnect();
  }
}

export async function isBankEmpty(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<boolean> {
  const prisma = new PrismaClient({ adapter });
  try {
    return (await prisma.domain.count()) === 0;
  } finally {
    await prisma.$disconnect();
  }
}

export async function seedWithClient(prisma: PrismaClient, { demoAccounts, log = console.log }: SeedOptions) {
  const bank = await loadSeedBank();
  const started = Date.now();
  await seedFramework(prisma, bank);
  // Before the questions: their search documents take every hazard's names (migration hazards).
  await seedHazards(prisma, bank);
  const sourceIds = await seedSources(prisma, bank);
  const listIds = await seedChoiceLists(prisma, bank);
  const counts = await seedQuestions(prisma, bank, sourceIds, listIds);
  await seedIndicatorComputations(prisma, bank);
  const templates = await seedTemplates(prisma, bank);
  await seedGlossary(prisma, bank);
  if (demoAccounts) {
    const { seedDemoAccounts } = await import("./seed-accounts");
    await seedDemoAccounts(prisma, log);
  }
  log(
    `Seeded ${bank.framework.domains.length} domains, ${counts.created} new and ${counts.updated} updated questions ` +
      `(${counts.kept} kept as edited), ${templates} templates in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

/** Reference data, kept as the seed file says (nothing in the app edits a hazard). */
async function seedHazards(prisma: PrismaClient, bank: SeedBank) {
  for (const [position, hazard] of bank.hazards.entries()) {
    const current = await prisma.hazard.findUnique({ where: { code: hazard.code } });
    // jsonb keeps its own key order: compare form by form, so that a re-seed rewrites nothing.
    const stored = current?.forms as Record<string, Record<string, string>> | undefined;
    const same = LANGUAGES.every((l) => HAZARD_FORMS.every((f) => stored?.[l]?.[f] === hazard.names[l][f]));
    if (current && current.position === position && same) continue;
    await prisma.hazard.upsert({
      where: { code: hazard.code },
      create: { code: hazard.code, position, forms: hazard.names },
      update: { position, forms: hazard.names },
    });
  }
}

async function seedFramework(prisma: PrismaClient, bank: SeedBank) {
  for (const [d, domain] of bank.framework.domains.entries()) {
    const dbDomain = await prisma.domain.upsert({
      where: { code: domain.code },
      create: { code: domain.code, name: domain.name, description: domain.description, position: d },
      update: {},
    });
    for (const [t, topic] of domain.topics.entries()) {
      const dbTopic = await prisma.topic.upsert({
        where: { code: topic.code },
        create: { code: topic.code, name: topic.name, position: t, domainId: dbDomain.id },
        update: {},
      });
      for (const [i, indicator] of topic.indicators.entries()) {
        await prisma.indicator.upsert({
          where: { code: indicator.code },
          create: { ...indicator, position: i, topicId: dbTopic.id },
          update: {},
        });
      }
    }
  }
}

/** Definitions go only where there is none: one a curator has edited (or removed) is left alone. */
async function seedIndicatorComputations(prisma: PrismaClient, bank: SeedBank) {
  for (const [code, computation] of Object.entries(bank.computations)) {
    await prisma.indicator.updateMany({
      where: { code, revision: 0, computation: { equals: Prisma.DbNull } },
      data: { computation },
    });
  }
}

/** A term is added where its language has none of that name: one a reviewer has edited or deleted stays so. */
async function seedGlossary(prisma: PrismaClient, bank: SeedBank) {
  const data = bank.glossary.terms.flatMap((t) =>
    (["es", "fr", "ar"] as const).map((lang) => ({
      lang,
      term: t.term,
      approved: t.approved[lang],
      forms: t.forms?.[lang] ?? [],
      forbidden: t.forbidden[lang] ?? [],
      except: t.except ?? [],
      note: t.note ?? "",
      domain: t.domain,
    })),
  );
  const seeded = await prisma.glossaryTerm.count();
  // Only into an empty termbase: re-seeding must not bring back a term a reviewer deleted.
  if (!seeded) await prisma.glossaryTerm.createMany({ data, skipDuplicates: true });
}

async function seedSources(prisma: PrismaClient, bank: SeedBank) {
  const ids = new Map<string, string>();
  for (const source of bank.sources) {
    const row = await prisma.source.upsert({ where: { key: source.key }, create: source, update: {} });
    ids.set(source.key, row.id);
  }
  return ids;
}

async function seedChoiceLists(prisma: PrismaClient, bank: SeedBank) {
  const ids = new Map<string, string>();
  const lists: (ChoiceListSeed & { shared: boolean })[] = [
    ...bank.sharedLists.map((l) => ({ ...l, shared: true })),
    ...bank.localLists.map((l) => ({ ...l, shared: false })),
  ];
  for (const list of lists) {
    const existing = await prisma.choiceList.findUnique({ where: { name: list.name }, select: { id: true } });
    if (existing) {
      ids.set(list.name, existing.id);
      continue;
    }
    const created = await prisma.choiceList.create({
      data: {
        name: list.name,
        shared: list.shared,
        choices: {
          create: list.choices.map((choice, position) => ({
            name: choice.name,
            position,
            texts: {
              create: LANGUAGES.map((lang) => ({
                lang,
                label: choice.label[lang],
                status: "approved" as const,
                sourceVersion: 1,
              })),
            },
          })),
        },
      },
    });
    ids.set(list.name, created.id);
  }
  return ids;
}

function snapshotOf(q: SeedBank["questions"][number], bank: SeedBank): QuestionSnapshot {
  const list = q.choiceList
    ? [...bank.sharedLists, ...bank.localLists].find((l) => l.name === q.choiceList)
    : undefined;
  return {
    code: q.code,
    type: q.type,
    constraint: q.constraint ?? null,
    choiceList: q.choiceList ?? null,
    choices: list?.choices.map((c) => ({ name: c.name, label: c.label })) ?? [],
    texts: Object.fromEntries(
      LANGUAGES.map((l) => [
        l,
        { label: q.label[l], hint: q.hint?.[l] ?? null, constraintMessage: q.constraintMessage?.[l] ?? null },
      ]),
    ),
    indicators: [...q.indicators].sort(),
    tags: [...q.tags].sort(),
    source: q.source.key,
  };
}

/**
 * Seeded translations are approved translations of the seeded version's source text. A revision row
 * records that, as a reviewer's approval in the app would: when a curator later publishes a new
 * English text (and the bank's translations become outdated), items pinned to the seeded version
 * keep these approved texts (lib/questionnaires/item-texts.ts, rule 2) instead of blocking export.
 */
async function seedTranslationRevisions(
  tx: Tx,
  {
    questionId,
    version,
    q,
    bank,
  }: { questionId: string; version: number; q: SeedBank["questions"][number]; bank: SeedBank },
) {
  const list = q.choiceList
    ? [...bank.sharedLists, ...bank.localLists].find((l) => l.name === q.choiceList)
    : undefined;
  await tx.translationRevision.deleteMany({ where: { questionId, action: "seed" } });
  await tx.translationRevision.createMany({
    data: LANGUAGES.filter((lang) => lang !== SOURCE_LANGUAGE).map((lang) => ({
      questionId,
      lang,
      revision: 0,
      action: "seed",
      label: q.label[lang],
      hint: q.hint?.[lang] ?? null,
      constraintMessage: q.constraintMessage?.[lang] ?? null,
      choices: Object.fromEntries((list?.choices ?? []).map((c) => [c.name, c.label[lang]])),
      status: "approved" as const,
      sourceVersion: version,
    })),
  });
}

async function seedQuestions(
  prisma: PrismaClient,
  bank: SeedBank,
  sourceIds: Map<string, string>,
  listIds: Map<string, string>,
) {
  const indicatorIds = new Map(
    (await prisma.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]),
  );
  const counts = { created: 0, updated: 0, kept: 0 };
  for (const q of bank.questions) {
    const existing = await prisma.question.findUnique({
      where: { code: q.code },
      select: { id: true, revision: true },
    });
    if (existing && existing.revision > 0) {
      counts.kept++;
      continue;
    }
    const tagIds = await Promise.all(
      q.tags.map(async (name) => (await prisma.tag.upsert({ where: { name }, create: { name }, update: {} })).id),
    );
    const fields = {
      type: q.type,
      status: "published" as const,
      choiceListId: q.choiceList ? listIds.get(q.choiceList)! : null,
      sourceId: sourceIds.get(q.source.key) ?? null,
      sourceRelation: q.source.relation,
      constraint: q.constraint ?? null,
      sourceLanguage: SOURCE_LANGUAGE,
    };
    await prisma.$transaction(async (tx: Tx) => {
      // The search row and postings are built once, below, not after each of these statements
      // (migration search_refresh_deferrable).
      await tx.$executeRawUnsafe(`SET LOCAL qb.search_deferred = 'on'`);
      const question = existing
        ? await tx.question.update({ where: { id: existing.id }, data: fields })
        : await tx.question.create({ data: { code: q.code, ...fields, publishedAt: new Date() } });
      await tx.questionIndicator.deleteMany({ where: { questionId: question.id } });
      await tx.questionIndicator.createMany({
        data: q.indicators.map((code) => ({ questionId: question.id, indicatorId: indicatorIds.get(code)! })),
      });
      await tx.questionTag.deleteMany({ where: { questionId: question.id } });
      await tx.questionTag.createMany({ data: tagIds.map((tagId) => ({ questionId: question.id, tagId })) });
      for (const lang of LANGUAGES) {
        const text = {
          label: q.label[lang],
          hint: q.hint?.[lang] ?? null,
          notes: q.notes?.[lang] ?? null,
          constraintMessage: q.constraintMessage?.[lang] ?? null,
          status: "approved" as const,
          sourceVersion: question.version,
        };
        await tx.questionText.upsert({
          where: { questionId_lang: { questionId: question.id, lang } },
          create: { questionId: question.id, lang, ...text },
          update: text,
        });
      }
      await seedTranslationRevisions(tx, { questionId: question.id, version: question.version, q, bank });
      const snapshot = snapshotOf(q, bank);
      await tx.questionVersion.upsert({
        where: { questionId_version: { questionId: question.id, version: question.version } },
        create: { questionId: question.id, version: question.version, snapshot },
        update: { snapshot },
      });
      await tx.$executeRawUnsafe(`SET LOCAL qb.search_deferred = 'off'`);
      await tx.$executeRawUnsafe(`SELECT qb_search_refresh($1)`, question.id);
    });
    counts[existing ? "updated" : "created"]++;
  }
  return counts;
}

async function seedTemplates(prisma: PrismaClient, bank: SeedBank) {
  const questions = new Map(
    (await prisma.question.findMany({ select: { id: true, code: true, version: true } })).map((q) => [q.code, q]),
  );
  let count = 0;
  for (const template of bank.templates) {
    const existing = await prisma.questionnaire.findUnique({
      where: { slug: template.slug },
      select: { id: true, revision: true },
    });
    if (existing && existing.revision > 0) continue;
    await prisma.$transaction(async (tx: Tx) => {
      if (existing) await tx.questionnaire.delete({ where: { id: existing.id } });
      const questionnaire = await tx.questionnaire.create({
        data: {
          slug: template.slug,
          title: template.title,
          description: template.description,
          languages: template.languages,
          defaultLanguage: template.defaultLanguage,
          visibility: "public_template",
        },
      });
      for (const [s, section] of template.sections.entries()) {
        const dbSection = await tx.questionnaireSection.create({
          data: {
            questionnaireId: questionnaire.id,
            name: section.name,
            title: section.title,
            relevant: section.relevant ?? undefined,
            position: s,
          },
        });
        for (const [i, item] of section.items.entries()) {
          const question = questions.get(item.question);
          if (!question) throw new Error(`Template ${template.slug} names unknown question ${item.question}`);
          await tx.questionnaireItem.create({
            data: {
              questionnaireId: questionnaire.id,
              sectionId: dbSection.id,
              questionId: question.id,
              questionVersion: question.version,
              name: item.question,
              position: i,
              required: item.required,
              relevant: item.relevant ?? undefined,
            },
          });
        }
      }
    });
    count++;
  }
  return count;
}
