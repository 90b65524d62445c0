// The public API through a database outage, in the middle of a request: a search is held by a
// table lock, the database is then switched off (open connections terminated, new ones refused),
// and the held request must end as 503 with Retry-After and the one error body, as must every
// request while the database is away; once it is back, the same handlers answer 200 again without
// a restart. PostgreSQL: a dedicated throwaway database beside the test database, so that the
// other tests' database is never touched. PGlite (in-process): the instance is closed under the
// app, which is what a PGlite outage is; it does not come back by itself, so "back" is a reopen.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listQuestions } from "@/app/api/v1/questions/route";
import { GET as listQuestionnaires } from "@/app/api/v1/questionnaires/route";
import { GET as exportQuestionnaire } from "@/app/api/v1/questionnaires/[id]/export/route";
import { GET as getFramework } from "@/app/api/v1/framework/route";
import { getDb } from "@/lib/db/client";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDatabase } from "@/prisma/seed";
import { expectContract } from "./openapi-contract";

const ORIGIN = "http://127.0.0.1:3000";
const testUrl = process.env.DATABASE_URL;
type Holder = {
  client?: Promise<{ prisma: { $disconnect(): Promise<void> }; opened: { pglite?: { close(): Promise<void> } } }>;
};
const holder = () => ((globalThis as { __questionBankDb?: Holder }).__questionBankDb ??= {});

const search = (lang = "en") =>
  listQuestions(
    new Request(`${ORIGIN}/api/v1/questions?q=vaccine&pageSize=3`, { headers: { "accept-language": lang } }),
  );

async function expectUnavailable(response: Response, template: string, lang: "en" | "fr" = "en") {
  expect(response.status, await response.clone().text()).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  const body = await expectContract("get", template, response);
  expect(body).toEqual({
    code: "unavailable",
    message:
      lang === "fr"
        ? "Le service est momentanément indisponible. Réessayez dans un instant."
        : "The service is temporarily unavailable. Please try again in a moment.",
  });
}

/** Tries until the handler answers 200 (a pool needs a request or two to drop dead connections). */
async function recovers(call: () => Promise<Response>): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
    status = (await call()).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  return status;
}

describe.runIf(testUrl)("PostgreSQL goes away in the middle of a request, and comes back", () => {
  let admin: pg.Client;
  let name = "";
  let previous: Holder["client"];

  const allowConnections = (allow: boolean) => admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS ${allow}`);
  const terminate = () =>
    admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );

  beforeAll(async () => {
    const base = new URL(testUrl!);
    name = `${decodeURIComponent(base.pathname.slice(1))}_outage`.replace(/[^a-z0-9_]/gi, "_");
    const maintenance = new URL(testUrl!);
    maintenance.pathname = "/postgres";
    admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const throwaway = new URL(testUrl!);
    throwaway.pathname = `/${name}`;
    const opened = await openAdapter({ kind: "postgres", url: throwaway.toString() });
    await applyMigrations(opened.adapter);
    await seedDatabase(opened.adapter, { demoAccounts: false, log: () => {} });
    // The app's one client now talks to the throwaway database; the test database's client is kept aside.
    previous = holder().client;
    holder().client = undefined;
    process.env.DATABASE_URL = throwaway.toString();
  }, 180_000);

  afterAll(async () => {
    await allowConnections(true).catch(() => {});
    const mine = holder().client;
    holder().client = previous;
    process.env.DATABASE_URL = testUrl;
    await (await mine?.catch(() => undefined))?.prisma.$disconnect().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("answers 503 with Retry-After to the request in flight and to every request while down, then 200 again", async () => {
    expect((await search()).status).toBe(200);
    const template = await (
      await getDb()
    ).questionnaire.findFirstOrThrow({ where: { visibility: "public_template" }, select: { id: true } });

    // Hold the search on a lock so that the outage happens while it waits inside PostgreSQL.
    const throwawayUrl = process.env.DATABASE_URL!;
    const locker = new pg.Client({ connectionString: throwawayUrl });
    locker.on("error", () => {}); // it is terminated with the others
    await locker.connect();
    // One-word queries read the postings (search_posting), others question_search: hold both.
    await locker.query("BEGIN; LOCK TABLE question_search, search_posting IN ACCESS EXCLUSIVE MODE");
    const inFlight = search("fr");
    let waiting = false;
    for (let i = 0; i < 200 && !waiting; i++) {
      const { rows } = await admin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
        [name],
      );
      waiting = rows[0].n > 0;
      if (!waiting) await new Promise((r) => setTimeout(r, 50));
    }
    expect(waiting, "the search never waited on the lock: the outage would not be mid-request").toBe(true);
    await allowConnections(false);
    await terminate();
    try {
      await expectUnavailable(await inFlight, "/api/v1/questions", "fr");
      await expectUnavailable(await search(), "/api/v1/questions");
      await expectUnavailable(
        await listQuestionnaires(new Request(`${ORIGIN}/api/v1/questionnaires`)),
        "/api/v1/questionnaires",
      );
      await expectUnavailable(await getFramework(new Request(`${ORIGIN}/api/v1/framework`)), "/api/v1/framework");
      const exported = await exportQuestionnaire(
        new Request(`${ORIGIN}/api/v1/questionnaires/${template.id}/export?format=csv`),
        { params: Promise.resolve({ id: template.id }) },
      );
      await expectUnavailable(exported, "/api/v1/questionnaires/{id}/export");
    } finally {
      await allowConnections(true);
      await locker.end().catch(() => {});
    }

    expect(await recovers(() => search())).toBe(200);
    const listed = await listQuestionnaires(new Request(`${ORIGIN}/api/v1/questionnaires`));
    expect(listed.status).toBe(200);
    await expectContract("get", "/api/v1/questionnaires", listed);
  });
});

describe.runIf(!testUrl)("PGlite is closed under the app, and reopened", () => {
  it("answers 503 with Retry-After while closed, and 200 once reopened", async () => {
    expect((await search()).status).toBe(200);
    const opened = (await holder().client!).opened;
    // The close waits for the statement in flight; everything after it finds PGlite closed.
    const inFlight = search();
    await opened.pglite!.close();
    expect([200, 503]).toContain((await inFlight).status);
    await expectUnavailable(await search(), "/api/v1/questions");
    await expectUnavailable(
      await listQuestionnaires(new Request(`${ORIGIN}/api/v1/questionnaires`)),
      "/api/v1/questionnaires",
    );

    // What a restart does: a fresh client on the same data directory.
    holder().client = undefined;
    expect(await recovers(() => search())).toBe(200);
  });
});
