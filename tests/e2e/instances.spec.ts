// Two app instances on one PostgreSQL behave as one app (issue #17, "scale out"): a session made on
// one is honoured by the other and ended on both; the per-address sign-in limit is one budget
// across them; a bank change made through one is counted at once by the other's search (the counts
// cache is keyed by the database's search generation); and two people editing one questionnaire
// through different instances cannot overwrite each other. Nothing an instance keeps in memory may
// decide any of these. Real processes (scripts/server.ts, as `npm start` serves), real browser.
// Needs PostgreSQL (PGlite lives inside one process): runs when TEST_DATABASE_URL is set, as in
// CI (.ci/run), on a database of its own that it creates and drops.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { SIGN_IN_PER_ADDRESS_PER_MINUTE as LIMIT } from "../../lib/auth/sign-in-delay";
import { DEMO, signInTo } from "./sign-in";

const adminUrl = process.env.TEST_DATABASE_URL;
test.skip(!adminUrl, "TEST_DATABASE_URL is not set: two instances need a shared PostgreSQL (PGlite is in-process).");
test.describe.configure({ mode: "serial" });

const DATABASE = "question_bank_two_instances";
const SECRET = "two-instances-share-this-secret-0123456789";
const databaseUrl = () => {
  const url = new URL(adminUrl!);
  url.pathname = `/${DATABASE}`;
  return url.toString();
};

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

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

const serverEnv = (port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl(),
  BETTER_AUTH_SECRET: SECRET,
  HOST: "127.0.0.1",
  PORT: String(port),
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_RATE_LIMIT: "on",
  // DATABASE_URL is set, so `prepare` seeds no demo accounts unless asked; the tests sign in as them.
  SEED_DEMO_ACCOUNTS: "1",
  TRUSTED_PROXIES: "",
});

async function startInstance(port: number): Promise<ChildProcess> {
  const child = spawn("node", ["--import", "tsx", "scripts/server.ts"], {
    env: serverEnv(port),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited with ${child.exitCode}`);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (health.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error(`instance on ${port} did not answer within 120 s`);
}

const instances: ChildProcess[] = [];
let A = "";
let B = "";

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  });
  // Migrated and seeded once, as `npm start` would on the first instance.
  const prepared = spawnSync(
    "node",
    ["--import", "./scripts/server-only.mjs", "--import", "tsx", "scripts/db.ts", "prepare"],
    {
      env: serverEnv(3000),
      encoding: "utf8",
    },
  );
  expect(prepared.status, prepared.stderr).toBe(0);
  const [portA, portB] = [await freePort(), await freePort()];
  instances.push(...(await Promise.all([startInstance(portA), startInstance(portB)])));
  A = `http://127.0.0.1:${portA}`;
  B = `http://127.0.0.1:${portB}`;
});

test.afterAll(async () => {
  await Promise.all(
    instances.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
});

test("a session made on one instance is honoured by the other, and signing out on one ends it on both", async ({
  page,
}) => {
  await signInTo(page, DEMO.researcher, "/questionnaires", { origin: A });
  // Cookies belong to the host, not the port: the browser sends A's session cookie to B.
  await page.goto(`${B}/en/questionnaires`);
  await expect(page.getByRole("heading", { level: 1, name: "My questionnaires" })).toBeVisible();
  await page.locator("details.account-menu summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator("details.account-menu")).toHaveCount(0);
  const response = await page.request.get(`${A}/en/questionnaires`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/en/sign-in?next=");
});

test("a question published through one instance is found and counted at once by the other's search", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const word = "zanzibarite";
  const count = async () => {
    const response = await request.get(`${A}/api/v1/questions?q=${word}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { total: number }).total;
  };
  // Asked twice on A, so that A's counts cache holds the answer.
  expect(await count()).toBe(0);
  expect(await count()).toBe(0);

  await signInTo(page, DEMO.curator, "/curate/questions/new", { origin: B });
  await page.getByLabel("Question code").fill("e2e_two_instances");
  await expect(page.getByText("This code is free.")).toBeVisible();
  await page.getByLabel("Answer type").selectOption("select_one");
  await page.getByLabel("From a shared list").check();
  await page.getByLabel("Shared list", { exact: true }).selectOption("yes_no_dk_ref");
  await page.getByLabel("Wording (English)").fill(`Have you heard of ${word} in your area?`);
  await page.getByLabel("Indicators").selectOption(["PER-03"]);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/curate/questions/e2e_two_instances$`));
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("e2e_two_instances is published as version 1.")).toBeVisible();

  expect(await count()).toBe(1);
});

test("two people editing one questionnaire through different instances never overwrite each other", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInTo(first, DEMO.researcher, "/questionnaires/new", { origin: A });
  await first.getByLabel("Title (English)").fill("Two instances");
  await first.getByRole("button", { name: "Create questionnaire" }).click();
  await first.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  const path = new URL(first.url()).pathname;

  const second = await context.newPage();
  await second.goto(`${B}${path}`);
  await expect(second.getByLabel("Bank codes")).toBeVisible();

  await first.getByLabel("Bank codes").fill("bkg_education");
  await first.getByRole("button", { name: "Add", exact: true }).click();
  await expect(first.locator(".builder-status")).toContainText("One question added: bkg_education.");
  // B's page still shows the questionnaire before A's change: its change is refused, not applied over it.
  await second.getByLabel("Bank codes").fill("bkg_occupation");
  await second.getByRole("button", { name: "Add", exact: true }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "was changed meanwhile" });
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(second.locator(".item-card[data-item='bkg_education']")).toBeVisible();
  await context.close();
});

// Last: it spends this address's sign-in budget for a minute, and the tests above sign in.
test("the per-address sign-in limit is one budget across both instances", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 6; i++) {
    const origin = i % 2 === 0 ? A : B;
    // A new (unknown) account each time: the per-account delays stay out of it; only the address counts.
    const response = await request.post(`${origin}/api/auth/sign-in/email`, {
      data: { email: `nobody-${i}@example.org`, password: "not-the-password" },
      headers: { Origin: origin },
    });
    statuses.push(response.status());
  }
  // The earlier tests' sign-ins from this address (three), if within the same minute, count against
  // the same budget. Two budgets of their own would let all LIMIT + 6 through (half of them each).
  const refusedFrom = statuses.indexOf(429);
  expect(refusedFrom, statuses.join(",")).toBeGreaterThanOrEqual(LIMIT - 3);
  expect(refusedFrom, statuses.join(",")).toBeLessThanOrEqual(LIMIT);
  expect(statuses.slice(0, refusedFrom), statuses.join(",")).toEqual(Array(refusedFrom).fill(401));
  expect(statuses.slice(refusedFrom), statuses.join(",")).toEqual(Array(statuses.length - refusedFrom).fill(429));
  await request.dispose();
});
