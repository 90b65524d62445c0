// What the numbers were measured on.
import os from "node:os";
import type { Machine } from "./types";

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function machineBefore(): Omit<Machine, "loadAfter" | "finishedAt"> {
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model?.trim() ?? "unknown",
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadBefore: load(),
    startedAt: new Date().toISOString(),
  };
}

export function machineAfter(before: Omit<Machine, "loadAfter" | "finishedAt">): Machine {
  return { ...before, loadAfter: load(), finishedAt: new Date().toISOString() };
}
