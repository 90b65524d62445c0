// Database tooling: `tsx scripts/db.ts <command>`; see "Database" in the README.
//   migrate             apply pending migrations to the configured database
//   migration:create N  write prisma/migrations/<timestamp>_N/migration.sql from schema.prisma
//   drift               exit 1 when schema.prisma and the migrations disagree
//   seed                migrate, then load the seed bank (idempotent)
//   prepare             migrate, then seed only when the bank is empty (before `npm run dev`;
//                       `npm start`'s server does the same in its own process)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { openAdapter, resolveTarget } from "../lib/db/adapter";
import { applyMigrations, diffSchemaAgainstMigrations, migrationsDir } from "../lib/db/migrations";
import { readEnv } from "../lib/env";
import { prepareDatabase } from "./prepare-database";

async function withAdapter<T>(fn: (opened: Awaited<ReturnType<typeof openAdapter>>) => Promise<T>): Promise<T> {
  const opened = await openAdapter(resolveTarget(readEnv()));
  try {
    return await fn(opened);
  } finally {
    await opened.pglite?.close();
  }
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case "migrate": {
      const applied = await withAdapter(({ adapter }) => applyMigrations(adapter));
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
      return;
    }
    case "migration:create": {
      if (!arg || !/^[a-z0-9_]+$/.test(arg))
        throw new Error("Give the migration a snake_case name: npm run db:migration:create -- add_tags");
      const sql = await diffSchemaAgainstMigrations();
      if (!sql) return console.log("schema.prisma and the migrations agree: nothing to write.");
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${arg}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "migration.sql"), sql + "\n");
      console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql: review it, then npm run db:migrate`);
      return;
    }
    case "drift": {
      const sql = await diffSchemaAgainstMigrations();
      if (sql) {
        console.error("schema.prisma and prisma/migrations disagree. Missing migration:\n" + sql);
        process.exit(1);
      }
      console.log("No drift.");
      return;
    }
    case "seed": {
      const { seedDatabase } = await import("../prisma/seed");
      await withAdapter(async ({ adapter }) => {
        await applyMigrations(adapter);
        await seedDatabase(adapter, {
          demoAccounts: process.env.SEED_DEMO_ACCOUNTS === "1" || !readEnv().DATABASE_URL,
        });
      });
      return;
    }
    case "prepare": {
      const demoAccounts = process.env.SEED_DEMO_ACCOUNTS === "1" || !readEnv().DATABASE_URL;
      await withAdapter((opened) => prepareDatabase(opened, demoAccounts));
      return;
    }
    default:
      throw new Error(
        `Unknown command "${command ?? ""}". Commands: migrate, migration:create NAME, drift, seed, prepare`,
      );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
