// Writing questionnaires in the builder. Every change is one transaction that (1) checks the
// person may edit this questionnaire, (2) claims the revision it was made on: a change made on a
// stale copy is refused, never applied over someone else's, (3) applies the change, (4) refuses
// it when a skip-logic rule would be left pointing forward or at nothing, and (5) records the audit
// event. Nothing is half-written: a refusal rolls everything back.
// The change families live beside this dispatcher: item-mutations.ts, section-mutations.ts,
// own-form-mutations.ts; the claim in revision-claim-mutations.ts, the outline in outline-data.ts.
import "server-only";
import { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import type { Person } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import { builderChangeSchema, type BuilderChange, type ParsedBuilderChange } from "./schema";
import { structuralProblems } from "./skip-logic";
import { BuilderError } from "./errors";
import { TX_OPTIONS, claim } from "./revision-claim-mutations";
import { loadOutline } from "./outline-data";
import { applyItemChange } from "./item-mutations";
import { applySectionChange } from "./section-mutations";
import { applyOwnFormChange } from "./own-form-mutations";
import { checkHazard } from "./questionnaire-mutations";
import { keepUndo, restoreUndo } from "./undo-mutations";

export type { AddOutcome } from "./item-mutations";
export { createQuestionnaire, deleteQuestionnaire, duplicateQuestionnaire } from "./questionnaire-mutations";

type Tx = Prisma.TransactionClient;

async function applyChange(
  tx: Tx,
  actor: Person,
  q: { id: string; revision: number; languages: Language[] },
  change: ParsedBuilderChange,
): Promise<{ details: Record<string, unknown> }> {
  switch (change.op) {
    case "updateSettings": {
      const s = change.settings;
      await checkHazard(tx, s.hazard);
      await tx.questionnaire.update({
        where: { id: q.id },
        data: {
          title: s.title,
          description: s.description,
          languages: s.languages,
          defaultLanguage: s.defaultLanguage,
          fallbackLanguage: s.fallbackLanguage,
          formId: s.formId,
          ...(s.hazard !== undefined ? { hazardCode: s.hazard } : {}),
        },
      });
      return { details: { settings: s } };
    }
    case "addQuestions":
    case "addIndicator":
    case "moveItem":
    case "removeItem":
    case "updateItem":
    case "customiseItem":
    case "updateFromBank":
      return applyItemChange(tx, actor, q, change);
    case "addSection":
    case "renameSection":
    case "removeSection":
    case "moveSection":
      return applySectionChange(tx, q, change);
    case "editOwnQuestion":
    case "addOwnQuestion":
    case "deleteOwnQuestion":
    case "addOwnContainer":
    case "moveOwnNode":
    case "saveOwnChoiceList":
    case "renameOwnNode":
    case "renameOwnChoiceList":
    case "renameOwnChoice":
    case "deleteOwnChoiceList":
      return applyOwnFormChange(tx, q, change);
    case "undo":
      // The page showed the revision the last change made; the claim has moved past it by one.
      return { details: { undone: (await restoreUndo(tx, q.id, q.revision - 1)).op } };
  }
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
  "renameOwnNode",
  "renameOwnChoiceList",
  "renameOwnChoice",
  "deleteOwnChoiceList",
  // It puts back what the checks accepted before the change it undoes.
  "undo",
]);

/** Applies one builder change made on `revision`; returns the questionnaire's new revision. */
export async function applyBuilderChange({
  actor,
  change,
}: {
  actor: Person | null;
  change: BuilderChange;
}): Promise<ChangeOutcome> {
  const parsed = builderChangeSchema.parse(change);
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const q = await claim(tx, actor, parsed.questionnaireId, parsed.revision);
      if (parsed.op !== "undo") await keepUndo(tx, q.id, { revision: q.revision, op: parsed.op, actorId: actor!.id });
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
