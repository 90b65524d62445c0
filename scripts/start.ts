// `npm start` (and `npm run dev` with --dev): everything a newcomer needs in one command.
// 1. generate the Prisma client if schema.prisma changed; 2. build if the sources changed since
// the last build (production mode only; --no-build serves the existing build as it is); 3. migrate
// the database and seed it when it is empty; 4. start the server (scripts/server.ts; `next dev`
// with --dev) and print the address once /api/health answers.
// PGlite allows one process: `npm run dev` prepares the database in a step of its own and closes
// it before `next dev` starts; the production server prepares it in its own process.
// Every step runs in its own process group, so that SIGINT or SIGTERM to this script stops the
// whole tree (npx, tsx and Next each start children of their own) and nothing keeps serving.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { readEnv } from "../lib/env";

const dev = process.argv.includes("--dev");
const skipBuild = process.argv.includes("--no-build");
const root = process.cwd();
const env = readEnv();
const bin = (pkg: string, file: string) => path.join(root, "node_modules", pkg, file);
const TSX = bin("tsx", "dist/cli.mjs");

let current: ChildProcess | null = null;
let stopping = false;

/**
 * Signals the child's whole process group (it was started detached, as the group's leader). The
 * group outlives its leader while any member does, so this is sent even after the leader exited.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function spawnStep(command: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  // stdin ignored: a detached group is not the terminal's foreground group, and reading it would stop it.
  const child = spawn(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: { ...process.env, ...extraEnv },
  });
  current = child;
  return child;
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  const child = spawnStep(command, args, extraEnv);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      current = null;
      if (stopping) return;
      if (code !== 0) process.exit(code ?? (signal ? 1 : 0));
      resolve();
    });
  });
}

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const child = current;
  if (!child) process.exit(signal === "SIGINT" ? 130 : 143);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, signal);
  // Next closes in well under a second; anything still there after ten is stopped for good.
  await Promise.race([exited, sleep(10_000)]);
  // The leader exiting does not take its group with it: whatever is left (or a leader that did not
  // stop in time) is killed, so that nothing is left serving the port.
  signalGroup(child, "SIGKILL");
  process.exit(signal === "SIGINT" ? 130 : 143);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Resolves once the server answers /api/health (any status: 503 means "up, database down"). */
async function waitForHealth(url: string, server: ChildProcess): Promise<number | null> {
  while (server.exitCode === null && server.signalCode === null && !stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      return response.status;
    } catch {
      await sleep(250);
    }
  }
  return null;
}

async function main() {
  const clientIndex = path.join(root, "lib/db/generated/client.ts");
  if (
    !existsSync(clientIndex) ||
    statSync(clientIndex).mtimeMs < statSync(path.join(root, "prisma/schema.prisma")).mtimeMs
  ) {
    await run(process.execPath, [bin("prisma", "build/index.js"), "generate"], {
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
    });
  }

  if (!dev) {
    const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
    const sources = ["app", "components", "lib", "messages"].map((d) => newestMtime(path.join(root, d)));
    const configFiles = ["next.config.ts", "proxy.ts", "package.json"].map((f) => statSync(path.join(root, f)).mtimeMs);
    const stale = !existsSync(buildId) || Math.max(...sources, ...configFiles) > statSync(buildId).mtimeMs;
    if (stale && !(skipBuild && existsSync(buildId))) {
      console.log("Building the app (first start, or the sources changed)…");
      await run(process.execPath, [bin("next", "dist/bin/next"), "build"]);
    }
  }

  console.log(
    env.DATABASE_URL ? "Database: PostgreSQL (DATABASE_URL)" : `Database: embedded PGlite in ${env.PGLITE_DIR}`,
  );
  // `next dev` is a process of its own: the database is prepared (and closed) before it. The
  // production server prepares it itself, while Next starts (scripts/server.ts).
  if (dev) await run(process.execPath, [TSX, "--import", "./scripts/server-only.mjs", "scripts/db.ts", "prepare"]);

  const host = process.env.HOST ?? "127.0.0.1";
  const server = dev
    ? spawnStep(process.execPath, [bin("next", "dist/bin/next"), "dev", "--hostname", host, "--port", String(env.PORT)])
    : spawnStep(process.execPath, [TSX, "--import", "./scripts/server-only.mjs", "scripts/server.ts"], {
        HOST: host,
        QB_PREPARE_DATABASE: "1",
      });
  server.on("exit", (code, signal) => {
    if (stopping) return;
    // The server died on its own: take down anything it left in its group, and say so.
    signalGroup(server, "SIGKILL");
    console.error(`The server stopped (${signal ?? `exit code ${code}`}).`);
    process.exit(code || 1);
  });

  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const probe = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : shown;
  const status = await waitForHealth(`http://${probe}:${env.PORT}/api/health`, server);
  if (status === null) return;
  if (status !== 200) console.warn(`The server answers, but /api/health says ${status}: is the database reachable?`);
  console.log(`\nQuestion Bank: http://${shown}:${env.PORT}/\n`);
}

void main();
