// User management as the admin page's server actions run it (the commands take the request's
// headers), on the real database: the role matrix, validation, audit, and two admins at once.
import { beforeAll, describe, expect, it } from "vitest";
import { browserHeaders, DEMO, form, signIn, signInDemoRoles, type DemoRole } from "./auth-helpers";
import { createUserCommand, updateUserCommand } from "@/lib/users/commands";
import { countUsers, findUserByEmail, findUserForEdit } from "@/lib/users/data";
import { countAuditEvents, findAuditEvents } from "@/lib/audit/data";
import { getUserFromHeaders } from "@/lib/auth/session";

let cookies: Record<DemoRole, string>;
beforeAll(async () => {
  cookies = await signInDemoRoles();
});

const newUser = (email: string, extra: Record<string, string | string[]> = {}) =>
  form({
    locale: "en",
    name: "New Person",
    email,
    password: "a-good-password",
    roles: ["translator"],
    translateLanguages: ["ar"],
    ...extra,
  });

describe("who may manage users", () => {
  const refused: (DemoRole | "anonymous")[] = ["anonymous", "researcher", "translator", "reviewer", "curator"];
  for (const who of refused) {
    it(`${who} is refused creating and editing users, and nothing is written`, async () => {
      const headers =
        who === "anonymous" ? new Headers({ origin: "http://127.0.0.1:3000" }) : browserHeaders(cookies[who]);
      const usersBefore = await countUsers();
      const auditBefore = await countAuditEvents();
      const created = await createUserCommand(headers, newUser(`${who}-attempt@example.org`));
      expect(created.ok).toBe(false);
      expect(!created.ok && created.code).toBe(who === "anonymous" ? "unauthenticated" : "forbidden");
      const target = await findUserByEmail(DEMO.researcher.email);
      const edited = await updateUserCommand(
        headers,
        form({ locale: "en", id: target!.id, revision: String(target!.revision), name: "Hacked", roles: ["admin"] }),
      );
      expect(!edited.ok && edited.code).toBe(who === "anonymous" ? "unauthenticated" : "forbidden");
      expect(await countUsers()).toBe(usersBefore);
      expect(await countAuditEvents()).toBe(auditBefore);
      expect((await findUserForEdit(target!.id))?.roles).toEqual(["researcher"]);
    });
  }

  it("an administrator creates a user with roles and languages; it is audited and they can sign in", async () => {
    const state = await createUserCommand(
      browserHeaders(cookies.admin),
      newUser("nadia@example.org", {
        name: "Nadia Haddad",
        roles: ["translator", "reviewer"],
        translateLanguages: ["ar", "fr"],
        reviewLanguages: ["ar"],
      }),
    );
    expect(state).toMatchObject({ ok: true, data: { message: "Account created for nadia@example.org." } });
    const nadia = await findUserByEmail("nadia@example.org");
    const events = await findAuditEvents({ entityType: "user", entity: "nadia@example.org", page: 1 });
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({
      action: "user.create",
      entityId: nadia!.id,
      actor: { email: DEMO.admin.email },
    });
    expect(events.rows[0].after).toMatchObject({
      email: "nadia@example.org",
      roles: ["translator", "reviewer"],
      translateLanguages: ["ar", "fr"],
      reviewLanguages: ["ar"],
    });
    expect(JSON.stringify(events.rows[0].after)).not.toContain("a-good-password");
    const signedIn = await signIn("nadia@example.org", "a-good-password");
    expect(signedIn.status).toBe(200);
    expect((await getUserFromHeaders(browserHeaders(signedIn.cookie)))?.translateLanguages).toEqual(["ar", "fr"]);
  });

  it("refuses invalid input field by field, in the person's language, writing nothing", async () => {
    const before = await countUsers();
    const state = await createUserCommand(
      browserHeaders(cookies.admin),
      form({
        locale: "es",
        name: "",
        email: "not-an-email",
        password: "short",
        roles: ["pope"],
        translateLanguages: ["en"],
      }),
    );
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.code).toBe("invalidInput");
    expect(state.message).toBe("Algunos campos necesitan corrección.");
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual([
      "email",
      "name",
      "password",
      "roles",
      "translateLanguages",
    ]);
    expect(state.fieldErrors?.password).toBe("Al menos 10 caracteres.");
    expect(await countUsers()).toBe(before);
    const long = await createUserCommand(
      browserHeaders(cookies.admin),
      newUser("long@example.org", { name: "x".repeat(101) }),
    );
    expect(!long.ok && long.fieldErrors?.name).toBe("At most 100 characters.");
  });

  it("refuses a second account with the same email (in any case)", async () => {
    const state = await createUserCommand(browserHeaders(cookies.admin), newUser("RESEARCHER@demo.questionbank.org"));
    expect(!state.ok && state.code).toBe("emailTaken");
  });

  it("an administrator cannot remove their own admin role or disable themself", async () => {
    const admin = await findUserByEmail(DEMO.admin.email);
    const state = await updateUserCommand(
      browserHeaders(cookies.admin),
      form({ locale: "en", id: admin!.id, revision: String(admin!.revision), name: "Demo Admin", roles: ["curator"] }),
    );
    expect(!state.ok && state.code).toBe("selfLockout");
    expect((await findUserByEmail(DEMO.admin.email))?.roles).toEqual(["admin"]);
  });

  it("disabling a person signs them out everywhere and keeps them out", async () => {
    await createUserCommand(browserHeaders(cookies.admin), newUser("leaving@example.org"));
    const leaving = await signIn("leaving@example.org", "a-good-password");
    expect(await getUserFromHeaders(browserHeaders(leaving.cookie))).not.toBeNull();
    const row = await findUserByEmail("leaving@example.org");
    const state = await updateUserCommand(
      browserHeaders(cookies.admin),
      form({
        locale: "en",
        id: row!.id,
        revision: String(row!.revision),
        name: "Leaving",
        roles: ["translator"],
        disabled: "on",
      }),
    );
    expect(state.ok).toBe(true);
    expect(await getUserFromHeaders(browserHeaders(leaving.cookie))).toBeNull();
    const again = await signIn("leaving@example.org", "a-good-password");
    expect(again.status).toBe(403);
    expect(again.body.code).toBe("accountDisabled");
  });
});

describe("two administrators editing the same person", () => {
  let secondAdmin: string;
  beforeAll(async () => {
    await createUserCommand(
      browserHeaders(cookies.admin),
      form({
        locale: "en",
        name: "Second Admin",
        email: "admin2@example.org",
        password: "second-admin-pass",
        roles: ["admin"],
      }),
    );
    secondAdmin = (await signIn("admin2@example.org", "second-admin-pass")).cookie;
  });

  it("the second save, made from the same revision, is refused with a conflict; the first is kept", async () => {
    await createUserCommand(browserHeaders(cookies.admin), newUser("contested@example.org", { name: "Contested" }));
    const target = (await findUserByEmail("contested@example.org"))!;
    const auditBefore = await countAuditEvents({ entityType: "user", entityId: target.id });
    const first = await updateUserCommand(
      browserHeaders(cookies.admin),
      form({
        locale: "en",
        id: target.id,
        revision: String(target.revision),
        name: "Contested",
        roles: ["reviewer"],
        reviewLanguages: ["fr"],
      }),
    );
    expect(first.ok).toBe(true);
    const second = await updateUserCommand(
      browserHeaders(secondAdmin),
      form({ locale: "fr", id: target.id, revision: String(target.revision), name: "Contested", roles: ["curator"] }),
    );
    expect(second.ok).toBe(false);
    expect(!second.ok && second.code).toBe("conflict");
    expect(!second.ok && second.message).toBe("Quelqu’un d’autre a modifié ceci entre-temps. Rien n’a été écrasé.");
    const after = await findUserForEdit(target.id);
    expect(after).toMatchObject({ roles: ["reviewer"], reviewLanguages: ["fr"], revision: target.revision + 1 });
    expect(await countAuditEvents({ entityType: "user", entityId: target.id })).toBe(auditBefore + 1);
  });

  it("two saves sent at the same moment: exactly one wins, the other is told", async () => {
    await createUserCommand(browserHeaders(cookies.admin), newUser("race@example.org", { name: "Race" }));
    const target = (await findUserByEmail("race@example.org"))!;
    const results = await Promise.all([
      updateUserCommand(
        browserHeaders(cookies.admin),
        form({ locale: "en", id: target.id, revision: String(target.revision), name: "Race A", roles: ["curator"] }),
      ),
      updateUserCommand(
        browserHeaders(secondAdmin),
        form({ locale: "en", id: target.id, revision: String(target.revision), name: "Race B", roles: ["researcher"] }),
      ),
    ]);
    const statuses = results.map((r) => r.ok).sort();
    expect(statuses).toEqual([false, true]);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok && loser.code).toBe("conflict");
    const winner = results.findIndex((r) => r.ok);
    const after = await findUserForEdit(target.id);
    expect(after?.name).toBe(winner === 0 ? "Race A" : "Race B");
    expect(after?.revision).toBe(target.revision + 1);
  });
});
