// `npm start` as a person runs it (npm itself, then sh, then the start script) on a fresh embedded
// database and a free port. It must print its address only once the server answers; the server
// must take the client address from the socket (a new X-Forwarded-For per attempt does not escape
// the per-address sign-in limit); and SIGTERM to npm (what a process manager sends) must stop the
// whole process tree, leaving nothing on the port. npm passes the signal to `sh -c`, which dies
// without passing it on unless the script execs its command (package.json: "exec node …").
// It serves the existing production build (--no-build): without one it is skipped, loudly.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SIGN_IN_PER_ADDRESS_PER_MINUTE as LIMIT } from "@/lib/auth/sign-in-delay";

const root = process.cwd();
const hasBuild = existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"));
if (!hasBuild)
  console.warn(
    "\n[start-script.test] SKIPPED: no production build (.next/BUILD_ID). Run `npm run build` first; `npm test` builds before the integration tier.\n",
  );

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Every live descendant of `pid`, read from /proc (Linux). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    // A zombie is dead but not yet reaped by its parent: it serves nothing.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

describe.skipIf(!hasBuild)("npm start (package.json, scripts/start.ts)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "qb-start-"));
  let child: ChildProcess | null = null;
  afterAll(async () => {
    // After a failure: SIGTERM lets the start script stop its process groups (SIGKILL would orphan them).
    if (child?.pid && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "announces its address once it answers, limits sign-in by the socket's address, and stops its whole tree on SIGTERM to npm",
    { timeout: 600_000 },
    async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const started = Date.now();
      child = spawn("npm", ["start", "--", "--no-build"], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          PGLITE_DIR: path.join(dataDir, "pglite"),
          DATABASE_URL: "",
          TRUSTED_PROXIES: "",
          AUTH_RATE_LIMIT: "on",
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const announced = await new Promise<boolean>((resolve) => {
        child!.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(`Question Bank: ${base}/`)) resolve(true);
        });
        child!.once("exit", () => resolve(false));
      });
      expect(announced, output).toBe(true);
      console.log(
        `[start-script.test] fresh database, migrated and seeded, serving after ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );

      // Announced only once it answers: the very first request after the line succeeds.
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      // The database the server migrated and seeded in its own process, used as it handed it on:
      // a search binds arrays of the enums the migrations made (PGlite must know their types).
      const search = await fetch(`${base}/api/v1/questions?q=vaccine`);
      expect(search.status, await search.clone().text()).toBe(200);
      expect(((await search.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

      // 80 attempts, each claiming to come from a new address: the socket's address is what counts.
      const statuses: number[] = [];
      for (let i = 0; i < 80; i++) {
        const response = await fetch(`${base}/api/auth/sign-in/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: base,
            "x-forwarded-for": `198.18.${i >> 8}.${i & 255}`,
            "x-real-ip": `198.19.0.${i}`,
          },
          body: JSON.stringify({ email: `nobody-${i}@example.org`, password: "not-the-password" }),
        });
        statuses.push(response.status);
        await response.body?.cancel();
      }
      expect(
        statuses.slice(0, LIMIT).every((s) => s === 401),
        statuses.join(","),
      ).toBe(true);
      expect(
        statuses.slice(LIMIT).every((s) => s === 429),
        statuses.join(","),
      ).toBe(true);

      const tree = [child.pid!, ...descendants(child.pid!)];
      expect(tree.length).toBeGreaterThan(1);
      const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      await exited;
      // The leader's exit is followed at once by its children's (killed as a group): allow a moment.
      const deadline = Date.now() + 10_000;
      while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(tree.filter(alive), "processes left running after SIGTERM").toEqual([]);
      expect(await portOpen(port)).toBe(false);
    },
  );
});
