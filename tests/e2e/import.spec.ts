// A researcher imports XLSForms through the page, in Chromium: a hand-written ODK-style form in
// English and French (a group, a select_one with its choices sheet, skip logic, a bank question
// by code) becomes a questionnaire in the builder; a broken file is refused row by row, nothing is
// created, and the chosen file stays for another try; the page passes axe in English and Arabic.
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 20_000 });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TITLE = "E2E water import";

async function xlsx(sheets: Record<string, string[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What a person would write by hand for ODK: two languages, a group, a select_one and its list, skip logic. */
const goodForm = () =>
  xlsx({
    survey: [
      ["type", "name", "label::English (en)", "label::Français (fr)", "required", "relevant"],
      ["begin_group", "household", "Household", "Ménage", "", ""],
      [
        "select_one water",
        "water_source",
        "Main source of drinking water?",
        "Principale source d'eau potable ?",
        "yes",
        "",
      ],
      ["text", "water_other", "Which other source?", "Quelle autre source ?", "", "${water_source} = 'other'"],
      ["integer", "bkg_age", "How old are you?", "Quel âge avez-vous ?", "yes", ""],
      ["end_group", "", "", "", "", ""],
    ],
    choices: [
      ["list_name", "name", "label::English (en)", "label::Français (fr)"],
      ["water", "tap", "Tap", "Robinet"],
      ["water", "well", "Well", "Puits"],
      ["water", "other", "Other", "Autre"],
    ],
    settings: [
      ["form_title", "form_id", "default_language"],
      [TITLE, "e2e_water", "English (en)"],
    ],
  });

/** A list that is not on the choices sheet, and one name used twice. */
const brokenForm = () =>
  xlsx({
    survey: [
      ["type", "name", "label"],
      ["select_one colours", "colour", "Favourite colour?"],
      ["text", "full_name", "Your name?"],
      ["text", "full_name", "Your name, again?"],
    ],
    choices: [
      ["list_name", "name", "label"],
      ["yes_no", "yes", "Yes"],
      ["yes_no", "no", "No"],
    ],
    settings: [["form_title"], ["E2E broken import"]],
  });

const fileInput = (page: Page) => page.locator("#import-file");
/** How many questionnaires My questionnaires lists, once the page (not only its address) is there. */
async function myQuestionnaireCount(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "My questionnaires" })).toBeVisible();
  return page.locator(".questionnaire-list > li").count();
}

test("a visitor is sent to sign in and back; a researcher imports a two-language form and finds it in the builder", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/en/questionnaires/import");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fquestionnaires%2Fimport$/);
  await page.getByLabel("Email").fill("researcher@demo.questionbank.org");
  await page.getByLabel("Password").fill("researcher-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/en/questionnaires/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import an XLSForm" })).toBeVisible();

  // The way in: from My questionnaires, next to "New questionnaire".
  await page.goto("/en/questionnaires");
  await page.getByRole("link", { name: "Import an XLSForm" }).click();
  await page.waitForURL("**/en/questionnaires/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import an XLSForm" })).toBeVisible();
  await expect(page.getByText("At most 5 megabytes.", { exact: false })).toBeVisible();
  await expect(page.getByText("added to the bank as drafts, for a curator to review", { exact: false })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByLabel("XLSForm file (.xlsx)")
    .setInputFiles({ name: "water.xlsx", mimeType: XLSX, buffer: await goodForm() });
  await page.getByRole("button", { name: "Import" }).click();
  const status = page.getByRole("status").filter({ hasText: "Questionnaire imported" });
  await expect(status).toContainText(
    `“${TITLE}” was created with 3 questions: 1 linked to a bank question, and 2 added to the bank as drafts for a curator to review.`,
  );
  await expect(page.locator(".import-outcome")).toBeFocused();
  await expect(page.getByRole("table", { name: "Notes on this file" })).toContainText(
    "The settings sheet has no version.",
  );
  await expect(page.getByRole("table", { name: "Notes on this file" }).getByRole("columnheader")).toHaveText([
    "Sheet",
    "Row",
    "Column",
    "Note",
  ]);
  // Imported: the file is no longer chosen, so that a second click cannot import it twice.
  expect(await fileInput(page).evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: `Open “${TITLE}” in the builder` }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!import$)[^/]+$/);
  const builderUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("3 questions · 1 section · English and French")).toBeVisible();
  const items = await page.locator(".item-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-item")));
  expect(items).toEqual(["water_source", "water_other", "bkg_age"]);

  // The French labels, the choices and the skip logic came along: in the French preview the
  // follow-up question appears only once "Autre" is chosen.
  await page.goto(`${builderUrl}/preview?lang=fr`);
  await expect(page.getByText("Ménage")).toBeVisible();
  await expect(page.getByText("Principale source d'eau potable ?")).toBeVisible();
  await expect(page.getByText("Quelle autre source ?")).toBeHidden();
  await page.getByRole("radio", { name: "Robinet" }).check();
  await expect(page.getByText("Quelle autre source ?")).toBeHidden();
  await page.getByRole("radio", { name: "Autre" }).check();
  await expect(page.getByText("Quelle autre source ?")).toBeVisible();
});

test("a broken file is refused row by row, creates nothing, and stays chosen for another try", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/en/sign-in?next=%2Fquestionnaires");
  await page.getByLabel("Email").fill("researcher@demo.questionbank.org");
  await page.getByLabel("Password").fill("researcher-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/en/questionnaires");
  const before = await myQuestionnaireCount(page);

  await page.goto("/en/questionnaires/import");
  await fileInput(page).setInputFiles({ name: "broken.xlsx", mimeType: XLSX, buffer: await brokenForm() });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The file has 2 problems; nothing was imported." }),
  ).toBeVisible();
  await expect(page.locator(".import-outcome")).toBeFocused();
  const problems = page.getByRole("table", { name: "Problems to fix" });
  const rows = await problems
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim())));
  expect(rows).toEqual([
    ["survey", "2", "type", "The list “colours” is not on the choices sheet."],
    ["survey", "4", "name", "The name “full_name” is already used in this group."],
  ]);
  expect(await fileInput(page).evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("broken.xlsx");
  await expectAccessible(page);

  // A file over the stated limit is refused before it is sent.
  await fileInput(page).setInputFiles({ name: "huge.xlsx", mimeType: XLSX, buffer: Buffer.alloc(5.5 * 1024 * 1024) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "This file is 5.5 megabytes; the largest file that can be imported is 5 megabytes." }),
  ).toBeVisible();

  await page.goto("/en/questionnaires");
  expect(await myQuestionnaireCount(page)).toBe(before);
  await expect(page.getByText("E2E broken import")).toHaveCount(0);

  // In Arabic: the page is right to left, and the same refusal reads in Arabic.
  await page.goto("/ar/questionnaires/import");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "استيراد ملف XLSForm" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("ملف XLSForm")
    .setInputFiles({ name: "broken.xlsx", mimeType: XLSX, buffer: await brokenForm() });
  await page.getByRole("button", { name: "استيراد" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "في الملف مشكلتان؛ لم يُستورد أي شيء." })).toBeVisible();
  await expect(page.getByRole("table", { name: "مشكلات يجب تصحيحها" }).getByRole("columnheader")).toHaveText([
    "الورقة",
    "الصف",
    "العمود",
    "المشكلة",
  ]);
  await expectAccessible(page);
});
