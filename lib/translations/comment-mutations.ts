// A comment on a translation's thread, by its translators or reviewers (a reviewer's return
// comment is written with the step, in transition-mutations.ts).
import "server-only";
import { getDb } from "../db/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import type { Language } from "../i18n/languages";
import { TranslationError } from "./errors";
import { commentSchema } from "./schema";
import { isInWorkingSet } from "../bank/visibility";
import { parse, requireActor } from "./write-core-mutations";

/** A comment on the translation's thread, by its translators or reviewers. */
export async function addTranslationComment(actor: Actor, raw: { code: string; lang: string; body: string }) {
  requireActor(actor);
  const input = parse(commentSchema, raw);
  const lang = input.lang as Language;
  if (!can(actor, "translation.edit", { lang }) && !can(actor, "translation.review", { lang }))
    throw new TranslationError("forbidden");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await tx.question.findUnique({ where: { code: input.code }, select: { id: true, status: true } });
    if (!q || !isInWorkingSet(q.status)) throw new TranslationError("notFound");
    const comment = await tx.translationComment.create({
      data: { questionId: q.id, lang, body: input.body, authorId: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "translation.comment",
      entityType: "translation",
      entityId: `${input.code}:${lang}`,
      after: { body: input.body },
    });
    return comment;
  });
}
