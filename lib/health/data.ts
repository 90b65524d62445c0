// Database liveness for the health endpoint.
import "server-only";
import { getDb, getDbKind } from "../db/client";

export type DatabaseHealth =
  { ok: true; kind: "postgres" | "pglite"; latencyMs: number } | { ok: false; error: string };

export async function checkDatabase(timeoutMs = 3_000): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { ok: true, kind: await getDbKind(), latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
}
