// Accounts and roles as a newcomer meets them, in Chromium against the production build: the
// demo accounts sign in, an administrator creates a person who then signs in, a researcher is
// refused the admin pages, the audit trail shows the creation; every page passes axe.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signIn } from "./sign-in";

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("accounts and roles", () => {
  test("an administrator creates a translator, the audit trail shows it, and the translator signs in", async ({
    page,
  }) => {
    const violations = watchCspViolations(page);
    const email = `farida.${Date.now()}@example.org`;

    await page.goto("/en/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expectAccessible(page);
    await signIn(page, DEMO.admin, { next: "/admin/users" });
    await expect(page).toHaveURL(/\/en\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
    await expectAccessible(page);

    const create = page
      .getByRole("region", { name: "Create a user" })
      .or(page.locator("section[aria-labelledby=create-user]"));
    await create.getByLabel("Name").fill("Farida Mansour");
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Temporary password").fill("farida-first-pass");
    await create.getByRole("group", { name: "Roles" }).getByLabel("Researcher").uncheck();
    await create.getByRole("group", { name: "Roles" }).getByLabel("Translator").check();
    await create.getByRole("group", { name: "May translate into" }).getByLabel("العربية").check();
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status")).toHaveText(`Account created for ${email}.`);
    await expect(
      page.getByRole("table").getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) }),
    ).toContainText("Translator");
    await expectAccessible(page);

    // The audit trail, filtered by the new person's email, shows who created them.
    await page.goto("/en/audit");
    await expectAccessible(page);
    await page.getByLabel("Object type").selectOption("user");
    await page.getByLabel("Object id, code or email").fill(email);
    await page.getByRole("button", { name: "Apply filters" }).click();
    const row = page.getByRole("table").locator("tbody tr");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Created an account");
    await expect(row).toContainText("Demo Admin");
    await expect(row).toContainText(email);
    await expectAccessible(page);

    // Sign out from the account menu, by keyboard.
    const menu = page.locator("details.account-menu summary");
    await menu.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await signIn(page, { email, password: "farida-first-pass" });
    // No return address: a translator lands on their queue.
    await expect(page).toHaveURL(/\/en\/translate\/ar\/queue$/);
    await page.goto("/en/account");
    await expect(page.getByRole("list", { name: "Roles" })).toContainText("Translator");
    await expect(page.getByRole("list", { name: "Roles" })).not.toContainText("Researcher");
    await expect(page.locator(".details-list")).toContainText("Arabic");
    await expectAccessible(page);

    // The new person changes the temporary password.
    await page.getByLabel("Current password").fill("farida-first-pass");
    await page.getByLabel("New password", { exact: true }).fill("farida-own-password");
    await page.getByLabel("Repeat the new password").fill("farida-own-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Your password has been changed. Your other sessions were signed out.",
    );
    // A translator has no admin pages in the menu.
    await page.locator("details.account-menu summary").click();
    await expect(page.locator("details.account-menu")).not.toContainText("Users");
    expect(violations, "CSP violations").toEqual([]);
  });

  test("a researcher is refused the admin and audit pages", async ({ page }) => {
    await signIn(page, DEMO.researcher);
    await expect(page).toHaveURL(/\/en\/questionnaires$/);
    await page.goto("/en/account");
    await expect(page.getByRole("list", { name: "Roles" })).toContainText("Researcher");
    expect((await page.goto("/en/admin/users"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectAccessible(page);
    await page.goto("/en/audit");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
  });

  test("a visitor is sent to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/fr/audit");
    await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Faudit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
    await expectAccessible(page);
  });

  test("sign-in in Arabic is right to left and says what went wrong", async ({ page }) => {
    await page.goto("/ar/sign-in");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تسجيل الدخول");
    await page.getByLabel("البريد الإلكتروني").fill("nobody@example.org");
    await page.getByLabel("كلمة المرور").fill("wrong-password");
    await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).last().click();
    // Next's route announcer is an alert too: name ours by its id.
    const alert = page.locator("#sign-in-error");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
    await expect(alert).toBeFocused();
    await expectAccessible(page);
  });
});

test.describe("role × page matrix over HTTP", () => {
  const pages = { "/en/account": "My account", "/en/admin/users": "Users", "/en/audit": "Audit trail" } as const;
  const allowed: Record<keyof typeof DEMO, (keyof typeof pages)[]> = {
    researcher: ["/en/account"],
    translator: ["/en/account"],
    reviewer: ["/en/account"],
    curator: ["/en/account", "/en/audit"],
    admin: ["/en/account", "/en/admin/users", "/en/audit"],
  };
  let address = 10;

  async function signInOverHttp(request: APIRequestContext, baseURL: string, who: { email: string; password: string }) {
    // (X-Forwarded-For is not believed from a client: the e2e server has the per-address limit off,
    // playwright.config.ts, and tests/integration/start-script.test.ts checks the header is ignored.)
    const response = await request.post("/api/auth/sign-in/email", {
      data: who,
      headers: { Origin: baseURL, "X-Forwarded-For": `192.0.2.${address++}` },
    });
    expect(response.status()).toBe(200);
  }

  for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    test(`${role}: opens exactly the pages the role allows`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({ baseURL });
      await signInOverHttp(request, baseURL!, DEMO[role]);
      for (const [path, heading] of Object.entries(pages) as [keyof typeof pages, string][]) {
        const response = await request.get(path);
        const html = await response.text();
        if (allowed[role].includes(path)) {
          expect(response.status(), `${role} ${path}`).toBe(200);
          expect(html, `${role} ${path}`).toContain(`<h1>${heading}</h1>`);
        } else {
          // Next renders an HTTP error's page from its payload on the client, as for a 404.
          expect(response.status(), `${role} ${path}`).toBe(403);
          expect(html, `${role} ${path}`).toContain("Access refused");
          expect(html, `${role} ${path}`).not.toContain(`<h1>${heading}</h1>`);
        }
      }
      await request.dispose();
    });
  }

  test("anonymous: redirected to sign in from every private page; sign-in refused from another site", async ({
    playwright,
    baseURL,
  }) => {
    const request = await playwright.request.newContext({ baseURL });
    for (const path of Object.keys(pages)) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers()["location"]).toContain("/en/sign-in?next=");
    }
    const crossSite = await request.post("/api/auth/sign-in/email", {
      data: DEMO.admin,
      headers: { Origin: "https://evil.example", "X-Forwarded-For": "192.0.2.200" },
    });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).code).toBe("crossSite");
    await request.dispose();
  });

  test("pages carry a nonce-based CSP and the usual security headers; API routes a strict CSP", async ({ request }) => {
    const page = await request.get("/en");
    const csp = page.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain(`nonce="${nonce}"`);
    expect(page.headers()["x-content-type-options"]).toBe("nosniff");
    expect(page.headers()["x-frame-options"]).toBe("DENY");
    const second = (await request.get("/en")).headers()["content-security-policy"];
    expect(second).not.toBe(csp);
    const api = await request.get("/api/health");
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
