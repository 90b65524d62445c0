// Migrations through Prisma's own schema engine compiled to WebAssembly, so that they run on
// PGlite and PostgreSQL alike without Prisma's native binary (see ../shared/notes/stack.md).
// The `_prisma_migrations` table it writes is the same one `prisma migrate deploy` uses.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPglite } from "./pglite";
import { PrismaClient } from "./generated/client";

const root = process.cwd();
export const migrationsDir = path.join(root, "prisma", "migrations");
export const schemaPath = path.join(root, "prisma", "schema.prisma");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
// Kept on globalThis: the engine's JavaScript glue is one module per process (Node's cache), but this
// file can be loaded more than once (vitest gives each project its own module graph). Instantiating
// the WebAssembly twice into the same glue, or running two engines at once, corrupts it.
const shared = ((
  globalThis as { __questionBankSchemaEngine?: { module?: Promise<EngineModule>; queue: Promise<unknown> } }
).__questionBankSchemaEngine ??= { queue: Promise.resolve() });

async function loadEngineModule() {
  shared.module ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return shared.module;
}

type ScriptRunner = { executeScript(script: string): Promise<void>; onError?(error: unknown): never; client?: unknown };

/**
 * Runs each migration script whole. PrismaPg's executeScript splits a script on every ";" (which breaks
 * function bodies, triggers and even comments), and pglite-prisma-adapter's does not wait for its exec.
 * Both drivers accept a multi-statement script in one call (simple query protocol).
 */
function runScriptsWhole(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = <T>(adapter: T): T => {
    const runner = adapter as T & ScriptRunner;
    const driver = runner.client as
      { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> } | undefined;
    if (!driver) return adapter;
    runner.executeScript = async (script: string) => {
      try {
        await (driver.exec ? driver.exec(script) : driver.query!(script));
      } catch (error) {
        if (runner.onError) runner.onError(error);
        throw error;
      }
    };
    return adapter;
  };
  return new Proxy(factory, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "connect" || prop === "connectToShadowDb") {
        return async (...args: unknown[]) =>
          patch(await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// The engine is not re-entrant: two at work at once (vitest runs the global setups of the PGlite
// and PostgreSQL projects side by side) panic. Every use of it waits for the previous one.
function withEngineLock<T>(work: () => Promise<T>): Promise<T> {
  const run = shared.queue.then(work, work);
  shared.queue = run.catch(() => undefined);
  return run;
}

async function createEngine(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const bg = await loadEngineModule();
  const schema = await readFile(schemaPath, "utf8");
  const log = () => {};
  return bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(runScriptsWhole(adapter)),
  );
}

export async function readMigrationList(): Promise<MigrationList> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Names of the migrations the database records as applied ([] when it has no migration table yet). */
async function appliedMigrationNames(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const prisma = new PrismaClient({ adapter });
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows.map((r) => r.migration_name);
  } catch {
    return [];
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Applies every migration not yet applied and returns their names. Loading the schema engine takes
 * seconds, so an up-to-date database (the usual start) is recognised first without it.
 */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const list = await readMigrationList();
  const applied = new Set(await appliedMigrationNames(adapter));
  if (list.migrationDirectories.every((m) => applied.has(m.path))) return [];
  return withEngineLock(async () => {
    const engine = await createEngine(adapter);
    try {
      const result = await engine.applyMigrations({
        migrationsList: list,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.appliedMigrationNames;
    } finally {
      engine.free();
    }
  });
}

/**
 * The SQL that would bring the migrations up to schema.prisma: empty when they agree.
 * Runs the migrations on a throw-away in-memory PGlite (describing a database works through PGlite only).
 */
export function diffSchemaAgainstMigrations(): Promise<string> {
  return withEngineLock(diffOnShadow);
}

async function diffOnShadow(): Promise<string> {
  // Every database here loads the extensions the migrations create (pg_trgm, unaccent), including
  // the shadow database the engine replays the migrations on (the adapter's own has none).
  const shadow = await openPglite();
  const shadows: PGlite[] = [shadow];
  const factory = new PrismaPGlite(shadow);
  factory.connectToShadowDb = async () => {
    const extra = await openPglite();
    shadows.push(extra);
    return new PrismaPGlite(extra).connect();
  };
  const engine = await createEngine(factory);
  try {
    const schema = await readFile(schemaPath, "utf8");
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrationList()) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    engine.free();
    await Promise.all(shadows.map((pg) => pg.close()));
  }
}
