// One fresh database per bank size: a PostgreSQL database created (and dropped afterwards) on the
// server of the URL given, never the URL's own database; or PGlite in a fresh temporary folder.
// Filled by scripts/generate-bank.ts, the same generator `npm run bank:generate` runs.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { cleanupStep, runToEnd, type Env } from "./processes";

export type BenchDatabase = {
  kind: "postgres" | "pglite";
  /** What the app and the scripts need in their environment to use this database. */
  env: Env;
  url?: string;
  dir?: string;
  drop: () => Promise<void>;
};

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string | undefined, questions: number): Promise<BenchDatabase> {
  if (adminUrl) {
    const name = `qb_benchrun_${process.pid}_${questions}`;
    await onServer(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.query(`CREATE DATABASE ${name}`);
    });
    const url = withDatabase(adminUrl, name);
    const drop = cleanupStep(async () => {
      await onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    });
    return { kind: "postgres", env: { DATABASE_URL: url }, url, drop };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `qb-bench-${questions}-`));
  const drop = cleanupStep(() => rm(dir, { recursive: true, force: true }));
  // An empty DATABASE_URL counts as unset (lib/env.ts): the scripts and the app use PGlite in `dir`.
  return { kind: "pglite", env: { DATABASE_URL: "", PGLITE_DIR: dir }, dir, drop };
}

/** Migrates, seeds the real bank and adds synthetic questions up to `questions`; returns the seconds it took. */
export async function fillDatabase(db: BenchDatabase, questions: number): Promise<number> {
  const started = performance.now();
  await runToEnd(
    process.execPath,
    [
      "--import",
      "./scripts/server-only.mjs",
      "--import",
      "tsx",
      "scripts/generate-bank.ts",
      "--questions",
      String(questions),
    ],
    {
      env: db.env,
      timeoutMs: 30 * 60_000,
    },
  );
  return Math.round((performance.now() - started) / 100) / 10;
}

export async function serverVersion(adminUrl: string): Promise<string> {
  return onServer(adminUrl, async (c) => String((await c.query("SHOW server_version")).rows[0].server_version));
}
