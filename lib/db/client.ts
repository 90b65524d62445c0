// The one Prisma client of the app. Only data-access files (lib/**/data.ts, lib/**/mutations.ts)
// and database tooling may import it (enforced by eslint.config.js).
import "server-only";
import { PrismaClient } from "./generated/client";
import { openAdapter, resolveTarget, type OpenedAdapter } from "./adapter";
import { readEnv } from "../env";

export type Db = PrismaClient;

type Holder = { client?: Promise<{ prisma: PrismaClient; opened: OpenedAdapter }> };
// Kept on globalThis so that hot reload in development does not open PGlite twice.
const holder = ((globalThis as { __questionBankDb?: Holder }).__questionBankDb ??= {});

async function createClient() {
  const opened = await openAdapter(resolveTarget(readEnv()));
  return { prisma: new PrismaClient({ adapter: opened.adapter }), opened };
}

/** The shared client, opened on first use (never at import: `next build` must not touch the database). */
export async function getDb(): Promise<PrismaClient> {
  holder.client ??= createClient().catch((error) => {
    holder.client = undefined;
    throw error;
  });
  return (await holder.client).prisma;
}

/** Which database the shared client talks to, for the health endpoint. */
export async function getDbKind(): Promise<"postgres" | "pglite"> {
  await getDb();
  return (await holder.client!).opened.target.kind;
}
