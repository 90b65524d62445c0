import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";

test.describe("four languages, right to left in Arabic", () => {
  for (const [locale, heading] of [
    ["en", "Question Bank"],
    ["es", "Banco de Preguntas"],
    ["fr", "Banque de questions"],
    ["ar", "بنك الأسئلة"],
  ] as const) {
    test(`the home page renders in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectAccessible(page);
    });
  }

  test("the root redirects by the browser's language", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "fr-FR",
      extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/fr$/);
    await context.close();
  });

  test("the language switcher keeps the person on the same page", async ({ page }) => {
    await page.goto("/en/framework/PER-03");
    const languages = page.getByRole("navigation", { name: "Language" });
    await languages.locator("summary").click();
    await languages.getByRole("link", { name: "العربية" }).click();
    await expect(page).toHaveURL(/\/ar\/framework\/PER-03$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test("a person browses the framework to a question in Arabic, right to left, by keyboard", async ({ page }) => {
    await page.goto("/ar/framework");
    await expectAccessible(page);
    const indicatorLink = page.getByRole("link", { name: /PER-03/ });
    await indicatorLink.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/ar\/framework\/PER-03$/);
    await expectAccessible(page);
    const firstQuestion = page.locator(".question-list a").first();
    await firstQuestion.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/ar\/questions\/[a-z0-9_]+$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The four language columns, each in its own direction, with answer choices where the question has them.
    await expect(page.locator("section.language-column")).toHaveCount(4);
    await expect(page.locator('section.language-column[lang="ar"]')).toHaveAttribute("dir", "rtl");
    await expect(page.locator('section.language-column[lang="en"]')).toHaveAttribute("dir", "ltr");
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveAttribute("lang", "ar");
    // The layout is mirrored: the site name, first in the header, sits on the right.
    const title = await page.locator(".site-title").boundingBox();
    expect(title!.x).toBeGreaterThan(page.viewportSize()!.width / 2);
    await expectAccessible(page);
  });
});
