// Reads of the hazards: the list a researcher chooses from, and one hazard's names. A stored row
// whose forms no longer parse is left out rather than written half into a questionnaire.
import "server-only";
import { getDb } from "../db/client";
import { hazardNamesSchema, type Hazard } from "./schema";

function hazardOf(row: { code: string; forms: unknown }): Hazard | null {
  const parsed = hazardNamesSchema.safeParse(row.forms);
  return parsed.success ? { code: row.code, names: parsed.data } : null;
}

export async function findHazards(): Promise<Hazard[]> {
  const db = await getDb();
  const rows = await db.hazard.findMany({ orderBy: [{ position: "asc" }, { code: "asc" }] });
  return rows.map(hazardOf).filter((h): h is Hazard => h !== null);
}

export async function findHazard(code: string | null | undefined): Promise<Hazard | null> {
  if (!code || code.length > 40) return null;
  const db = await getDb();
  const row = await db.hazard.findUnique({ where: { code } });
  return row ? hazardOf(row) : null;
}
