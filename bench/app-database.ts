// The benchmark's child processes use the app's own database client (lib/db/client.ts), which keeps
// its connection on globalThis and has no close function (the app never closes it). PGlite must be
// closed before another process opens the same folder, so the children close it here.
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "../lib/db/generated/client";

type Holder = { client?: Promise<{ prisma: PrismaClient; opened: { pglite?: PGlite } }> };

const holder = () => (globalThis as { __questionBankDb?: Holder }).__questionBankDb;

/** The app's PGlite instance when the app's client is open on PGlite (null on PostgreSQL or before getDb). */
export async function appPglite(): Promise<PGlite | null> {
  const client = holder()?.client;
  return client ? ((await client).opened.pglite ?? null) : null;
}

export async function closeAppDatabase() {
  const client = holder()?.client;
  if (!client) return;
  const { prisma, opened } = await client;
  await prisma.$disconnect();
  await opened.pglite?.close();
}
