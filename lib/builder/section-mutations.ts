// The builder's changes to a questionnaire's sections (add, rename, remove, move), inside the
// transaction lib/builder/mutations.ts opens, and the section helpers the item changes share:
// a free XLSForm name, a new section, a section of this questionnaire or a refusal.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { Language, PartialLocalizedText } from "../i18n/languages";
import { BuilderError } from "./errors";
import { defaultSectionTitle } from "./default-texts";
import type { ParsedBuilderChange } from "./schema";

type Tx = Prisma.TransactionClient;
type SectionChange = Extract<
  ParsedBuilderChange,
  { op: "addSection" | "renameSection" | "removeSection" | "moveSection" }
>;

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

/** A name no section or item of this questionnaire uses (XLSForm names must be unique, whatever the case). */
export async function freeName(
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

export async function createSection(
  tx: Tx,
  questionnaireId: string,
  languages: Language[],
  title?: PartialLocalizedText,
) {
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

export async function sectionOf(tx: Tx, questionnaireId: string, sectionId: string) {
  const section = await tx.questionnaireSection.findFirst({
    where: { id: sectionId, questionnaireId },
    select: { id: true, name: true },
  });
  if (!section) throw new BuilderError("unknownSection");
  return section;
}

/** One change to the questionnaire's sections, inside the claimed revision. */
export async function applySectionChange(
  tx: Tx,
  q: { id: string; languages: Language[] },
  change: SectionChange,
): Promise<{ details: Record<string, unknown> }> {
  switch (change.op) {
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
  }
}
