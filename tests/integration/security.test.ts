// Hostile input: random and malformed requests at the sign-in endpoint, the user-management
// actions and /api/health (never a 500, nothing written by a refusal), cross-site requests, and
// the sign-in limits kept in the shared database.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { SIGN_IN_PER_ADDRESS_PER_MINUTE as LIMIT } from "@/lib/auth/sign-in-delay";
import { isSameOriginRequest } from "@/lib/auth/csrf";
import { createUserCommand, updateUserCommand } from "@/lib/users/commands";
import { findHostileInput } from "@/lib/actions/hostile-input";
import { createUser } from "@/lib/users/mutations";
import { findUserByEmail } from "@/lib/users/data";
import { GET as health } from "@/app/api/health/route";
import { authRequest, browserHeaders, ORIGIN, signIn, signInDemoRoles, type DemoRole } from "./auth-helpers";

async function counts() {
  const db = await getDb();
  const [users, accounts, sessions, audit] = await Promise.all([
    db.user.count(),
    db.account.count(),
    db.session.count(),
    db.auditEvent.count(),
  ]);
  return { users, accounts, sessions, audit };
}

let cookies: Record<DemoRole, string>;
beforeAll(async () => {
  cookies = await signInDemoRoles();
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "a@b",
    "x".repeat(5000),
    "😀".repeat(300),
    "admin@demo.questionbank.org",
  ),
);

describe("fuzz: the sign-in endpoint", () => {
  it("answers every random or malformed request below 500 and creates no session", async () => {
    const before = await counts();
    const body = fc.oneof(
      fc.record({ email: text, password: text }, { requiredKeys: [] }),
      fc.record(
        { email: fc.emailAddress(), password: fc.string({ maxLength: 200 }), rememberMe: fc.anything() },
        { requiredKeys: ["email"] },
      ),
      fc.jsonValue().map((v) => v as unknown),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "",
        ),
        fc.boolean(),
        fc.constantFrom(
          "/sign-in/email",
          "/sign-in/email/",
          "/sign-in/../sign-in/email",
          "/sign-in/social",
          "/sign-in",
          "/sign-up/email",
          "/nope",
        ),
        async (payload, contentType, raw, path) => {
          const response = await authRequest(path, {
            rawBody: raw ? String(JSON.stringify(payload)).slice(0, 3000) + "}{" : JSON.stringify(payload),
            headers: contentType ? { "content-type": contentType } : {},
          });
          expect(response.status, `${path} ${contentType} ${JSON.stringify(payload)?.slice(0, 200)}`).toBeLessThan(500);
          expect(
            response.headers.getSetCookie().some((c) => c.includes("session_token=") && !/Max-Age=0/i.test(c)),
          ).toBe(false);
        },
      ),
      { numRuns: 120 },
    );
    const after = await counts();
    expect(after).toEqual(before);
  });

  it("answers random methods, cookies and headers below 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
        fc.constantFrom("/get-session", "/sign-out", "/change-password", "/list-sessions", "/ok", "/error"),
        text,
        async (method, path, cookie) => {
          const response = await authRequest(path, {
            method,
            cookie: `better-auth.session_token=${encodeURIComponent(cookie)}`,
            body: method === "GET" ? undefined : {},
          });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("fuzz: user-management actions", () => {
  const formEntries = fc.array(
    fc.tuple(
      fc.constantFrom(
        "name",
        "email",
        "password",
        "roles",
        "translateLanguages",
        "reviewLanguages",
        "id",
        "revision",
        "disabled",
        "locale",
        "$ACTION_ID",
        "__proto__",
        "constructor",
      ),
      text,
    ),
    { maxLength: 12 },
  );

  it("refuses anyone but an administrator whatever they send, writing nothing", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<DemoRole | "anonymous">("anonymous", "researcher", "translator", "reviewer", "curator"),
        formEntries,
        fc.boolean(),
        async (who, entries, create) => {
          const headers = who === "anonymous" ? new Headers() : browserHeaders(cookies[who]);
          const data = new FormData();
          for (const [k, v] of entries) data.append(k, v);
          const state = create ? await createUserCommand(headers, data) : await updateUserCommand(headers, data);
          expect(state.ok).toBe(false);
          // Text no form needs (NUL, lone surrogates, over-long) is refused before anything else runs.
          expect(!state.ok && state.code).toBe(
            findHostileInput(data) ? "badRequest" : who === "anonymous" ? "unauthenticated" : "forbidden",
          );
        },
      ),
      { numRuns: 80 },
    );
    expect(await counts()).toEqual(before);
  });

  it("gives an administrator a clear refusal for malformed input, and writes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(formEntries, fc.boolean(), async (entries, create) => {
        const before = await counts();
        const data = new FormData();
        for (const [k, v] of entries) data.append(k, v);
        const state = create
          ? await createUserCommand(browserHeaders(cookies.admin), data)
          : await updateUserCommand(browserHeaders(cookies.admin), data);
        if (!state.ok) {
          expect(["invalidInput", "badRequest", "notFound", "conflict", "emailTaken", "selfLockout"]).toContain(
            state.code,
          );
          expect(state.message.length).toBeGreaterThan(0);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("fuzz: /api/health", () => {
  it("reports 200 with the database up, whatever the request looks like", async () => {
    // The health route reads nothing from the request; the property is that no request makes it fail.
    await fc.assert(
      fc.asyncProperty(fc.webPath(), async () => {
        const response = await health();
        expect(response.status).toBe(200);
        expect(((await response.json()) as { status: string }).status).toBe("ok");
      }),
      { numRuns: 20 },
    );
  });
});

describe("cross-site request protection", () => {
  it("refuses a sign-in posted from another site, creating no session", async () => {
    const before = await counts();
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { origin: "http://127.0.0.1:3000.evil.example" },
    ] as Record<string, string>[]) {
      const { status, body } = await signIn("researcher@demo.questionbank.org", "researcher-demo", headers);
      expect(status, JSON.stringify(headers)).toBe(403);
      expect(body.code).toBe("crossSite");
    }
    expect((await counts()).sessions).toBe(before.sessions);
  });

  it("refuses a cross-site password change and sign-out that ride on a session cookie", async () => {
    const change = await authRequest("/change-password", {
      cookie: cookies.researcher,
      headers: { origin: "https://evil.example" },
      body: { currentPassword: "researcher-demo", newPassword: "owned-by-attacker" },
    });
    expect(change.status).toBe(403);
    expect((await signIn("researcher@demo.questionbank.org", "researcher-demo")).status).toBe(200);
  });

  it("tells same-origin, cross-site and non-browser requests apart", () => {
    const req = (headers: Record<string, string>, method = "POST") =>
      new Request(`${ORIGIN}/api/x`, { method, headers: { host: "127.0.0.1:3000", ...headers } });
    expect(isSameOriginRequest(req({ origin: ORIGIN, "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(req({}))).toBe(true); // curl or a server: no ambient cookies to abuse
    expect(isSameOriginRequest(req({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(req({ origin: "https://evil.example" }, "GET"))).toBe(true);
    expect(
      isSameOriginRequest(
        req({ origin: "https://qb.example.org", "x-forwarded-host": "qb.example.org", "x-forwarded-proto": "https" }),
      ),
    ).toBe(true);
  });
});

describe("sign-in limits, shared through the database", () => {
  it("limits attempts per address, counting across app instances (http and https instances share one table)", async () => {
    const address = "198.51.100.77";
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const response = await authRequest("/sign-in/email", {
        headers: {
          "x-forwarded-for": address,
          ...(i % 2 ? { "x-forwarded-proto": "https", origin: "https://127.0.0.1:3000" } : {}),
        },
        body: { email: `limit-${i}@example.org`, password: "wrong-password" },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(((await response.json()) as { code: string }).code).toBe("tooManyRequests");
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    const db = await getDb();
    expect(await db.rateLimit.count({ where: { key: { contains: address } } })).toBe(1);
  });

  it("cannot be aimed at someone else: wrong passwords from other addresses leave the owner's own sign-in alone", async () => {
    const admin = await findUserByEmail("admin@demo.questionbank.org");
    await createUser({
      actorId: admin!.id,
      input: {
        name: "Target",
        email: "target@example.org",
        password: "the-right-password",
        roles: [],
        translateLanguages: [],
        reviewLanguages: [],
      },
    });
    // Ten wrong passwords used to lock the account for everyone for 15 minutes.
    for (let i = 0; i < 10; i++)
      await signIn("target@example.org", `guess-${i}-wrong`, { "x-forwarded-for": "198.51.100.90" });
    expect(
      (await signIn("Target@Example.org", "the-right-password", { "x-forwarded-for": "198.51.100.90" })).status,
    ).toBe(429);
    expect(
      (await signIn("Target@Example.org", "the-right-password", { "x-forwarded-for": "203.0.113.90" })).status,
    ).toBe(200);
    // Someone who signs in often is never slowed down.
    for (let i = 0; i < 12; i++)
      expect(
        (await signIn("researcher@demo.questionbank.org", "researcher-demo", { "x-forwarded-for": "203.0.113.91" }))
          .status,
      ).toBe(200);
  });
});
