// Undo of the builder's last change. Before each change, inside its transaction, the questionnaire
// as it was (its settings, own form, sections, items and form links) is copied into
// `questionnaire_undo`, marked with the revision the change makes. Undoing puts that copy back,
// only while the questionnaire is still at that revision: a later change, by anyone, replaces the
// copy (one level of undo, as the builder offers it), and a stale page's undo is refused as a
// conflict by the revision claim like any other change.
// Both directions are single SQL statements run in the database: the copy never travels through
// the server, so keeping it costs each write one round trip (bench/README.md, builder writes).
import "server-only";
import type { Prisma } from "../db/generated/client";
import { BuilderError } from "./errors";

type Tx = Prisma.TransactionClient;

/** Keeps the questionnaire as it is now, as the undo of the change about to make `revision`. */
export async function keepUndo(
  tx: Tx,
  questionnaireId: string,
  { revision, op, actorId }: { revision: number; op: string; actorId: string },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "questionnaire_undo" ("questionnaireId", "revision", "op", "snapshot", "actorId")
    SELECT q."id", ${revision}::int, ${op}::text,
      jsonb_build_object(
        'questionnaire', jsonb_build_object(
          'title', q."title", 'description', q."description", 'languages', to_jsonb(q."languages"),
          'defaultLanguage', q."defaultLanguage", 'fallbackLanguage', q."fallbackLanguage",
          'form', q."form", 'formId', q."formId", 'hazardCode', q."hazardCode"),
        'sections', (SELECT COALESCE(jsonb_agg(to_jsonb(s)), '[]') FROM "questionnaire_section" s WHERE s."questionnaireId" = q."id"),
        'items', (SELECT COALESCE(jsonb_agg(to_jsonb(i)), '[]') FROM "questionnaire_item" i WHERE i."questionnaireId" = q."id"),
        'formLinks', (SELECT COALESCE(jsonb_agg(to_jsonb(l)), '[]') FROM "questionnaire_form_link" l WHERE l."questionnaireId" = q."id")
      ),
      ${actorId}::text
    FROM "questionnaire" q WHERE q."id" = ${questionnaireId}
    ON CONFLICT ("questionnaireId") DO UPDATE SET
      "revision" = EXCLUDED."revision", "op" = EXCLUDED."op", "snapshot" = EXCLUDED."snapshot",
      "actorId" = EXCLUDED."actorId", "createdAt" = now()`;
}

/**
 * Puts back the questionnaire as it was before its last change, made at `revision` (the revision
 * the page showed, already claimed by the caller). Returns the change undone. Refused when there is
 * nothing to undo at that revision, or when what the copy names is gone from the bank since.
 */
export async function restoreUndo(tx: Tx, questionnaireId: string, revision: number): Promise<{ op: string }> {
  const [undo] = await tx.$queryRaw<{ op: string; missing: boolean }[]>`
    SELECT u."op",
      EXISTS (
        SELECT 1 FROM jsonb_array_elements((u."snapshot"->'items') || (u."snapshot"->'formLinks')) AS r(row)
        WHERE NOT EXISTS (SELECT 1 FROM "question" WHERE "id" = r.row->>'questionId')
      ) OR (
        u."snapshot"->'questionnaire'->>'hazardCode' IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "hazard" WHERE "code" = u."snapshot"->'questionnaire'->>'hazardCode')
      ) AS "missing"
    FROM "questionnaire_undo" u
    WHERE u."questionnaireId" = ${questionnaireId} AND u."revision" = ${revision}::int`;
  if (!undo) throw new BuilderError("nothingToUndo");
  if (undo.missing) throw new BuilderError("undoUnavailable");

  await tx.$executeRaw`
    UPDATE "questionnaire" q SET
      "title" = s->'title', "description" = s->'description',
      "languages" = ARRAY(SELECT jsonb_array_elements_text(s->'languages')),
      "defaultLanguage" = s->>'defaultLanguage', "fallbackLanguage" = s->>'fallbackLanguage',
      "form" = CASE WHEN jsonb_typeof(s->'form') = 'object' THEN s->'form' END,
      "formId" = s->>'formId', "hazardCode" = s->>'hazardCode'
    FROM (SELECT "snapshot"->'questionnaire' AS s FROM "questionnaire_undo" WHERE "questionnaireId" = ${questionnaireId}) AS u
    WHERE q."id" = ${questionnaireId}`;
  // Items go with their sections (ON DELETE CASCADE); the copies come back with their ids.
  await tx.$executeRaw`DELETE FROM "questionnaire_form_link" WHERE "questionnaireId" = ${questionnaireId}`;
  await tx.$executeRaw`DELETE FROM "questionnaire_section" WHERE "questionnaireId" = ${questionnaireId}`;
  // Sections first: the items belong to them.
  await tx.$executeRaw`
    INSERT INTO "questionnaire_section" SELECT * FROM jsonb_populate_recordset(NULL::"questionnaire_section",
      (SELECT "snapshot"->'sections' FROM "questionnaire_undo" WHERE "questionnaireId" = ${questionnaireId}))`;
  await tx.$executeRaw`
    INSERT INTO "questionnaire_item" SELECT * FROM jsonb_populate_recordset(NULL::"questionnaire_item",
      (SELECT "snapshot"->'items' FROM "questionnaire_undo" WHERE "questionnaireId" = ${questionnaireId}))`;
  await tx.$executeRaw`
    INSERT INTO "questionnaire_form_link" SELECT * FROM jsonb_populate_recordset(NULL::"questionnaire_form_link",
      (SELECT "snapshot"->'formLinks' FROM "questionnaire_undo" WHERE "questionnaireId" = ${questionnaireId}))`;
  await tx.$executeRaw`DELETE FROM "questionnaire_undo" WHERE "questionnaireId" = ${questionnaireId}`;
  return { op: undo.op };
}
