// The embedded PostgreSQL (PGlite, WebAssembly, in-process) with the extensions search needs.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { mkdirSync } from "node:fs";
import path from "node:path";

// One process may open a PGlite folder only once. The production server migrates and seeds the
// folder before Next handles a request (scripts/server.ts) and hands the open database over to the
// app's client, whose modules are Next's bundled copies of these: hence globalThis, not a variable.
type HandedOver = { dataDir: string; pglite: PGlite };
const slot = globalThis as { __questionBankHandedOverPglite?: HandedOver };

/** Leaves an open PGlite for the next openPglite() of the same folder in this process. */
export function handOverPglite(dataDir: string, pglite: PGlite): void {
  slot.__questionBankHandedOverPglite = { dataDir: path.resolve(dataDir), pglite };
}

/** Opens PGlite in `dataDir` (created if missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  const handed = slot.__questionBankHandedOverPglite;
  if (dataDir && handed?.dataDir === path.resolve(dataDir)) {
    slot.__questionBankHandedOverPglite = undefined;
    return handed.pglite;
  }
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  return pg;
}
