// A researcher imports XLSForms through the page, in Chromium: a hand-written ODK-style form in
// English and French (a group, a repeat, a select_one with its choices sheet, skip logic, a
// calculation) becomes a private questionnaire holding the whole form; in the builder they reword
// one of its questions, add one of their own and a bank question after the form's, download the
// XLSForm, and pyxform converts it with all of them. A broken file is refused row by row, nothing is created, and the
// chosen file stays for another try; the pages pass axe in English and Arabic.
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";
import { convertWithPyxform, pyxformMissing } from "../unit/xlsform-form/pyxform";

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

/** What a person would write by hand for ODK: two languages, a group, a repeat, a select_one and its list, skip logic, a calculation. */
const goodForm = () =>
  xlsx({
    survey: [
      ["type", "name", "label::English (en)", "label::Français (fr)", "required", "relevant", "calculation"],
      ["begin_group", "household", "Household", "Ménage", "", "", ""],
      [
        "select_one water",
        "water_source",
        "Main source of drinking water?",
        "Principale source d'eau potable ?",
        "yes",
        "",
        "",
      ],
      ["text", "water_other", "Which other source?", "Quelle autre source ?", "", "${water_source} = 'other'", ""],
      ["integer", "members", "How many people live here?", "Combien de personnes vivent ici ?", "yes", "", ""],
      ["end_group", "", "", "", "", "", ""],
      ["begin_repeat", "member", "Member", "Membre", "", "", ""],
      ["text", "first_name", "First name", "Prénom", "", "", ""],
      ["end_repeat", "", "", "", "", "", ""],
      ["calculate", "adults_share", "", "", "", "", "count(${member}) div ${members}"],
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

test("a visitor is sent to sign in and back; a researcher imports a two-language form, rewords and adds questions of their own, adds a bank question and exports them all", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto("/en/questionnaires/import");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fquestionnaires%2Fimport$/);
  await page.getByLabel("Email").fill(DEMO.researcher.email);
  await page.getByLabel("Password").fill(DEMO.researcher.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/en/questionnaires/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import an XLSForm" })).toBeVisible();

  // The way in: from My questionnaires, next to "New questionnaire".
  await page.goto("/en/questionnaires");
  await page.getByRole("link", { name: "Import an XLSForm" }).click();
  await page.waitForURL("**/en/questionnaires/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import an XLSForm" })).toBeVisible();
  await expect(page.getByText("At most 5 megabytes.", { exact: false })).toBeVisible();
  await expect(page.getByText("Nothing is added to the shared bank.", { exact: false })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByLabel("XLSForm file (.xlsx)")
    .setInputFiles({ name: "water.xlsx", mimeType: XLSX, buffer: await goodForm() });
  await page.getByRole("button", { name: "Import" }).click();
  const status = page.getByRole("status").filter({ hasText: "Questionnaire imported" });
  await expect(status).toContainText(
    `“${TITLE}” was created with 5 questions, 1 group, 1 repeat and 1 choice list. Nothing was added to the bank.`,
  );
  // Each language name isolated (U+2068…U+2069), so that its brackets hold in an Arabic sentence.
  await expect(status).toContainText("Languages: \u2068English (en)\u2069 and \u2068Français (fr)\u2069.");
  await expect(page.locator(".import-outcome")).toBeFocused();
  // Imported: the file is no longer chosen, so that a second click cannot import it twice.
  expect(await fileInput(page).evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: `Open “${TITLE}” in the builder` }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!import$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const own = page.getByRole("region", { name: "Your form's own questions" });
  await expect(own).toContainText("5 questions, 1 group, 1 repeat, 1 choice list.");
  await own.getByText("Show the form's questions").click();
  await expect(own.getByText("Main source of drinking water?")).toBeVisible();
  await expect(own.getByText("count(${member}) div ${members}")).toHaveCount(0);
  await expect(own.locator("code", { hasText: "adults_share" })).toBeVisible();
  await expectAccessible(page);

  // The form's own wording, changed in the builder; and a question of the researcher's own.
  await own.getByText("Edit water_other").click();
  const edit = own.getByRole("form", { name: "Edit “water_other”" });
  await edit.getByLabel("Label — English (en)").fill("Which other water source?");
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“water_other” saved." })).toHaveCount(1);
  const add = own.getByRole("form", { name: "Add a question of your own" });
  await add.getByLabel("Name", { exact: false }).fill("comments");
  await add.getByLabel("Label — English (en)").fill("Any comments?");
  await add.getByLabel("Label — Français (fr)").fill("Des commentaires ?");
  await add.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“comments” added." })).toHaveCount(1);
  // A name already used is refused with pyxform's reason, in words.
  await add.getByLabel("Name", { exact: false }).fill("comments");
  await add.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The name “comments” is already used" })).toBeVisible();

  // The form's questions beside the bank's: nothing here is in the bank, so each stays local.
  await own.getByRole("link", { name: "Find bank questions like your form's" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bank questions like your form's" })).toBeVisible();
  const matches = page.getByRole("table", { name: "Your form's questions and the bank's" });
  await expect(matches.getByRole("row").filter({ hasText: "household/water_source" })).toContainText(
    "Local: nothing like it in the bank",
  );
  await expectAccessible(page);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  // A bank question of the researcher's choice, in a section of its own after the form's questions.
  await page.getByRole("region", { name: "Add a section" }).getByLabel("Section title (English)").fill("Age");
  await page.getByRole("region", { name: "Add a section" }).getByLabel("Section title (French)").fill("Âge");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Section added." })).toHaveCount(1);
  await page.getByLabel("Bank codes").fill("bkg_age");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "One question added: bkg_age." })).toHaveCount(1);

  const readiness = page.getByRole("region", { name: "Ready to export?" });
  const xlsform = readiness.getByRole("link", { name: `Export “${TITLE}” as XLSForm` });
  const [download] = await Promise.all([page.waitForEvent("download"), xlsform.click()]);
  const bytes = await readFile((await download.path())!);
  if (pyxformMissing) {
    test.info().annotations.push({ type: "skipped", description: `pyxform check skipped: ${pyxformMissing}` });
    return;
  }
  const [converted] = await convertWithPyxform([new Uint8Array(bytes)]);
  if (!converted.ok) throw new Error(`pyxform refused the export: ${converted.error}`);
  // The form's own questions, as written, then the bank's, in the form's two languages.
  expect(converted.raw).toMatch(/<household><water_source\/><water_other\/><members\/><\/household>/);
  expect(converted.raw).toMatch(/<member jr:template="">/);
  expect(converted.raw).toMatch(/<adults_share\/><comments\/><(\w+)><bkg_age\/><\/\1>/);
  expect(converted.raw).toContain("Which other water source?");
  expect(converted.raw).toContain("Des commentaires ?");
  expect(converted.raw).toContain('id="e2e_water"');
  expect(converted.raw).toContain('<translation lang="Français (fr)">');
  expect(converted.raw).toContain("Principale source d'eau potable ?");
});

test("a broken file is refused row by row, creates nothing, and stays chosen for another try", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, DEMO.researcher, "/questionnaires");
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
    [
      "survey",
      "4",
      "name",
      "The name “full_name” is already used in this group (names must be unique within their group or repeat).",
    ],
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
