// A researcher links a question of their questionnaire's own form to the bank question it asks
// (the form keeps its wording; the link records which bank question, and version, it stands for),
// or removes that link. Only the questionnaire's editor may; only a published bank question; only a
// question the form has. Each write is audited.
import "server-only";
import { z } from "zod";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { can, type Person } from "../auth/permissions";
import type { FormModel, SurveyNode } from "../xlsform/form";
import { BuilderError } from "./errors";
import { ownPathSchema } from "./own-form-schema";

export const formLinkSchema = z.object({
  questionnaireId: z.string().min(1).max(64),
  path: ownPathSchema,
  /** The bank question to link to; null removes the link */
  code: z.string().trim().min(1).max(64).nullable(),
});

function hasQuestion(form: FormModel, path: string[]): boolean {
  let nodes: SurveyNode[] = form.survey;
  for (const [depth, name] of path.entries()) {
    const node = nodes.find((n) => n.kind !== "skipped" && n.name === name);
    if (!node) return false;
    if (depth === path.length - 1) return node.kind === "question";
    if (node.kind === "question" || node.kind === "skipped") return false;
    nodes = node.children;
  }
  return false;
}

export async function setFormLink({ actor, input }: { actor: Person | null; input: unknown }) {
  const { questionnaireId, path, code } = formLinkSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await tx.questionnaire.findUnique({
      where: { id: questionnaireId },
      select: { id: true, ownerId: true, visibility: true, revision: true, form: true },
    });
    if (!q || !can(actor, "questionnaire.read", q)) throw new BuilderError("notFound");
    if (!can(actor, "questionnaire.edit", q)) throw new BuilderError("forbidden");
    if (!q.form || !hasQuestion(q.form as unknown as FormModel, path)) throw new BuilderError("notFound");
    const key = path.join("/");
    const before = await tx.questionnaireFormLink.findUnique({
      where: { questionnaireId_path: { questionnaireId, path: key } },
      select: { questionVersion: true, question: { select: { code: true } } },
    });
    let after: { code: string; version: number } | null = null;
    if (code) {
      const question = await tx.question.findUnique({
        where: { code },
        select: { id: true, version: true, status: true },
      });
      if (!question || question.status !== "published") throw new BuilderError("unknownQuestions", { codes: [code] });
      await tx.questionnaireFormLink.upsert({
        where: { questionnaireId_path: { questionnaireId, path: key } },
        create: { questionnaireId, path: key, questionId: question.id, questionVersion: question.version },
        update: { questionId: question.id, questionVersion: question.version },
      });
      after = { code, version: question.version };
    } else {
      await tx.questionnaireFormLink.deleteMany({ where: { questionnaireId, path: key } });
    }
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "questionnaire.formLink",
      entityType: "questionnaire",
      entityId: questionnaireId,
      before: before ? { path: key, code: before.question.code, version: before.questionVersion } : null,
      after: after ? { path: key, ...after } : { path: key, code: null },
    });
    return { revision: q.revision, link: after };
  });
}
