// A questionnaire as a whole: create one (with a first section), duplicate one the person may read
// into a private copy of their own, delete one. Each is its own transaction with its audit event;
// changes inside a questionnaire go through applyBuilderChange (lib/builder/mutations.ts).
import "server-only";
import { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { can, type Person } from "../auth/permissions";
import type { PartialLocalizedText } from "../i18n/languages";
import { BuilderError } from "./errors";
import { copyTitle } from "./default-texts";
import { deleteQuestionnaireSchema, duplicateQuestionnaireSchema, questionnaireSettingsSchema } from "./schema";
import { TX_OPTIONS, claim } from "./revision-claim-mutations";
import { createSection } from "./section-mutations";

/** A hazard named by a settings change must be one of the table's: refused (4xx) before any write, not a foreign-key failure. */
export async function checkHazard(tx: Prisma.TransactionClient, code: string | null | undefined): Promise<void> {
  if (!code) return;
  if (!(await tx.hazard.findUnique({ where: { code }, select: { code: true } })))
    throw new BuilderError("hazardUnknown");
}

/** A new, empty questionnaire owned by the person, with a first section ready for questions. */
export async function createQuestionnaire({
  actor,
  settings,
}: {
  actor: Person | null;
  settings: unknown;
}): Promise<{ id: string }> {
  if (!can(actor, "questionnaire.create")) throw new BuilderError("forbidden");
  const s = questionnaireSettingsSchema.parse(settings);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await checkHazard(tx, s.hazard);
    const q = await tx.questionnaire.create({
      data: {
        ownerId: actor!.id,
        title: s.title,
        description: s.description,
        languages: s.languages,
        defaultLanguage: s.defaultLanguage,
        fallbackLanguage: s.fallbackLanguage,
        formId: s.formId,
        hazardCode: s.hazard ?? null,
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
  actor: Person | null;
  input: unknown;
}): Promise<{ id: string }> {
  const { questionnaireId } = duplicateQuestionnaireSchema.parse(input);
  if (!can(actor, "questionnaire.create")) throw new BuilderError("forbidden");
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
        hazardCode: true,
        form: true,
        sections: {
          orderBy: { position: "asc" },
          select: { name: true, title: true, relevant: true, position: true, items: { orderBy: { position: "asc" } } },
        },
      },
    });
    if (!source || !can(actor, "questionnaire.read", source)) throw new BuilderError("notFound");
    const copy = await tx.questionnaire.create({
      data: {
        ownerId: actor!.id,
        title: copyTitle(source.title as PartialLocalizedText),
        description: source.description as Prisma.InputJsonValue,
        languages: source.languages,
        defaultLanguage: source.defaultLanguage,
        fallbackLanguage: source.fallbackLanguage,
        hazardCode: source.hazardCode,
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

export async function deleteQuestionnaire({ actor, input }: { actor: Person | null; input: unknown }): Promise<void> {
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
