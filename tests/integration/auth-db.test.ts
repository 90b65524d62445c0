// Sign-in, session, sign-out and password change through the real /api/auth handler and database.
import { describe, expect, it } from "vitest";
import { authRequest, browserHeaders, DEMO, signIn, signInDemoRoles } from "./auth-helpers";
import { getUserFromHeaders } from "@/lib/auth/session";
import { createUser } from "@/lib/users/mutations";
import { findUserByEmail } from "@/lib/users/data";
import { countAuditEvents } from "@/lib/audit/data";
import { getDb } from "@/lib/db/client";

describe("signing in", () => {
  it("lets every demo role sign in, with an http-only, same-site session cookie", async () => {
    const cookies = await signInDemoRoles();
    for (const [role, cookie] of Object.entries(cookies)) {
      const user = await getUserFromHeaders(browserHeaders(cookie));
      expect(user?.roles, role).toContain(role);
    }
    const { setCookies } = await signIn(DEMO.curator.email, DEMO.curator.password);
    const session = setCookies.find((c) => c.includes("session_token"))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    // Served over plain http (a laptop): no Secure flag, or the browser would drop the cookie.
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const { status, setCookies } = await signIn(DEMO.researcher.email, DEMO.researcher.password, {
      "x-forwarded-proto": "https",
      origin: "https://127.0.0.1:3000",
    });
    expect(status).toBe(200);
    const session = setCookies.find((c) => c.includes("session_token"))!;
    expect(session).toMatch(/^__Secure-/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
  });

  it("refuses a wrong password with a message in the person's language, and sets no cookie", async () => {
    const wrong = await signIn(DEMO.reviewer.email, "not-the-password", { "accept-language": "fr-FR,fr;q=0.9" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("invalidCredentials");
    expect(wrong.body.message).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(wrong.cookie).toBe("");
    const unknown = await signIn("nobody@example.org", "whatever-password", { "accept-language": "ar" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
  });

  it("refuses malformed input with 400, never 500", async () => {
    for (const body of [
      {},
      { email: "x" },
      { email: "a@b.co", password: "p".repeat(129) },
      { email: "a".repeat(300) + "@example.org", password: "long-enough-pass" },
      { email: "a@b.co", password: "x", extra: 1 },
    ]) {
      const response = await authRequest("/sign-in/email", { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("invalidInput");
    }
    const notJson = await authRequest("/sign-in/email", { rawBody: "{not json" });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
  });

  it("offers no self sign-up: accounts come from administrators", async () => {
    const response = await authRequest("/sign-up/email", {
      body: { email: "self@example.org", password: "self-signup-pass", name: "Self" },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await findUserByEmail("self@example.org")).toBeNull();
  });
});

describe("account: session, password change, sign-out", () => {
  it("changes one's password (audited), then signs in with the new one only", async () => {
    const admin = await findUserByEmail(DEMO.admin.email);
    await createUser({
      actorId: admin!.id,
      input: {
        name: "Pat Change",
        email: "pat.change@example.org",
        password: "first-password",
        roles: ["researcher"],
        translateLanguages: [],
        reviewLanguages: [],
      },
    });
    const pat = await findUserByEmail("pat.change@example.org");
    const { cookie } = await signIn("pat.change@example.org", "first-password");

    const wrong = await authRequest("/change-password", {
      cookie,
      body: { currentPassword: "not-it-at-all", newPassword: "second-password" },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { code: string }).code).toBe("wrongPassword");
    const tooShort = await authRequest("/change-password", {
      cookie,
      body: { currentPassword: "first-password", newPassword: "short" },
    });
    expect(tooShort.status).toBe(400);

    const before = await countAuditEvents({ entityType: "user", entityId: pat!.id, action: "user.password_change" });
    const changed = await authRequest("/change-password", {
      cookie,
      body: { currentPassword: "first-password", newPassword: "second-password", revokeOtherSessions: true },
    });
    expect(changed.status).toBe(200);
    expect(await countAuditEvents({ entityType: "user", entityId: pat!.id, action: "user.password_change" })).toBe(
      before + 1,
    );

    expect((await signIn("pat.change@example.org", "first-password")).status).toBe(401);
    expect((await signIn("pat.change@example.org", "second-password")).status).toBe(200);
  });

  it("refuses a password change without a session", async () => {
    const response = await authRequest("/change-password", {
      body: { currentPassword: "researcher-demo", newPassword: "another-password" },
    });
    expect(response.status).toBe(401);
  });

  it("signs out: the session is gone from the database", async () => {
    const { cookie } = await signIn(DEMO.translator.email, DEMO.translator.password);
    expect(await getUserFromHeaders(browserHeaders(cookie))).not.toBeNull();
    const out = await authRequest("/sign-out", { cookie, body: {} });
    expect(out.status).toBe(200);
    expect(await getUserFromHeaders(browserHeaders(cookie))).toBeNull();
  });

  it("sees a change of roles, languages or a disabled account on the next request (nothing cached)", async () => {
    const password = "a-long-enough-password";
    const email = `session-fresh-${Date.now()}@example.org`;
    const admin = await findUserByEmail(DEMO.admin.email);
    await createUser({
      actorId: admin!.id,
      input: {
        name: "Fresh Session",
        email,
        password,
        roles: ["researcher"],
        translateLanguages: [],
        reviewLanguages: [],
      },
    });
    const { cookie } = await signIn(email, password);
    expect(await getUserFromHeaders(browserHeaders(cookie))).toMatchObject({
      email,
      roles: ["researcher"],
      translateLanguages: [],
      reviewLanguages: [],
    });
    const db = await getDb();
    await db.user.update({
      where: { email },
      data: { roles: ["researcher", "translator"], translateLanguages: ["fr"], reviewLanguages: ["ar"] },
    });
    expect(await getUserFromHeaders(browserHeaders(cookie))).toMatchObject({
      roles: ["researcher", "translator"],
      translateLanguages: ["fr"],
      reviewLanguages: ["ar"],
    });
    await db.user.update({ where: { email }, data: { disabled: true } });
    expect(await getUserFromHeaders(browserHeaders(cookie))).toBeNull();
  });

  it("ignores a forged or foreign session cookie", async () => {
    expect(await getUserFromHeaders(browserHeaders("better-auth.session_token=forged.value"))).toBeNull();
    expect(await getUserFromHeaders(browserHeaders(""))).toBeNull();
  });
});
