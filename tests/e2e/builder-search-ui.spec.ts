// A researcher finds bank questions from inside the builder (issue #19), in Chromium: searches by
// words with Enter, narrows by answer type, adds a result by keyboard to the chosen section, sees
// it marked as already asked, and searches in Arabic, right to left. Pages pass axe.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 20_000 });

const TITLE = `E2E search panel ${Date.now().toString(36)}`;
const status = (page: Page) => page.locator(".builder-status");

test("a researcher searches the bank inside the builder and adds a question by keyboard", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.researcher, { next: "/questionnaires/new" });
  await page.waitForURL("**/en/questionnaires/new");
  await page.getByLabel("Title (English)").fill(TITLE);
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  const builderPath = new URL(page.url()).pathname;

  await page.getByRole("region", { name: "Add a section" }).getByLabel("Section title (English)").fill("Vaccines");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(status(page)).toHaveText("Section added.");

  const panel = page.getByRole("region", { name: "Search the bank" });
  const query = panel.getByRole("searchbox", { name: "Find bank questions" });
  await query.fill("vaccine");
  await query.press("Enter");
  const heading = panel.locator("#bank-results-heading");
  await expect(heading).toHaveText(/^\d+ results?$/);
  const results = panel.getByRole("list", { name: /results?$/ }).first();
  await expect(results.getByRole("listitem").first()).toBeVisible();

  // Narrowed to one answer type: every result says so.
  await panel.getByLabel("Answer type").selectOption({ label: "Select one" });
  await panel.getByRole("button", { name: "Search", exact: true }).click();
  await expect(heading).toHaveText(/^\d+ results?$/);
  const first = results.getByRole("button", { name: /^Add \S+ to .*Vaccines/ }).first();
  const name = (await first.getAttribute("aria-label")) ?? (await first.innerText());
  const code = /^Add (\S+) to/.exec(name)?.[1];
  expect(code).toBeTruthy();
  await expectAccessible(page);

  // Added by keyboard: the status says where, the result is marked, and the item is in the section.
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(status(page)).toContainText(`${code} added to`);
  await expect(page.locator(`.item-card[data-item='${code}']`)).toBeVisible();
  const hit = results.getByRole("listitem").filter({ hasText: code! }).first();
  await expect(hit.getByText("Already in this questionnaire")).toBeVisible();
  await expect(hit.getByRole("button", { name: new RegExp(`^Add ${code} to`) })).toHaveCount(0);
  await expect(page.locator(":focus")).not.toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");

  // In Arabic, right to left: words in Arabic find questions too.
  await page.goto(builderPath.replace(/^\/en\//, "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const arabic = page.locator("#bank-search-q");
  await arabic.fill("لقاح");
  await arabic.press("Enter");
  await expect(page.locator("#bank-results-heading")).toHaveText(/\S/);
  await expect(page.locator("#bank-results-heading")).not.toHaveText(/لا يطابق/);
  await expectAccessible(page);
});
