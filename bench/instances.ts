// `npm run bench -- --instances 2 --database-url postgresql://…`: several app instances on one
// PostgreSQL behind a round-robin balancer (bench/balancer.ts). For 1 … N instances, the realistic
// search mix (bench/query-mix.ts, as the single-instance throughput target is judged on) and /api/health at 16 clients through the balancer, so that the gain of each instance is read
// against the same run's ceiling. That the instances behave as one app (sessions, sign-in limits,
// counts caches, conflicts) is not proven here: a two-instance end-to-end test is still to come (issue #17).
// PGlite lives inside one process: several instances need PostgreSQL.
import { randomBytes } from "node:crypto";
import { createDatabase, fillDatabase } from "./database";
import { startBalancer } from "./balancer";
import { runLoad } from "./load";
import { machineAfter, machineBefore } from "./machine";
import { realisticMix } from "./query-mix";
import { startServer } from "./server";
import type { Bounds, InstancesRun } from "./types";

export async function measureInstances(
  databaseUrl: string | undefined,
  questions: number,
  count: number,
  bounds: Bounds,
  version: string,
): Promise<InstancesRun> {
  if (!databaseUrl)
    throw new Error("--instances: several instances share one PostgreSQL; give --database-url (PGlite is in-process)");
  console.log(`\n== ${count} instances, ${questions.toLocaleString("en")} questions ==`);
  const db = await createDatabase(databaseUrl, questions);
  try {
    console.log("Filling a fresh PostgreSQL database…");
    await fillDatabase(db, questions);
    // One secret for all: a session cookie signed by one instance is read by the others.
    const env = { ...db.env, BETTER_AUTH_SECRET: randomBytes(32).toString("base64") };
    console.log(`Starting ${count} instances (next start)…`);
    const servers = [];
    for (let i = 0; i < count; i++) servers.push(await startServer(env));
    const before = machineBefore();
    const rows: InstancesRun["rows"] = [];
    const { sequence } = realisticMix();
    try {
      for (let k = 1; k <= count; k++) {
        const balancer = await startBalancer(servers.slice(0, k).map((s) => s.base));
        try {
          const load = bounds.sixteenClients;
          const health = (await runLoad(balancer.base, ["/api/health"], load)).run;
          const search = (await runLoad(balancer.base, sequence, load)).run;
          console.log(
            `  ${k} instance(s): health ${health.requestsPerSecond} req/s, search ${search.requestsPerSecond} req/s (p95 ${search.latency?.p95} ms, ${search.errors} errors)`,
          );
          rows.push({ instances: k, health, search });
        } finally {
          await balancer.stop();
        }
      }
    } finally {
      for (const s of servers) await s.stop();
    }
    const after = machineAfter(before);
    return {
      database: { kind: "postgres", version },
      questions,
      rows,
      startedAt: after.startedAt,
      finishedAt: after.finishedAt,
      loadBefore: after.loadBefore,
      loadAfter: after.loadAfter,
    };
  } finally {
    await db.drop();
  }
}
