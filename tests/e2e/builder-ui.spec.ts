// A researcher builds a questionnaire in Chromium: 21 questions in three sections (by code, from
// the search results and from an indicator page), reordered by keyboard, skip logic built in the
// interface, previewed in Arabic (right to left) and French, printed, checked before export, and
// found again after signing back in. Then a curator changes a bank question and the researcher
// takes the new version on one click; and two tabs cannot overwrite each other.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 20_000 });

const TITLE = "E2E household survey";
let builderUrl = "";

async function signOut(page: Page) {
  await page.locator("details.account-menu summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator("details.account-menu")).toHaveCount(0);
}

const status = (page: Page) => page.locator(".builder-status");
const itemNames = (page: Page, section: number) =>
  page
    .locator(".section-card")
    .nth(section)
    .locator(".item-card")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-item")));

test("a researcher builds, orders, conditions, previews and checks a 21-question questionnaire, and finds it again after signing back in", async ({
  page,
}) => {
  test.setTimeout(420_000);
  page.on("dialog", (dialog) => dialog.accept());
  await signInTo(page, DEMO.researcher, "/questionnaires");
  await expect(page.getByRole("heading", { level: 1, name: "My questionnaires" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My questionnaires" }),
  ).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  // A new questionnaire in three languages, English by default.
  await page.getByRole("link", { name: "New questionnaire" }).click();
  await page.getByLabel("Français").check();
  await page.getByLabel("العربية").check();
  // No title in the default language: refused with a message, nothing typed is lost.
  await page.getByLabel("Title (French)").fill("Enquête ménages E2E");
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toBeVisible();
  await expect(page.getByLabel("Title (French)")).toHaveValue("Enquête ménages E2E");
  await page.getByLabel("Title (English)").fill(TITLE);
  await page.getByLabel("Title (Arabic)").fill("مسح الأسر الشامل");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  builderUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expectAccessible(page);

  // Section 1: four questions by code; the same code again is refused plainly.
  await page.getByLabel("Bank codes").fill("bkg_consent bkg_age bkg_gender bkg_household_size");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(status(page)).toContainText("4 questions added");
  await page.getByLabel("Bank codes").fill("bkg_age");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Already in this questionnaire: bkg_age." })).toBeVisible();

  // Section 2 and five questions chosen in the search results.
  await page.getByRole("region", { name: "Add a section" }).getByLabel("Section title (English)").fill("Knowledge");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(status(page)).toHaveText("Section added.");
  await page.goto("/en/search?indicator=KNW-01");
  for (const code of [
    "knw_transmission",
    "knw_asymptomatic_spread",
    "knw_covid_airborne",
    "knw_dead_body_spread",
    "knw_water_spread",
  ])
    await page.getByLabel(`Select ${code}`, { exact: true }).check();
  await expect(page.getByText("5 questions selected")).toBeVisible();
  await page.getByLabel("Add to questionnaire…").selectOption({ label: TITLE });
  await page.getByRole("button", { name: "Add the 5 selected questions" }).click();
  await expect(page.getByText(`5 questions added to “${TITLE}”.`)).toBeVisible();
  await expectAccessible(page);

  // Section 3 and all six questions of an indicator, from its page.
  await page.goto(builderUrl);
  await page.getByRole("region", { name: "Add a section" }).getByLabel("Section title (English)").fill("Vaccination");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(status(page)).toHaveText("Section added.");
  await page.goto("/en/framework/PER-03");
  await page.getByLabel("Add to questionnaire…").selectOption({ label: TITLE });
  await page.getByRole("button", { name: "Add all 12 questions of this indicator" }).click();
  await expect(page.getByText(`12 questions added to “${TITLE}”.`)).toBeVisible();
  await expectAccessible(page);

  await page.goto(builderUrl);
  await expect(page.getByText(/21 questions · 3 sections/)).toBeVisible();
  expect(await itemNames(page, 0)).toEqual(["bkg_consent", "bkg_age", "bkg_gender", "bkg_household_size"]);

  // Reorder by keyboard alone: pick up bkg_gender by its handle, move it up, drop it.
  const handle = page.getByRole("button", { name: "Drag “bkg_gender”" });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "bkg_gender is over position 3 of 4." })).toHaveCount(1);
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("status").filter({ hasText: "bkg_gender is over position 2 of 4." })).toHaveCount(1);
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "bkg_gender dropped at position 2 of 4." })).toHaveCount(1);
  await expect(status(page)).toHaveText("“bkg_gender” moved to position 2 in “Section 1”.");
  await expect.poll(() => itemNames(page, 0)).toEqual(["bkg_consent", "bkg_gender", "bkg_age", "bkg_household_size"]);
  // And with the plain buttons, also by keyboard.
  // Chromium spaces out the visually hidden ": name" part of the button's name ("Move down : bkg_gender").
  await page.getByRole("button", { name: /^Move down ?: bkg_gender$/ }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => itemNames(page, 0)).toEqual(["bkg_consent", "bkg_age", "bkg_gender", "bkg_household_size"]);

  // Skip logic: ask the age only of people who consented; required, between 15 and 110.
  await page.getByText("Required, skip logic, range: bkg_age").click();
  const age = page.getByRole("form", { name: "Settings of bkg_age" });
  await age.getByLabel("An answer is required").check();
  await age.getByRole("button", { name: "Add a condition" }).click();
  await age.getByLabel("Earlier question (condition 1)").selectOption("bkg_consent");
  await age.getByLabel("Condition", { exact: true }).selectOption("eq");
  await age.getByLabel("Answer or value").selectOption("yes");
  await age.getByLabel("Minimum").fill("15");
  await age.getByLabel("Maximum").fill("110");
  await age.getByLabel("Message when the answer is outside the range (English)").fill("Between 15 and 110, please.");
  await expectAccessible(page);
  await age.getByRole("button", { name: "Save settings" }).click();
  await expect(status(page)).toHaveText("Settings of “bkg_age” saved.");

  // Moving the consent question below the age question would make the rule look forward: refused first.
  await page.getByRole("button", { name: /^Move down ?: bkg_consent$/ }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Not done: skip logic would point to a later question" }),
  ).toBeVisible();
  expect(await itemNames(page, 0)).toEqual(["bkg_consent", "bkg_age", "bkg_gender", "bkg_household_size"]);

  // The readiness check, with the export buttons and the fallback choice.
  // The range message exists in English only: without a fallback no export button, but the reason.
  const readiness = page.getByRole("region", { name: "Ready to export?" });
  await expect(readiness).toBeVisible();
  await expect(readiness.getByRole("link", { name: `Export “${TITLE}” as XLSForm` })).toHaveCount(0);
  await expect(readiness.getByRole("link", { name: "See the problems to fix" })).toHaveAttribute(
    "href",
    "#readiness-heading",
  );
  await readiness.getByLabel("Where a translation is missing or not approved, use").selectOption("en");
  await expect(readiness.getByRole("link", { name: `Export “${TITLE}” as XLSForm` })).toHaveAttribute(
    "href",
    /format=xlsform&fallback=en/,
  );
  await expectAccessible(page);

  // Preview in Arabic, right to left; the age question appears once consent is given.
  await page.getByRole("link", { name: "Preview in Arabic" }).click();
  const form = page.locator("form.respondent");
  await expect(form).toHaveAttribute("dir", "rtl");
  await expect(form).toHaveAttribute("lang", "ar");
  await expect(page.locator("#q-bkg_age")).toHaveCount(0);
  await form.locator("fieldset").first().getByRole("radio").first().check();
  await expect(page.locator("#q-bkg_age")).toBeVisible();
  await expectAccessible(page);

  // Preview in French, then its print view.
  await page
    .getByRole("navigation", { name: "Languages of this questionnaire" })
    .getByRole("link", { name: "Français" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Preview in French" })).toBeVisible();
  await expect(page.locator("form.respondent")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("form.respondent")).toHaveAttribute("lang", "fr");
  await expect(page.locator("form.respondent")).toContainText("Choisissez une réponse.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Print in French" }).click();
  await expect(page.locator("article.paper")).toContainText("Ne poser que si");
  await expect(page.locator("article.paper .paper-box, article.paper .paper-circle").first()).toBeAttached();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator("article.paper")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Sign out, sign back in: the questionnaire is there, as it was left.
  await signOut(page);
  await signInTo(page, DEMO.researcher, "/questionnaires");
  const card = page.locator(".questionnaire-list li").filter({ hasText: TITLE });
  await expect(card).toContainText("21 questions · 3 sections");
  await card.getByRole("link", { name: TITLE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  expect(await itemNames(page, 0)).toEqual(["bkg_consent", "bkg_age", "bkg_gender", "bkg_household_size"]);
  await expect(page.locator(".item-card[data-item='bkg_age']")).toContainText("Skip logic");
});

test("a bank question changed by a curator is offered to the questionnaire as a newer version, taken on one click", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const curatorContext = await browser.newContext();
  const curator = await curatorContext.newPage();
  await signInTo(curator, DEMO.curator, "/curate/questions/per_vac_recommend");
  const wording = curator.getByLabel("Wording (English)");
  const before = await wording.inputValue();
  const after = `${before.replace(/\?$/, "")} today?`;
  await wording.fill(after);
  await curator.getByRole("button", { name: "Save and publish version 2" }).click();
  await expect(curator.getByRole("alert").filter({ hasText: TITLE })).toBeVisible();
  await curator.getByRole("button", { name: "Confirm and publish version 2" }).click();
  await expect(curator.getByText(/version 2/).first()).toBeVisible();
  await curatorContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInTo(page, DEMO.researcher, builderUrl.replace(/^\/en/, ""));
  const item = page.locator(".item-card[data-item='per_vac_recommend']");
  await expect(item.getByText("Newer version in the bank (version 1 → 2)")).toBeVisible();
  // Until the researcher takes it, the questionnaire keeps the wording of the version it took.
  await expect(item.locator(".item-label")).toHaveText(before);
  await page.goto(`${builderUrl}/print?lang=en`);
  await expect(page.locator("article.paper")).toContainText(before);
  await expect(page.locator("article.paper")).not.toContainText(after);
  await page.goto(builderUrl);
  await item.getByText("Compare the two versions").click();
  const table = item.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Version 1 (taken by this questionnaire)" })).toBeVisible();
  await expect(table.locator("ins")).toContainText("today");
  await expectAccessible(page);
  await item.getByRole("button", { name: "Update to version 2" }).click();
  await expect(status(page)).toHaveText("“per_vac_recommend” now follows version 2 of the bank.");
  await expect(item.getByText("Newer version in the bank")).toHaveCount(0);
  await expect(item.locator(".item-label")).toHaveText(after);
  await page.goto(`${builderUrl}/print?lang=en`);
  await expect(page.locator("article.paper")).toContainText(after);
  await context.close();
});

test("two tabs editing the same questionnaire never overwrite each other", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInTo(first, DEMO.researcher, builderUrl.replace(/^\/en/, ""));
  const second = await context.newPage();
  await second.goto(builderUrl);
  await first.getByLabel("Bank codes").fill("bkg_education");
  await first.getByRole("button", { name: "Add", exact: true }).click();
  await expect(status(first)).toContainText("One question added: bkg_education.");
  // The second tab still shows the questionnaire before that change: its change is refused, not applied over it.
  await second.getByLabel("Bank codes").fill("bkg_occupation");
  await second.getByRole("button", { name: "Add", exact: true }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "was changed meanwhile" });
  await expect(conflict).toBeVisible();
  await expectAccessible(second);
  await conflict.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(second.locator(".item-card[data-item='bkg_education']")).toBeVisible();
  await second.getByRole("button", { name: "Add", exact: true }).click();
  await expect(status(second)).toContainText("One question added: bkg_occupation.");
  await context.close();
});

test("an export refused after the page was shown says why on the page, and no file is saved", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = "E2E export refused";
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInTo(page, DEMO.researcher, "/questionnaires/new");
  await page.getByLabel("Français").check();
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Title (French)").fill("Export refusé E2E");
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  await page.getByLabel("Bank codes").fill("bkg_age");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(status(page)).toContainText("One question added: bkg_age.");
  const readiness = page.getByRole("region", { name: "Ready to export?" });
  const xlsform = readiness.getByRole("link", { name: `Export “${title}” as XLSForm` });
  await expect(xlsform).toBeVisible();

  // Meanwhile, in another tab, a range message in English only makes the questionnaire not ready.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByText("Required, skip logic, range: bkg_age").click();
  const age = other.getByRole("form", { name: "Settings of bkg_age" });
  await age.getByLabel("Minimum").fill("15");
  await age.getByLabel("Maximum").fill("110");
  await age.getByLabel("Message when the answer is outside the range (English)").fill("Between 15 and 110, please.");
  await age.getByRole("button", { name: "Save settings" }).click();
  await expect(status(other)).toHaveText("Settings of “bkg_age” saved.");

  // The first tab still offers the download: the server refuses it, and the page says so.
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  await xlsform.click();
  const refusal = readiness.getByRole("alert").filter({ hasText: "This questionnaire is not ready to export" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("French");
  await expect(refusal.getByRole("link", { name: "See the problems to fix" })).toHaveAttribute(
    "href",
    "#readiness-heading",
  );
  await expectAccessible(page);
  await page.waitForTimeout(1_000);
  expect(downloads).toEqual([]);

  // Shown afresh, the page offers no button but the reason; with English as fallback, the file.
  await page.reload();
  await expect(xlsform).toHaveCount(0);
  await expect(readiness.getByRole("link", { name: "See the problems to fix" })).toBeVisible();
  await readiness.getByLabel("Where a translation is missing or not approved, use").selectOption("en");
  const [file] = await Promise.all([page.waitForEvent("download"), xlsform.click()]);
  expect(file.suggestedFilename()).toBe(`${title}.xlsx`);
  await context.close();
});

test("a public template is duplicated into the researcher's questionnaires", async ({ page }) => {
  await signInTo(page, DEMO.researcher, "/templates/vaccine-acceptance-rapid-assessment");
  await page.getByRole("button", { name: "Duplicate into my questionnaires" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Copy of Vaccine acceptance rapid assessment" }),
  ).toBeVisible();
  await expectAccessible(page);
  // The Arabic builder is right to left.
  await page.goto(page.url().replace("/en/", "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 2, name: "إضافة أسئلة" })).toBeVisible();
  await expectAccessible(page);
});
