// Writes of uploaded submissions. An upload is read, matched and checked whole before anything is
// written, then stored with its audit record in one transaction: a refused file leaves nothing
// behind. Deleting claims the dataset (it must still be the person's own) in the same transaction
// as its audit record.
import "server-only";
import { recordAudit } from "../audit/mutations";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { findQuestionnaireAccess } from "../questionnaires/data";
import { findResultsCodebook } from "./codebook-data";
import { ResultsError } from "./errors";
import { checkSubmissions, planFromCodebook } from "./plan";
import { readSubmissionsFile } from "./read-file";
import { deleteDatasetSchema, uploadDatasetSchema, type DeleteDatasetInput, type UploadDatasetInput } from "./schema";

export async function uploadDataset(
  actor: Actor,
  input: UploadDatasetInput & { bytes: Uint8Array },
): Promise<{ id: string; rows: number; unmatched: string[]; missing: string[] }> {
  const { questionnaireId, name, fileName } = uploadDatasetSchema.parse(input);
  const access = await findQuestionnaireAccess(questionnaireId);
  if (!access || access.id !== questionnaireId || !can(actor, "questionnaire.read", access))
    throw new ResultsError("notFound");
  if (!actor || !can(actor, "results.upload", access)) throw new ResultsError("forbidden");
  const codebook = await findResultsCodebook(questionnaireId);
  if (!codebook) throw new ResultsError("formNotReady");
  const plan = planFromCodebook(codebook);
  const table = await readSubmissionsFile(input.bytes);
  const mapping = checkSubmissions(table, plan);
  const db = await getDb();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.resultsDataset.create({
      data: {
        questionnaireId,
        ownerId: actor.id,
        name,
        fileName: fileName || "submissions",
        format: table.format,
        rowCount: table.rows.length,
        headers: table.headers,
        mapping: mapping as unknown as Prisma.InputJsonValue,
        definitions: plan.versions,
        rows: table.rows,
      },
      select: { id: true },
    });
    // The audit says what was uploaded, not the answers themselves (they stay private to the uploader).
    await recordAudit(tx, {
      actorId: actor.id,
      action: "resultsDataset.upload",
      entityType: "resultsDataset",
      entityId: row.id,
      after: { questionnaireId, name, fileName, format: table.format, rows: table.rows.length },
    });
    return row;
  });
  return { id: created.id, rows: table.rows.length, unmatched: mapping.unmatched, missing: mapping.missing };
}

export async function deleteDataset(actor: Actor, input: DeleteDatasetInput): Promise<void> {
  const { questionnaireId, datasetId } = deleteDatasetSchema.parse(input);
  const db = await getDb();
  const found = await db.resultsDataset.findFirst({
    where: { id: datasetId, questionnaireId },
    select: { id: true, ownerId: true, name: true, fileName: true, rowCount: true },
  });
  if (!found || !can(actor, "results.read", found)) throw new ResultsError("notFound");
  if (!actor || !can(actor, "results.delete", found)) throw new ResultsError("forbidden");
  await db.$transaction(async (tx) => {
    // Claimed by owner: a dataset deleted meanwhile (another tab) is "not found", and nothing is audited twice.
    const { count } = await tx.resultsDataset.deleteMany({ where: { id: datasetId, ownerId: actor.id } });
    if (count === 0) throw new ResultsError("notFound");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "resultsDataset.delete",
      entityType: "resultsDataset",
      entityId: datasetId,
      before: { questionnaireId, name: found.name, fileName: found.fileName, rows: found.rowCount },
    });
  });
}
