// A curator edits an indicator's computable definition: a choice the bank version does not have is
// refused with its name, a valid definition is saved; the page is accessible and reads right to left in Arabic.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

test("a curator refuses to save a wrong choice name and saves a valid definition", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, DEMO.curator, "/curate/indicators");
  await expect(page.getByRole("heading", { level: 1, name: "Indicator definitions" })).toBeVisible();
  await expectAccessible(page);
  const item = page.locator("details").filter({ has: page.locator("summary", { hasText: "PER-02" }) });
  await item.locator("summary").click();
  const json = item.getByLabel("Definition of PER-02 (JSON)");
  const saved = await json.inputValue();
  expect(JSON.parse(saved).question).toBe("per_sev_self");
  // Built from what is saved, so that the test runs again on the same database.
  const definition = JSON.parse(saved);
  await json.fill(JSON.stringify({ ...definition, numerator: ["very_serious", "rather_serious"] }));
  await item.getByRole("button", { name: "Save definition" }).click();
  await expect(item.getByRole("alert")).toContainText("per_sev_self v1: rather_serious");
  await json.fill(JSON.stringify({ ...definition, numerator: ["very_serious", "somewhat_serious"] }, null, 2));
  await item.getByRole("button", { name: "Save definition" }).click();
  await expect(item.getByText("PER-02: definition saved.")).toBeVisible();
  // The save re-renders the page; its <title> is streamed back in a moment (axe checks it).
  await expect(page).toHaveTitle(/Indicator definitions/);
  await expectAccessible(page);

  await page.goto("/ar/curate/indicators");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "تعريفات المؤشرات" })).toBeVisible();
  await expectAccessible(page);
});
