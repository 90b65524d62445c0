// Reads of uploaded submissions: always of one person's own datasets (the caller passes who is
// asking; a dataset of someone else is "not found", never told apart from one that does not exist).
// A dataset's answers are read column by column, only the columns asked for (column-store.ts); a
// dataset stored before the column store (its rows as one JSON document) is encoded as it is read.
import "server-only";
import { getDb } from "../db/client";
import { decodeColumn, type ColumnData, type StoredColumn } from "./column-store";
import { encodeTable } from "./ingest";
import type { ColumnMapping, DefinitionVersions } from "./plan";
import type { ColumnSource } from "./submissions";

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
  /** Its columns, the ones asked for read (column() of any other is null) */
  source: ColumnSource;
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

/** Which headers to read of a dataset; by default every column kept. */
export type ColumnChoice = (dataset: { headers: string[] }) => readonly string[];

const sourceOf = (
  headers: string[],
  columns: StoredColumn[],
  rowCount: number,
  data: Map<number, ColumnData | null>,
): ColumnSource => ({ headers, columns, rowCount, column: (i) => data.get(i) ?? null });

async function readColumns(
  datasetId: string,
  headers: string[],
  columns: StoredColumn[],
  rowCount: number,
  wanted: Set<number>,
) {
  const db = await getDb();
  const chunks = await db.resultsChunk.findMany({
    where: { datasetId, column: { in: [...wanted] } },
    orderBy: [{ column: "asc" }, { chunk: "asc" }],
    select: { column: true, data: true },
  });
  const byColumn = new Map<number, Uint8Array[]>();
  for (const c of chunks) {
    const list = byColumn.get(c.column) ?? [];
    list.push(c.data);
    byColumn.set(c.column, list);
  }
  const data = new Map<number, ColumnData | null>();
  for (const i of wanted) data.set(i, decodeColumn(columns[i], byColumn.get(i) ?? [], rowCount));
  return sourceOf(headers, columns, rowCount, data);
}

/** A dataset of the old form: its rows encoded in memory (they were at most a 20 MB file). */
function legacySource(headers: string[], rows: string[][]): ColumnSource {
  const encoded = encodeTable(headers, rows);
  const data = new Map<number, ColumnData | null>();
  encoded.columns.forEach((c, i) => data.set(i, decodeColumn(c, encoded.chunks[i], encoded.rowCount)));
  return sourceOf(encoded.headers, encoded.columns, encoded.rowCount, data);
}

/** The datasets named (at most a handful: the page's selection), the owner's only, in the order asked. */
export async function findStoredDatasets(
  questionnaireId: string,
  ownerId: string,
  ids: readonly string[],
  choose?: ColumnChoice,
): Promise<StoredDataset[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const found = await db.resultsDataset.findMany({
    where: { questionnaireId, ownerId, id: { in: [...ids] } },
    select: { ...SUMMARY, headers: true, mapping: true, definitions: true, columns: true, rows: true },
  });
  const byId = new Map(found.map((d) => [d.id, d]));
  const out: StoredDataset[] = [];
  for (const id of ids) {
    const d = byId.get(id);
    if (!d) continue;
    const headers = d.headers as string[];
    const columns = d.columns as StoredColumn[] | null;
    let source: ColumnSource;
    if (columns) {
      const names = choose ? new Set(choose({ headers })) : null;
      const wanted = new Set(
        columns.flatMap((c, i) => (c.kind !== "dropped" && (!names || names.has(c.header)) ? [i] : [])),
      );
      source = await readColumns(d.id, headers, columns, d.rowCount, wanted);
    } else source = legacySource(headers, (d.rows ?? []) as string[][]);
    const { columns: _columns, rows: _rows, ...summary } = d;
    out.push({
      ...summary,
      headers,
      mapping: d.mapping as ColumnMapping,
      definitions: d.definitions as DefinitionVersions,
      source,
    });
  }
  return out;
}
