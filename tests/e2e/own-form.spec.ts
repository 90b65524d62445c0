// A researcher builds on an imported form in Chromium (issue #18): the form has a repeat, a choice
// list and a Swahili translation; in the builder they add a choice to the list, add a group on one
// screen with a question of their own inside it taking that list, move the question out of the
// group and back by keyboard-operable buttons, add a bank question and are told it has no Swahili
// text, then export the XLSForm and pyxform converts it with every change. Pages pass axe in
// English and in Arabic, right to left.
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";
import { convertWithPyxform, pyxformMissing } from "../unit/xlsform-form/pyxform";

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 20_000 });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TITLE = "E2E household roster";

async function rosterForm(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheets: Record<string, string[][]> = {
    survey: [
      ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "repeat_count"],
      ["integer", "hh_size", "How many people live here?", "Watu wangapi wanaishi hapa?", ""],
      ["begin_repeat", "member", "Member", "Mwanachama", "${hh_size}"],
      ["text", "member_name", "Name", "Jina", ""],
      ["select_one yn", "at_school", "At school?", "Yuko shuleni?", ""],
      ["end_repeat", "", "", "", ""],
    ],
    choices: [
      ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)"],
      ["yn", "yes", "Yes", "Ndiyo"],
      ["yn", "no", "No", "Hapana"],
    ],
    settings: [
      ["form_title", "form_id", "default_language"],
      [TITLE, "e2e_roster", "English (en)"],
    ],
  };
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("a researcher adds a choice, a group with a question of their own, moves it, and exports a form pyxform converts", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInTo(page, DEMO.researcher, "/questionnaires/import");
  await page
    .getByLabel("XLSForm file (.xlsx)")
    .setInputFiles({ name: "roster.xlsx", mimeType: XLSX, buffer: await rosterForm() });
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("link", { name: `Open “${TITLE}” in the builder` }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!import$)[^/]+$/);
  const builderPath = new URL(page.url()).pathname;
  const own = page.getByRole("region", { name: "Your form's own questions" });

  // A choice added to the form's list, in both of its languages.
  const lists = own.getByRole("region", { name: "Choice lists of your form" });
  await lists.getByText("(2 choices)").click();
  const yn = lists.getByRole("form", { name: "Choices of the list “yn”" });
  await yn.getByRole("button", { name: "Add a choice" }).click();
  const third = yn.getByRole("group", { name: /^Choice 3/ });
  await expect(third.getByLabel("Name (what the data holds)")).toBeFocused();
  await third.getByLabel("Name (what the data holds)").fill("sometimes");
  await third.getByLabel("Label — English (en)").fill("Sometimes");
  await third.getByLabel("Label — Kiswahili (sw)").fill("Wakati mwingine");
  await expectAccessible(page);
  await yn.getByRole("button", { name: "Save the list yn" }).click();
  await expect(page.getByRole("status").filter({ hasText: "List “yn” saved." })).toHaveCount(1);
  await expect(lists.getByText("(3 choices)")).toBeVisible();

  // A group on one screen, and a question of the researcher's own inside it, taking that list.
  const addGroup = own.getByRole("form", { name: "Add a group or a repeat" });
  await addGroup.getByLabel("Name", { exact: false }).fill("services");
  await addGroup.getByLabel("Label — English (en)").fill("Services");
  await addGroup.getByLabel("Label — Kiswahili (sw)").fill("Huduma");
  await addGroup.getByLabel("Appearance", { exact: false }).fill("field-list");
  await addGroup.getByRole("button", { name: "Add the group" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“services” added." })).toHaveCount(1);
  await expect(addGroup.getByLabel("Name", { exact: false })).toBeFocused();

  const addQuestion = own.getByRole("form", { name: "Add a question of your own" });
  await addQuestion.getByLabel("Add to").selectOption({ label: "services (Services)" });
  await addQuestion.getByLabel("Type").selectOption({ label: "One answer from a list" });
  await addQuestion.getByLabel("List of answers").selectOption("yn");
  await addQuestion.getByLabel("Name", { exact: false }).fill("clinic_visit");
  await addQuestion.getByLabel("Label — English (en)").fill("Visited a clinic this year?");
  await addQuestion.getByLabel("Label — Kiswahili (sw)").fill("Umetembelea kliniki mwaka huu?");
  await addQuestion.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“clinic_visit” added." })).toHaveCount(1);

  // Out of the group and back, by buttons: focus stays on the button pressed.
  await own.getByText("Show the form's questions").click();
  await expect(own.getByText("6 rows, page 1 of 1.")).toBeVisible();
  await own.getByRole("button", { name: "Move clinic_visit up" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“clinic_visit” moved." })).toHaveCount(1);
  await expect(own.getByRole("button", { name: "Move clinic_visit up" })).toBeFocused();
  await own.getByRole("button", { name: "Move clinic_visit down" }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "“clinic_visit” moved." })).toHaveCount(1);
  await expect(own.getByRole("button", { name: "Move clinic_visit down" })).toBeFocused();
  // The search over names and labels finds it in its group.
  await own.getByLabel("Find by name or label").fill("clinic");
  await own.getByRole("button", { name: "Find", exact: true }).click();
  await expect(own.getByText("1 row, page 1 of 1.")).toBeVisible();
  await expect(own.locator("code", { hasText: "services" })).toBeVisible();
  await expect(own.locator("code", { hasText: "hh_size" })).toHaveCount(0);
  await expectAccessible(page);

  // A bank question: the readiness check says it has no Swahili text, before any export.
  await page.goto(builderPath);
  await page.getByRole("region", { name: "Add a section" }).getByLabel("Section title (English)").fill("Age");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Section added." })).toHaveCount(1);
  await page.getByLabel("Bank codes").fill("bkg_age");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "One question added: bkg_age." })).toHaveCount(1);
  const readiness = page.getByRole("region", { name: "Ready to export?" });
  await expect(readiness).toContainText("Kiswahili (sw): no text for bkg_age.");

  // The same page in Arabic: right to left, and accessible.
  await page.goto(builderPath.replace(/^\/en\//, "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "قوائم الخيارات في نموذجك" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(builderPath);

  const xlsform = page.getByRole("region", { name: "Ready to export?" }).getByRole("link", {
    name: `Export “${TITLE}” as XLSForm`,
  });
  const [download] = await Promise.all([page.waitForEvent("download"), xlsform.click()]);
  const bytes = await readFile((await download.path())!);
  if (pyxformMissing) {
    test.info().annotations.push({ type: "skipped", description: `pyxform check skipped: ${pyxformMissing}` });
    return;
  }
  const [converted] = await convertWithPyxform([new Uint8Array(bytes)]);
  if (!converted.ok) throw new Error(`pyxform refused the export: ${converted.error}`);
  expect(converted.raw).toMatch(/<member jr:template="">/);
  expect(converted.raw).toMatch(/<services><clinic_visit\/><\/services>/);
  expect(converted.raw).toMatch(/<group appearance="field-list" ref="\/data\/services">/);
  expect(converted.raw).toContain("Wakati mwingine");
  expect(converted.raw).toContain("Umetembelea kliniki mwaka huu?");
  expect(converted.raw).toContain('<translation lang="Kiswahili (sw)">');
});
