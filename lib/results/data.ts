// Reads of uploaded submissions: always of one person's own datasets (the caller passes who is
// asking; a dataset of someone else is "not found", never told apart from one that does not exist).
import "server-only";
import { getDb } from "../db/client";
import type { ColumnMapping, DefinitionVersions } from "./plan";

export type DatasetSummary = {
  id: string;
  ownerId: string;
  name: string;
  fileName: string;
  format: string;
  rowCount: number;
  uploadedAt: Date;
};

export type StoredDataset = DatasetSummary & {
  headers: string[];
  mapping: ColumnMapping;
  definitions: DefinitionVersions;
  rows: string[][];
};

const SUMMARY = {
  id: true,
  ownerId: true,
  name: true,
  fileName: true,
  format: true,
  rowCount: true,
  uploadedAt: true,
} as const;

export async function findDatasets(questionnaireId: string, ownerId: string): Promise<DatasetSummary[]> {
  const db = await getDb();
  return db.resultsDataset.findMany({
    where: { questionnaireId, ownerId },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
    select: SUMMARY,
  });
}

/** The datasets named (at most a handful: the page's selection), the owner's only, in the order asked. */
export async function findStoredDatasets(
  questionnaireId: string,
  ownerId: string,
  ids: readonly string[],
): Promise<StoredDataset[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const found = await db.resultsDataset.findMany({
    where: { questionnaireId, ownerId, id: { in: [...ids] } },
    select: { ...SUMMARY, headers: true, mapping: true, definitions: true, rows: true },
  });
  const byId = new Map(found.map((d) => [d.id, d]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    return [
      {
        ...d,
        headers: d.headers as string[],
        mapping: d.mapping as ColumnMapping,
        definitions: d.definitions as DefinitionVersions,
        rows: d.rows as string[][],
      },
    ];
  });
}
