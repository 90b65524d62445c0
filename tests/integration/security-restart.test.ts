// The app through a PostgreSQL outage: the test database stops accepting connections and every
// open one is terminated (what a restart does to the app), then comes back. While it is down,
// requests fail cleanly (503 and a clear message, nothing half-written); afterwards they succeed
// again without restarting the app. PostgreSQL project only (TEST_DATABASE_URL).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { createUserCommand } from "@/lib/users/commands";
import { findUserByEmail } from "@/lib/users/data";
import { browserHeaders, form, signIn } from "./auth-helpers";

const url = process.env.DATABASE_URL;

describe.skipIf(!url)("PostgreSQL goes away and comes back", () => {
  let admin: pg.Client;
  let database: string;

  const setConnections = async (allow: boolean) => {
    await admin.query(`ALTER DATABASE "${database.replace(/"/g, '""')}" ALLOW_CONNECTIONS ${allow ? "true" : "false"}`);
    if (!allow)
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [database],
      );
  };

  beforeAll(async () => {
    const target = new URL(url!);
    database = decodeURIComponent(target.pathname.slice(1));
    // A connection to another database of the same server, to switch the test database off and on.
    const maintenance = new URL(url!);
    maintenance.pathname = "/postgres";
    admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
  });

  afterAll(async () => {
    await setConnections(true);
    await admin.end();
  });

  it("answers 503 with a clear message while down, and works again afterwards", async () => {
    const adminSession = await signIn("admin@demo.questionbank.org", "admin-demo-1");
    expect(adminSession.status).toBe(200);
    expect((await health()).status).toBe(200);

    await setConnections(false);
    try {
      const down = await health();
      expect(down.status).toBe(503);
      expect(((await down.json()) as { status: string }).status).toBe("degraded");

      const signInDown = await signIn("researcher@demo.questionbank.org", "researcher-demo");
      expect(signInDown.status).toBe(503);
      expect(signInDown.body).toMatchObject({
        code: "unavailable",
        message: "The service is temporarily unavailable. Please try again in a moment.",
      });

      const createDown = await createUserCommand(
        browserHeaders(adminSession.cookie),
        form({
          locale: "fr",
          name: "During Outage",
          email: "outage@example.org",
          password: "outage-password",
          roles: ["researcher"],
        }),
      );
      expect(createDown).toMatchObject({
        ok: false,
        code: "unavailable",
        message: "Le service est momentanément indisponible. Réessayez dans un instant.",
      });
    } finally {
      await setConnections(true);
    }

    // The pool drops its dead connections and opens new ones; a few tries cover the first reconnect.
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 200; attempt++) {
      status = (await health()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await signIn("researcher@demo.questionbank.org", "researcher-demo")).status).toBe(200);
    const created = await createUserCommand(
      browserHeaders(adminSession.cookie),
      form({
        locale: "en",
        name: "After Outage",
        email: "after-outage@example.org",
        password: "outage-password",
        roles: ["researcher"],
      }),
    );
    expect(created.ok).toBe(true);
    expect(await findUserByEmail("outage@example.org")).toBeNull();
  });
});
