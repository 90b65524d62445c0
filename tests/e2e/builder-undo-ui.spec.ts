// Undo in the builder, as a researcher uses it: a question removed by mistake comes back with its
// place by the "Undo" button of the bar that stays in view; a move is undone with Ctrl+Z (but
// Ctrl+Z inside a text field stays the field's own); focus lands on what was said; in Arabic the
// bar reads right to left. axe in both languages with the bar showing.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

test.use({ actionTimeout: 20_000 });

const status = (page: Page) => page.locator(".builder-status");
const bar = (page: Page) => page.locator(".builder-undo");
const order = (page: Page) =>
  page
    .locator(".section-card")
    .first()
    .locator(".item-card")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-item")));

test("a removed question comes back with Undo, a move with Ctrl+Z, in English and in Arabic", async ({ page }) => {
  test.setTimeout(180_000);
  page.on("dialog", (dialog) => dialog.accept());
  await signInTo(page, DEMO.researcher, "/questionnaires/new");
  await page.getByLabel("Title (English)").fill("E2E undo survey");
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  const path = new URL(page.url()).pathname;

  await page.getByLabel("Bank codes").fill("bkg_consent bkg_age bkg_gender");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(status(page)).toContainText("3 questions added");
  await expect(bar(page)).toContainText("Last change: Added questions");

  // Remove a question by mistake, then undo it: it is back in its place.
  const actions = page.getByRole("group", { name: "Actions for “bkg_age”" });
  await actions.getByRole("button", { name: /^Remove/ }).click();
  await expect(status(page)).toContainText("“bkg_age” removed.");
  expect(await order(page)).toEqual(["bkg_consent", "bkg_gender"]);
  await expect(bar(page)).toContainText("Last change: Removed a question");
  await expectAccessible(page);
  await bar(page).getByRole("button", { name: "Undo" }).click();
  await expect(status(page)).toHaveText("Undone: Removed a question.");
  await expect(status(page)).toBeFocused();
  await expect.poll(() => order(page)).toEqual(["bkg_consent", "bkg_age", "bkg_gender"]);
  // One level: nothing more to undo until the next change.
  await expect(bar(page)).toHaveCount(0);

  // Move a question up, then Ctrl+Z from the page (not from a text field) undoes the move.
  await page
    .getByRole("group", { name: "Actions for “bkg_gender”" })
    .getByRole("button", { name: /^Move up/ })
    .click();
  await expect.poll(() => order(page)).toEqual(["bkg_consent", "bkg_gender", "bkg_age"]);
  await expect(bar(page)).toContainText("Last change: Moved a question");
  // Inside a text field, Ctrl+Z is the field's own: the questionnaire stays as it is.
  await page.getByLabel("Bank codes").fill("bkg_");
  await page.getByLabel("Bank codes").press("Control+z");
  await expect(bar(page)).toContainText("Last change: Moved a question");
  expect(await order(page)).toEqual(["bkg_consent", "bkg_gender", "bkg_age"]);
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Control+z");
  await expect(status(page)).toHaveText("Undone: Moved a question.");
  await expect.poll(() => order(page)).toEqual(["bkg_consent", "bkg_age", "bkg_gender"]);

  // In Arabic, after another change: the bar in the page's words, right to left, and accessible.
  await page
    .getByRole("group", { name: "Actions for “bkg_consent”" })
    .getByRole("button", { name: /^Move down/ })
    .click();
  await expect(bar(page)).toContainText("Moved a question");
  await page.goto(path.replace(/^\/en\//, "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(bar(page)).toContainText("التغيير الأخير: نقل سؤالًا");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("undo-bar-ar.png") });
  await bar(page).getByRole("button", { name: "تراجع" }).click();
  await expect(status(page)).toHaveText("تم التراجع: نقل سؤالًا.");
  await expect(bar(page)).toHaveCount(0);
});
