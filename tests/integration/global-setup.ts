// Prepares the database of one integration project: a fresh PGlite directory, or a PostgreSQL
// test database emptied first; then migrations and the seed bank, exactly as `npm start` does.
import { rm } from "node:fs/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openAdapter } from "../../lib/db/adapter";
import { applyMigrations } from "../../lib/db/migrations";
import { seedDatabase } from "../../prisma/seed";

export default async function setup(project: TestProject) {
  const env = project.config.env as Record<string, string>;
  if (env.DATABASE_URL) {
    // Only a database named as a test database is emptied (see vitest.config.ts).
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    const opened = await openAdapter({ kind: "postgres", url: env.DATABASE_URL });
    await applyMigrations(opened.adapter);
    await seedDatabase(opened.adapter, { demoAccounts: true, log: () => {} });
    return;
  }
  await rm(env.PGLITE_DIR, { recursive: true, force: true });
  const opened = await openAdapter({ kind: "pglite", dataDir: env.PGLITE_DIR });
  try {
    await applyMigrations(opened.adapter);
    await seedDatabase(opened.adapter, { demoAccounts: true, log: () => {} });
  } finally {
    await opened.pglite?.close();
  }
}
