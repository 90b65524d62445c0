// The app as the benchmark runs it: one production build in its own folder (NEXT_DIST_DIR), then
// `next start` on a free port of 127.0.0.1 against each filled database.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, runToEnd, startDetached, waitFor200, type Env } from "./processes";

export const BENCH_DIST_DIR = ".next-bench";
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/**
 * `next build` into .next-bench. A custom distDir makes Next add its types folder to tsconfig.json:
 * the file is put back as it was, so that a benchmark run leaves the work tree unchanged.
 */
export async function keepingTsconfig<T>(fn: () => Promise<T>): Promise<T> {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    return await fn();
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}

export async function buildApp(): Promise<number> {
  const started = performance.now();
  await keepingTsconfig(() =>
    runToEnd(process.execPath, [nextBin, "build"], {
      env: { NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      timeoutMs: 15 * 60_000,
    }),
  );
  return Math.round((performance.now() - started) / 1000);
}

export const hasBuild = () => existsSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"));

/** Starts `next start` on the database named by `dbEnv` and waits until /api/health answers 200. */
export async function startServer(dbEnv: Env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startDetached(
    process.execPath,
    [
      // BENCH_PROF=DIR: a V8 CPU profile of the server, written to DIR when it stops (open it in
      // Chrome's DevTools, Performance tab). With `experimental.serverMinification: false` in
      // next.config.ts for the build, the app's functions keep their names.
      ...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      nextBin,
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(port),
    ],
    {
      ...dbEnv,
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  );
  try {
    await waitFor200(`${base}/api/health`, { since: performance.now(), timeoutMs: 120_000, child: server.child });
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.output().slice(-3000)}`);
  }
  return { ...server, base, pid: server.child.pid! };
}
