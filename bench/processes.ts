// Child processes for the benchmark: run one to completion, start a server and stop it, find a
// free port, and read the resident memory of a process tree. Everything started is registered so
// that run.ts can stop it on exit, error or Ctrl+C.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import net from "node:net";

const cleanups: (() => Promise<void> | void)[] = [];

/** Something to undo when the run ends (last registered, first undone). Returns a way to drop it. */
export function onCleanup(fn: () => Promise<void> | void): () => void {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/**
 * A step that must finish once begun (dropping a database, stopping a server): registered for the
 * end of the run, run at most once, and left registered until it has finished, so that an
 * interrupted run waits for a step already under way instead of exiting in the middle of it.
 */
export function cleanupStep(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const step = () =>
    (running ??= (async () => {
      try {
        await fn();
      } finally {
        const i = cleanups.indexOf(step);
        if (i >= 0) cleanups.splice(i, 1);
      }
    })());
  cleanups.push(step);
  return step;
}

let cleaningUp: Promise<void> | null = null;

/** Undoes everything registered, once: a second caller (an error after Ctrl+C) waits for the same work. */
export function cleanupAll(): Promise<void> {
  return (cleaningUp ??= (async () => {
    while (cleanups.length) {
      try {
        // A step already under way (its promise is kept) is awaited, not started again.
        await cleanups.pop()!();
      } catch (error) {
        console.error("cleanup:", error instanceof Error ? error.message : error);
      }
    }
  })());
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Env = Record<string, string | undefined>;

/** Runs a command to its end (bounded by timeoutMs), its output shown indented; throws on failure. */
export function runToEnd(
  command: string,
  args: string[],
  { env, timeoutMs, quiet = false }: { env: Env; timeoutMs: number; quiet?: boolean },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const drop = onCleanup(() => killTree(child));
    let output = "";
    const show = (chunk: Buffer) => {
      output += chunk.toString();
      if (!quiet) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, "    │ "));
    };
    child.stdout!.on("data", show);
    child.stderr!.on("data", show);
    const timer = setTimeout(() => {
      void killTree(child);
      reject(new Error(`${command} ${args.join(" ")} took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      drop();
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/** Stops a process started with detached: true and everything it started (its process group). */
export async function killTree(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A long-running child (a server), its output kept for error messages. */
export function startDetached(command: string, args: string[], env: Env) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => output, stop: cleanupStep(() => killTree(child)) };
}

/** Polls a URL on 127.0.0.1 until it answers 200; returns the milliseconds since `since`. Bounded by timeoutMs. */
export async function waitFor200(
  url: string,
  { since, timeoutMs, child }: { since: number; timeoutMs: number; child?: ChildProcess },
): Promise<number> {
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`The benchmark only talks to 127.0.0.1, not ${url}`);
  while (performance.now() - since < timeoutMs) {
    if (child && child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before answering ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and all its descendants, from /proc (Linux). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Samples the resident memory of a process tree every intervalMs until stopped. */
export function sampleMemory(root: number, intervalMs = 250) {
  let peakTreeKb = 0;
  let peakHwmKb = 0;
  let samples = 0;
  const sample = () => {
    const pids = processTree(root);
    peakTreeKb = Math.max(
      peakTreeKb,
      pids.reduce((sum, pid) => sum + statusField(pid, "VmRSS"), 0),
    );
    peakHwmKb = Math.max(peakHwmKb, ...pids.map((pid) => statusField(pid, "VmHWM")));
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakTreeRssMb: Math.round(peakTreeKb / 1024), peakProcessHwmMb: Math.round(peakHwmKb / 1024), samples };
    },
  };
}
