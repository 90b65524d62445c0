// `npm start` (and `npm run dev` with --dev): everything a newcomer needs in one command.
// 1. generate the Prisma client if schema.prisma changed; 2. build if the sources changed since
// the last build (production mode only); 3. migrate the database and seed it when it is empty;
// 4. start Next.js and print the address.
// The database step runs before Next starts and closes PGlite again: PGlite allows one process.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { readEnv } from "../lib/env";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const env = readEnv();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const clientIndex = path.join(root, "lib/db/generated/client.ts");
if (!existsSync(clientIndex) || statSync(clientIndex).mtimeMs < statSync(path.join(root, "prisma/schema.prisma")).mtimeMs) {
  run("npx", ["prisma", "generate"], { PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" });
}

if (!dev) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "messages"].map((d) => newestMtime(path.join(root, d)));
  const configFiles = ["next.config.ts", "proxy.ts", "package.json"].map((f) => statSync(path.join(root, f)).mtimeMs);
  if (!existsSync(buildId) || Math.max(...sources, ...configFiles) > statSync(buildId).mtimeMs) {
    console.log("Building the app (first start, or the sources changed)…");
    run("npx", ["next", "build"]);
  }
}

console.log(env.DATABASE_URL ? "Database: PostgreSQL (DATABASE_URL)" : `Database: embedded PGlite in ${env.PGLITE_DIR}`);
run("npx", ["tsx", "scripts/db.ts", "prepare"]);

const host = process.env.HOST ?? "127.0.0.1";
const next = spawn("npx", ["next", dev ? "dev" : "start", "--hostname", host, "--port", String(env.PORT)], { stdio: "inherit" });
console.log(`\nQuestion Bank: http://${host === "0.0.0.0" ? "localhost" : host}:${env.PORT}/\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
