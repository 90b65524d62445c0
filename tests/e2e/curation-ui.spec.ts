// A curator at work, in Chromium: a new question with a shared list, published, its wording
// revised (impact first) as version 2, a stale save caught, a draft merged into it, every step in
// the audit trail; an administrator's framework editor; the editor right to left in Arabic.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

test.describe.configure({ mode: "serial" });

// A fresh code for each attempt: a retry runs in a new worker on the same database, where the
// first attempt's question already exists.
const CODE = `e2e_trust_${Date.now().toString(36)}`;

test("a curator creates, publishes and revises a question; a draft is merged into it; the audit trail shows each step", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInTo(page, DEMO.curator, "/curate");
  await expect(page.getByRole("heading", { level: 1, name: "Curate the bank" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Curate" })).toBeVisible();
  await expectAccessible(page);

  // A new question: the code is checked as it is typed.
  await page.getByRole("navigation", { name: "Curation" }).getByRole("link", { name: "New question" }).click();
  await expect(page).toHaveURL(/\/en\/curate\/questions\/new$/);
  const code = page.getByLabel("Question code");
  await code.fill("bkg_age");
  await expect(page.getByText("Another question already has this code.")).toBeVisible();
  await code.fill("Bad Code");
  await expect(page.getByText(/Not a valid code/)).toBeVisible();
  await code.fill(CODE);
  await expect(page.getByText("This code is free.")).toBeVisible();
  await page.getByLabel("Answer type").selectOption("select_one");
  await page.getByLabel("From a shared list").check();
  await page.getByLabel("Shared list", { exact: true }).selectOption("yes_no_dk_ref");
  await page.getByLabel("Wording (English)").fill("Do you trust the health workers in your area?");
  await page.getByLabel("Indicators").selectOption(["PER-03"]);
  await page.getByLabel("Tags").fill("trust, e2e");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/curate/questions/${CODE}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(`${CODE} is published as version 1.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Published");
  await expectAccessible(page);

  // A new wording: the impact is shown before anything is saved.
  await page.getByLabel("Wording (English)").fill("How much do you trust the health workers in your area?");
  await page.getByRole("button", { name: "Save and publish version 2" }).click();
  const impact = page
    .getByRole("alert")
    .filter({ has: page.getByRole("heading", { name: "Before publishing version 2" }) });
  await expect(impact).toBeVisible();
  await expect(impact).toContainText("No translation becomes outdated.");
  await expect(impact).toContainText("No questionnaire uses this question.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm and publish version 2" }).click();
  await expect(page.getByText(`Version 2 of ${CODE} is published.`)).toBeVisible();

  // Version 1 stays readable, with the words that changed.
  await page.getByRole("link", { name: "versions and differences" }).click();
  await expect(page.getByRole("heading", { name: "Differences from version 1 to version 2" })).toBeVisible();
  await expect(page.locator(".diff ins").first()).toContainText("How much do");
  await expect(page.locator(".diff del").first()).toContainText("Do");
  await expectAccessible(page);

  // Two curators edit at once: the second save is refused, with both versions side by side.
  const other = await page.context().newPage();
  await page.goto(`/en/curate/questions/${CODE}`);
  await other.goto(`/en/curate/questions/${CODE}`);
  await page.getByLabel("Hint for the interviewer").fill("Read the answer choices aloud.");
  await page.getByRole("button", { name: "Save and publish version 3" }).click();
  await page.getByRole("button", { name: "Confirm and publish version 3" }).click();
  await expect(page.getByText(`Version 3 of ${CODE} is published.`)).toBeVisible();
  await other.getByLabel("Hint for the interviewer").fill("Do not read the choices.");
  await other.getByRole("button", { name: "Save and publish version 3" }).click();
  const conflict = other.getByRole("region", { name: "Someone else saved this question meanwhile" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Hint for the interviewer/ })).toContainText(
    "Read the answer choices aloud.",
  );
  await expect(other.getByLabel("Hint for the interviewer")).toHaveValue("Do not read the choices.");
  await expectAccessible(other);
  await other.close();

  // A draft that repeats the bank question: the likely duplicate is shown, then the draft is merged.
  await page.goto("/en/curate/questions/new");
  await page.getByLabel("Question code").fill(`${CODE}_copy`);
  await page.getByLabel("Shared list", { exact: true }).selectOption("yes_no_dk_ref");
  await page.getByLabel("Indicators").selectOption(["PER-03"]);
  await page.getByLabel("Wording (English)").fill("Do you trust health workers in your area?");
  const duplicates = page.getByRole("region", { name: "Likely duplicates" });
  await expect(duplicates.getByRole("link", { name: CODE, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/curate/questions/${CODE}_copy$`));

  await page.getByRole("navigation", { name: "Curation" }).getByRole("link", { name: "Drafts to review" }).click();
  await expectAccessible(page);
  const card = page.locator(".draft-queue > li").filter({ has: page.getByRole("link", { name: `${CODE}_copy` }) });
  await card.getByLabel("Merge into bank question (code)").fill(CODE);
  await card.getByRole("button", { name: "Merge" }).click();
  await expect(
    page.getByText(`The draft ${CODE}_copy is merged into ${CODE}; no questionnaire used it.`),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: `${CODE}_copy` })).toHaveCount(0);

  // The audit trail holds every step, with who did it, in words.
  for (const [entity, actions] of [
    [CODE, ["Created a question", "Published a question", "Published a new version of a question"]],
    [`${CODE}_copy`, ["Created a question", "Merged a draft into a bank question"]],
  ] as const) {
    await page.goto(`/en/audit?entity=${entity}`);
    for (const action of actions)
      await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await expectAccessible(page);

  // A retired question leaves the default list and stays readable for those who ask.
  await page.goto(`/en/curate/questions/${CODE}`);
  await page.getByRole("button", { name: "Retire" }).click();
  await expect(page.getByText(`${CODE} is retired.`)).toBeVisible();
  await page.goto(`/en/curate?q=${CODE}`);
  await expect(page.getByRole("link", { name: CODE, exact: true })).toHaveCount(0);
  await page.goto(`/en/curate?q=${CODE}&retired=1`);
  await expect(page.getByRole("link", { name: CODE, exact: true })).toBeVisible();

  // The curator may not edit the framework; the page says so, with an HTTP 403.
  expect((await page.goto("/en/curate/framework"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Access refused" })).toBeVisible();
});

test("the editor reads right to left in Arabic", async ({ page }) => {
  await signInTo(page, DEMO.curator, "/curate/choice-lists");
  await expectAccessible(page);
  await page.goto("/ar/curate/questions/new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "سؤال جديد" })).toBeVisible();
  await expect(page.getByLabel("رمز السؤال")).toHaveAttribute("dir", "ltr");
  await expectAccessible(page);
});

test("an administrator edits the framework: an indicator with questions cannot be deleted", async ({ page }) => {
  await signInTo(page, DEMO.admin, "/curate/framework");
  await expect(page.getByRole("heading", { level: 1, name: "Framework editor" })).toBeVisible();
  await expectAccessible(page);
  const indicator = page
    .locator("details")
    .filter({ has: page.locator("summary", { hasText: "PER-03" }) })
    .first();
  await indicator.locator("summary").click();
  await expect(indicator.getByRole("button", { name: "Delete" })).toBeDisabled();
  await expect(indicator.getByText(/Cannot be deleted: \d+ questions point at it\./)).toBeVisible();
  const english = indicator.getByLabel("Name in English");
  const name = await english.inputValue();
  await english.fill(`${name} (edited)`);
  await indicator.getByRole("button", { name: "Save" }).click();
  await expect(indicator.getByText("PER-03 saved.")).toBeVisible();
  await expect(page.locator("summary", { hasText: `${name} (edited)` })).toBeVisible();
  await expectAccessible(page);
});

test("two administrators edit one domain: the second sees both versions, keeps their input, and saves knowingly", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const open = async () => {
    const page = await (await browser.newContext()).newPage();
    await signInTo(page, DEMO.admin, "/curate/framework");
    const domain = page
      .locator("details")
      .filter({ has: page.locator("summary", { hasText: "Edit domain SOC" }) })
      .first();
    await domain.locator("summary").click();
    return { page, domain, english: domain.getByLabel("Name in English") };
  };
  const first = await open();
  const second = await open();
  const name = await first.english.inputValue();
  await first.english.fill(`${name} (first)`);
  await first.domain.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.domain.getByText("SOC saved.")).toBeVisible();

  // The second administrator started from the same revision: refused, with both versions.
  await second.english.fill(`${name} (second)`);
  await second.domain.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = second.domain.getByRole("region", { name: "Another administrator saved this entry meanwhile" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row").filter({ hasText: "Name in English" })).toContainText(`${name} (first)`);
  await expect(conflict.getByRole("row").filter({ hasText: "Name in English" })).toContainText(`${name} (second)`);
  await expect(second.english).toHaveValue(`${name} (second)`);
  await expectAccessible(second.page);
  await conflict.getByRole("button", { name: "Keep my version (then save again)" }).click();
  await second.domain.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.domain.getByText("SOC saved.")).toBeVisible();
  await second.page.reload();
  await expect(second.page.getByRole("heading", { level: 2, name: /SOC/ })).toContainText(`${name} (second)`);
});
