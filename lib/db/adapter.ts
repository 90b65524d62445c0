// Chooses the Prisma driver adapter: PostgreSQL when DATABASE_URL is set, else the embedded PGlite.
import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPglite } from "./pglite";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir?: string };

export type OpenedAdapter = {
  adapter: PrismaPg | PrismaPGlite;
  target: DatabaseTarget;
  /** The PGlite instance, so that its owner can close it (the adapter does not). */
  pglite?: PGlite;
};

export function resolveTarget(env: { DATABASE_URL?: string; PGLITE_DIR: string }): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.PGLITE_DIR };
}

export async function openAdapter(target: DatabaseTarget): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    // A short connection timeout makes requests fail fast (and recover) when PostgreSQL restarts.
    const adapter = new PrismaPg({ connectionString: target.url, connectionTimeoutMillis: 5_000, max: 10 });
    return { adapter, target };
  }
  const pglite = await openPglite(target.dataDir);
  return { adapter: new PrismaPGlite(pglite), target, pglite };
}
