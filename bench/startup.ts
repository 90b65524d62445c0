// Start-up of `npm start` on the embedded database: from the command to the first 200 of /en,
// on a fresh PGLITE_DIR (migrate + seed) and again on the same folder. The build is the
// benchmark's own (NEXT_DIST_DIR), made before, so neither run should build.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { cleanupStep, freePort, startDetached, waitFor200 } from "./processes";
import { BENCH_DIST_DIR, keepingTsconfig } from "./server";
import type { StartupResult } from "./types";

async function once(dir: string) {
  const port = await freePort();
  const since = performance.now();
  const app = startDetached("npm", ["start"], {
    DATABASE_URL: "",
    PGLITE_DIR: dir,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  try {
    const ms = await waitFor200(`http://127.0.0.1:${port}/en`, { since, timeoutMs: 300_000, child: app.child });
    return { ms: Math.round(ms), rebuilt: app.output().includes("Building the app") };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${app.output().slice(-3000)}`);
  } finally {
    await app.stop();
  }
}

async function freshDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "qb-bench-startup-"));
  return { dir, remove: cleanupStep(() => rm(dir, { recursive: true, force: true })) };
}

/**
 * First run on a fresh folder, then a second on the same folder. When start.ts rebuilt the app
 * (someone changed the sources after the benchmark's build), that run timed a build too: it is
 * repeated once (a first run on a new fresh folder), and the report says so.
 */
export function measureStartup(): Promise<StartupResult> {
  // start.ts builds when the sources are newer than the build, and such a build rewrites tsconfig.json.
  return keepingTsconfig(startupRuns);
}

async function startupRuns(): Promise<StartupResult> {
  const repeated: string[] = [];
  let folder = await freshDir();
  try {
    let first = await once(folder.dir);
    if (first.rebuilt) {
      repeated.push(`first run (${first.ms} ms with a build)`);
      await folder.remove();
      folder = await freshDir();
      first = await once(folder.dir);
    }
    let second = await once(folder.dir);
    if (second.rebuilt) {
      repeated.push(`second run (${second.ms} ms with a build)`);
      second = await once(folder.dir);
    }
    const note = repeated.length
      ? `start.ts rebuilt the app (the sources changed after the benchmark's build) during the ${repeated.join(" and the ")}: repeated once.`
      : null;
    return { firstRunMs: first.ms, secondRunMs: second.ms, rebuilt: first.rebuilt || second.rebuilt, note };
  } finally {
    await folder.remove();
  }
}
