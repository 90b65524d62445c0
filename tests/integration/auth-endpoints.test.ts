// Only the Better Auth endpoints the app uses answer over HTTP (lib/auth/endpoints.ts); every other
// one is a 404 that changes nothing, even for a signed-in person. Display names are set by
// administrators only, through the validated and audited user management.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUserCommand } from "@/lib/users/commands";
import { findUserByEmail } from "@/lib/users/data";
import { countAuditEvents } from "@/lib/audit/data";
import { authRequest, browserHeaders, DEMO, form, signIn, signInDemoRoles, type DemoRole } from "./auth-helpers";

let cookies: Record<DemoRole, string>;
beforeAll(async () => {
  cookies = await signInDemoRoles();
});

// Every endpoint Better Auth 1.7 mounts with email and password enabled, but the three we use.
const REFUSED: [method: string, path: string, body?: Record<string, unknown>][] = [
  ["POST", "/update-user", { name: "Demo Admin", image: "javascript:alert(1)" }],
  ["POST", "/change-email", { newEmail: "attacker@example.org" }],
  ["POST", "/delete-user", { password: "researcher-demo" }],
  ["GET", "/delete-user/callback?token=x"],
  ["GET", "/get-session"],
  ["POST", "/get-session"],
  ["GET", "/list-sessions"],
  ["GET", "/list-accounts"],
  ["GET", "/account-info"],
  ["POST", "/revoke-session", { token: "x" }],
  ["POST", "/revoke-sessions"],
  ["POST", "/revoke-other-sessions"],
  ["POST", "/update-session", {}],
  ["POST", "/verify-password", { password: "researcher-demo" }],
  ["POST", "/request-password-reset", { email: DEMO.admin.email }],
  ["POST", "/reset-password", { newPassword: "owned-by-attacker", token: "x" }],
  ["GET", "/reset-password/some-token?callbackURL=/"],
  ["POST", "/send-verification-email", { email: DEMO.admin.email }],
  ["GET", "/verify-email?token=x"],
  ["POST", "/sign-up/email", { email: "self@example.org", password: "self-signup-pass", name: "Self" }],
  ["POST", "/sign-in/social", { provider: "github" }],
  ["GET", "/callback/github"],
  ["POST", "/link-social", { provider: "github" }],
  ["POST", "/unlink-account", { providerId: "credential" }],
  ["POST", "/get-access-token", { providerId: "credential" }],
  ["POST", "/refresh-token", { providerId: "credential" }],
  ["GET", "/ok"],
  ["GET", "/error"],
  // The allowed ones by another method or spelling.
  ["GET", "/sign-in/email"],
  ["GET", "/sign-out"],
  ["GET", "/change-password"],
  ["POST", "/sign-in/email/"],
  ["POST", "/Sign-In/Email", { email: DEMO.researcher.email, password: DEMO.researcher.password }],
  ["POST", "/sign-in/../update-user", { name: "Demo Admin" }],
  ["POST", "/sign-in/%2e%2e/update-user", { name: "Demo Admin" }],
  ["POST", "/nope"],
];

describe("Better Auth endpoints the app does not use", () => {
  for (const [method, path, body] of REFUSED) {
    it(`${method} ${path} is a 404 for a signed-in person, and changes nothing`, async () => {
      const db = await getDb();
      const before = await db.user.findUniqueOrThrow({
        where: { email: DEMO.researcher.email },
        select: { name: true, email: true, image: true, updatedAt: true },
      });
      const [sessionsBefore, usersBefore] = await Promise.all([db.session.count(), db.user.count()]);
      const response = await authRequest(path, {
        method,
        cookie: cookies.researcher,
        ...(method === "POST" ? { body: body ?? {} } : {}),
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe("notFound");
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(
        await db.user.findUniqueOrThrow({
          where: { email: DEMO.researcher.email },
          select: { name: true, email: true, image: true, updatedAt: true },
        }),
      ).toEqual(before);
      expect(await db.session.count()).toBe(sessionsBefore);
      expect(await db.user.count()).toBe(usersBefore);
    });
  }

  it("still serves the three endpoints the app uses", async () => {
    const signedIn = await signIn(DEMO.translator.email, DEMO.translator.password);
    expect(signedIn.status).toBe(200);
    const change = await authRequest("/change-password", {
      cookie: signedIn.cookie,
      body: { currentPassword: "wrong-password", newPassword: "another-good-one" },
    });
    expect(change.status).toBe(400);
    expect(((await change.json()) as { code: string }).code).toBe("wrongPassword");
    const out = await authRequest("/sign-out", { cookie: signedIn.cookie, body: {} });
    expect(out.status).toBe(200);
  });

  it("refuses a sign-in that carries a callbackURL (Better Auth would echo it as a Location)", async () => {
    for (const callbackURL of ["/..//evil.example/", "https://evil.example", "/account"]) {
      const response = await authRequest("/sign-in/email", { body: { ...DEMO.researcher, callbackURL } });
      expect(response.status, callbackURL).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });
});

describe("display names: set by administrators only, validated", () => {
  const hostile = [
    ["a 5,000,000-character name", "x".repeat(5_000_000), "At most 100 characters."],
    [
      "a right-to-left override",
      "\u202enimdA omeD",
      "Remove the invisible or direction-changing characters (control or bidi characters).",
    ],
    [
      "a bidi isolate",
      "Demo\u2066 Admin\u2069",
      "Remove the invisible or direction-changing characters (control or bidi characters).",
    ],
    [
      "a control character",
      "Demo\u0007Admin",
      "Remove the invisible or direction-changing characters (control or bidi characters).",
    ],
    [
      "a line separator",
      "Demo\u2028Admin",
      "Remove the invisible or direction-changing characters (control or bidi characters).",
    ],
    ["only spaces", "   ", "Required."],
  ] as const;
  for (const [what, name, message] of hostile) {
    it(`refuses ${what}, with a message that says why, and writes nothing`, async () => {
      const auditBefore = await countAuditEvents();
      const state = await createUserCommand(
        browserHeaders(cookies.admin),
        form({ locale: "en", name, email: "named@example.org", password: "a-good-password", roles: ["translator"] }),
      );
      expect(state.ok).toBe(false);
      // The action runner refuses hostile text (control characters, bidi overrides, over 100,000
      // characters) before the schema sees it; the name's own rule words the rest.
      const refusedEarly = [
        "Contains characters that cannot be saved (such as invisible control characters).",
        "At most 100,000 characters.",
        "At most 100000 characters.",
      ];
      expect([message, ...refusedEarly]).toContain(!state.ok && (state.fieldErrors?.name ?? state.fieldErrors?._form));
      expect(await findUserByEmail("named@example.org")).toBeNull();
      expect(await countAuditEvents()).toBe(auditBefore);
    });
  }

  it("accepts an Arabic or accented name as written, and `<script>` as plain text", async () => {
    for (const [email, name] of [
      ["arabic-name@example.org", "نادية حداد"],
      ["accented@example.org", "Zoë Ñúñez-Léger"],
      ["markup@example.org", "<script>alert(1)</script>"],
    ]) {
      const state = await createUserCommand(
        browserHeaders(cookies.admin),
        form({ locale: "en", name, email, password: "a-good-password", roles: [] }),
      );
      expect(state.ok, name).toBe(true);
      const db = await getDb();
      expect((await db.user.findUnique({ where: { email }, select: { name: true } }))?.name).toBe(name);
    }
  });
});
