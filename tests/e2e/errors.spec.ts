// What a person (or an attacker) meets when something is wrong, against the production build and
// without JavaScript where a page must read without it: an unknown address answers the localised
// 404 in the site's frame (right to left in Arabic), a page's own 404 and a page refused to
// someone's roles read as such, with and without JavaScript, hostile text in an address is a 400 page rather than a 500, and another site's server-action
// post is refused with 403 (an unreadable one with 400). Every page shown passes axe.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO } from "./sign-in";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const [locale, title, dir] of [
    ["en", "Page not found", "ltr"],
    ["ar", "الصفحة غير موجودة", "rtl"],
  ] as const) {
    test(`an unknown address in ${locale} answers the localised 404 inside the site's layout`, async ({ page }) => {
      const response = await page.goto(`/${locale}/no-such-page/at-all`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", dir);
      await expect(page.locator("header.site-header")).toBeVisible();
      await expect(
        page
          .locator("main")
          .getByRole("link", { name: locale === "ar" ? "الانتقال إلى الإطار" : "Go to the framework" }),
      ).toHaveAttribute("href", `/${locale}/framework`);
    });
  }

  test("an address outside every locale is sent to the browser's language, then a 404", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.locator("header.site-header")).toBeVisible();
  });

  // A page's own notFound() or forbidden(): Next 16 answers an empty document and renders the page
  // in the browser only; the app's server fills it (scripts/error-pages.ts) so that it reads here.
  test("a page's own 404 and 403 read without JavaScript, in the page's language", async ({ page, baseURL }) => {
    const missing = await page.goto("/ar/questions/no_such_question_code");
    expect(missing?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");
    await expect(page.getByRole("link", { name: "الانتقال إلى الإطار" })).toHaveAttribute("href", "/ar/framework");
    const signIn = await page.context().request.post("/api/auth/sign-in/email", {
      data: DEMO.researcher,
      headers: { Origin: baseURL! },
    });
    expect(signIn.status()).toBe(200);
    const refused = await page.goto("/fr/curate");
    expect(refused?.status()).toBe(403);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  });

  test("NUL in the search query or in an id is a 400 page in the page's language, never a 500", async ({ page }) => {
    const search = await page.goto("/ar/search?q=%00");
    expect(search?.status()).toBe(400);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تعذّر فهم هذا الطلب");
    for (const path of [
      "/en/audit?entity=%00",
      "/en/admin/users/%00",
      "/en/curate/choice-lists/%00",
      "/en/questions/%00",
      "/en/questionnaires/%00",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(400);
    }
  });
});

// axe runs inside the page, so the same pages are checked for accessibility with JavaScript on.
test.describe("error pages pass axe", () => {
  for (const path of ["/en/no-such-page/at-all", "/ar/no-such-page/at-all", "/ar/search?q=%00"]) {
    test(`${path} is accessible`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    });
  }
});

// A page that calls notFound() or forbidden() itself, with JavaScript on: the browser renders the
// page from its payload into Next's error document, replacing what the server filled in (one
// heading, the site's layout).
test.describe("a page's own not-found and forbidden", () => {
  test("a page refused to a person's roles says so (403) in the site's layout", async ({ page, baseURL }) => {
    const signIn = await page.context().request.post("/api/auth/sign-in/email", {
      data: DEMO.researcher,
      headers: { Origin: baseURL!, "X-Forwarded-For": "192.0.2.230" },
    });
    expect(signIn.status()).toBe(200);
    const response = await page.goto("/en/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
    await expectAccessible(page);
  });

  test("a known page with an unknown id is the localised 404, in the site's layout", async ({ page }) => {
    const response = await page.goto("/fr/questions/no_such_question_code");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.locator("header.site-header")).toBeVisible();
  });
});

test.describe("server-action posts", () => {
  test("another site's action post is refused with 403, an unreadable one with 400", async ({ request, baseURL }) => {
    const crossSite = await request.post("/en/search", {
      headers: {
        Origin: "https://evil.example",
        "Next-Action": "0123456789abcdef",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(crossSite.status()).toBe(403);
    const noJs = await request.post("/en/curate/framework", {
      headers: { Origin: "https://evil.example" },
      multipart: { $ACTION_ID_0123: "", kind: "domain" },
    });
    expect(noJs.status()).toBe(403);
    const malformed = await request.post("/en/curate/framework", {
      headers: { Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=xyz" },
      data: "--nope\r\nnot a part",
    });
    expect(malformed.status()).toBe(400);
  });
});
