// Issue #19, first parts: the favicon answers on every page, each role lands on its work after
// signing in (a safe return address still wins, a hostile one still does not), the admin's Users
// page is in the main navigation, Escape closes the account menu, and no main page scrolls
// sideways at 390, 768, 1024 or 1366 px, in English and Arabic.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";

const DEMO = {
  researcher: { email: "researcher@demo.questionbank.org", password: "researcher-demo" },
  translator: { email: "translator@demo.questionbank.org", password: "translator-demo" },
  reviewer: { email: "reviewer@demo.questionbank.org", password: "reviewer-demo" },
  curator: { email: "curator@demo.questionbank.org", password: "curator-demo" },
  admin: { email: "admin@demo.questionbank.org", password: "admin-demo-1" },
} as const;

async function signIn(page: Page, who: { email: string; password: string }, next?: string) {
  await page.goto(`/en/sign-in${next === undefined ? "" : `?next=${encodeURIComponent(next)}`}`);
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("#password").press("Enter");
}

test("the favicon and icon answer, and no page asks for a missing one", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404 && r.request().resourceType() !== "document") missing.push(r.url());
  });
  for (const path of ["/en", "/ar/search?q=vaccine", "/fr/templates", "/en/no-such-page"]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
    await expect(page.locator(".site-title svg.logo")).toBeVisible();
  }
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
  ] as const) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()["content-type"]).toContain(type);
  }
  expect(missing).toEqual([]);
});

test.describe("where people land", () => {
  const landings = [
    ["researcher", /\/en\/questionnaires$/, "My questionnaires"],
    ["translator", /\/en\/translate\/fr\/queue$/, null],
    ["reviewer", /\/en\/translate\/fr\/queue\?status=in_review$/, null],
    ["curator", /\/en\/curate\/drafts$/, null],
    ["admin", /\/en\/admin\/users$/, "Users"],
  ] as const;
  for (const [role, url, heading] of landings) {
    test(`a ${role} lands on their work`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expect(page).toHaveURL(url);
      if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Access refused|My account/);
    });
  }

  test("a safe return address wins; a hostile one is refused for the landing", async ({ page }) => {
    await signIn(page, DEMO.curator, "/search?q=vaccine");
    await expect(page).toHaveURL(/\/en\/search\?q=vaccine$/);
    await page.context().clearCookies();
    await signIn(page, DEMO.curator, "//evil.example/");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/en\/curate\/drafts$/);
  });

  test("the admin's Users page is in the main navigation", async ({ page }) => {
    await signIn(page, DEMO.admin, "/");
    await expect(page).toHaveURL(/\/en$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/users$/);
    await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
  });
});

test("Escape closes the account menu and returns focus to its button", async ({ page }) => {
  await signIn(page, DEMO.researcher);
  await expect(page).toHaveURL(/\/en\/questionnaires$/);
  const summary = page.locator("details.account-menu summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("details.account-menu")).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "My account" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("details.account-menu")).not.toHaveAttribute("open");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
});

test("no main page scrolls sideways at 390, 768, 1024 or 1366 px, in English and Arabic", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, DEMO.admin, "/");
  await expect(page).toHaveURL(/\/en$/);
  const paths = ["", "/search", "/search?q=vaccine", "/framework", "/templates", "/admin/users", "/audit", "/curate"];
  const overflowing: string[] = [];
  for (const width of [390, 768, 1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    for (const locale of ["en", "ar"]) {
      for (const path of paths) {
        await page.goto(`/${locale}${path}`);
        const { scroll, inner } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        if (scroll > inner) overflowing.push(`${width}px /${locale}${path}: ${scroll}px wide`);
      }
    }
  }
  expect(overflowing).toEqual([]);
});
