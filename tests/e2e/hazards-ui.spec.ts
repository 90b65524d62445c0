// A researcher adds multi-hazard questions ([[hazard]] placeholders), sees the readiness check ask
// for a hazard, chooses cholera in the questionnaire's settings with the keyboard, and finds the
// preview and the readiness check written for cholera.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

test.use({ actionTimeout: 20_000 });

test("a researcher chooses the questionnaire's hazard and sees it written into the questions", async ({ page }) => {
  test.setTimeout(180_000);
  await signInTo(page, DEMO.researcher, "/questionnaires");
  await page.getByRole("link", { name: "New questionnaire" }).click();
  await page.getByLabel("Title (English)").fill("E2E cholera risk survey");
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  const builderUrl = new URL(page.url()).pathname;

  await page.getByLabel("Bank codes").fill("per_hz_likely_get inf_hz_enough_info");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.locator(".builder-status")).toContainText("2 questions added");
  await page.reload();
  const readiness = page.getByRole("region", { name: "Ready to export?" });
  await expect(readiness.getByText(/These questions name the hazard through a placeholder/)).toContainText(
    "per_hz_likely_get, inf_hz_enough_info",
  );

  // The hazard, chosen with the keyboard only.
  await page.getByText("Title, languages and settings").click();
  const select = page.getByLabel("Hazard the questions name");
  await expect(select).toHaveValue("");
  await select.focus();
  await select.selectOption({ label: "Cholera" });
  await expect(select).toHaveValue("cholera");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save", exact: true }).press("Enter");
  await expect(page.locator(".builder-status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(readiness.getByText(/These questions name the hazard through a placeholder/)).toHaveCount(0);

  await page.goto(`${builderUrl}/preview?lang=en`);
  await expect(
    page.getByText("How likely do you think it is that you will get cholera in the next 3 months?"),
  ).toBeVisible();
  await expect(page.getByText("[[hazard")).toHaveCount(0);
});
