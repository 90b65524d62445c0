// A researcher renames and tidies an imported form in Chromium (issue #18): a name that is not
// valid, then one already taken, is refused beside the field and what they typed stays; the rename
// says how many `${…}` references change before it is confirmed, and rewrites them; a list still
// used cannot be deleted (the refusal names its questions), an unused one can; a question of their
// own with a bad name is refused with the field marked. The export converts with pyxform and keeps
// the new name wherever the old one was referred to. Pages pass axe in English and in Arabic.
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "./axe";
import { DEMO, signIn } from "./sign-in";
import { convertWithPyxform, pyxformMissing } from "../unit/xlsform-form/pyxform";
import { workbook, type Sheets } from "../unit/xlsform-form/forms";

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 20_000 });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// A title of its own per attempt: a retry runs on the same database as the first attempt.
const TITLE = `E2E rename ${Date.now().toString(36)}`;

async function householdForm(): Promise<Buffer> {
  const sheets: Sheets = {
    survey: [
      ["type", "name", "label::English (en)", "label::Français (fr)", "relevant", "repeat_count"],
      ["integer", "hh_size", "How many people live here?", "Combien de personnes vivent ici ?", "", ""],
      ["note", "hh_note", "You said ${hh_size} people.", "Vous avez dit ${hh_size} personnes.", "", ""],
      ["begin_repeat", "member", "Member", "Membre", "${hh_size} > 0", "${hh_size}"],
      ["select_one yn", "at_school", "At school?", "À l'école ?", "", ""],
      ["text", "school_name", "Which school?", "Quelle école ?", "${at_school} = 'yes'", ""],
      ["end_repeat", "", "", "", "", ""],
    ],
    choices: [
      ["list_name", "name", "label::English (en)", "label::Français (fr)"],
      ["yn", "yes", "Yes", "Oui"],
      ["yn", "no", "No", "Non"],
      ["spare", "a", "A", "A"],
      ["spare", "b", "B", "B"],
    ],
    settings: [
      ["form_title", "form_id", "default_language"],
      [TITLE, "e2e_rename", "English (en)"],
    ],
  };
  return Buffer.from(await workbook(sheets));
}

/** Accepts the next confirm dialog and returns its text. */
function acceptNextDialog(page: Page): Promise<string> {
  return new Promise((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
}

test("a researcher renames a question (its references follow), deletes an unused list and is told why a used one stays", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.researcher, { next: "/questionnaires/import" });
  await page.waitForURL("**/en/questionnaires/import");
  await page
    .getByLabel("XLSForm file (.xlsx)")
    .setInputFiles({ name: "household.xlsx", mimeType: XLSX, buffer: await householdForm() });
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("link", { name: `Open “${TITLE}” in the builder` }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!import$)[^/]+$/);
  const builderPath = new URL(page.url()).pathname;

  const own = page.getByRole("region", { name: "Your form's own questions" });
  await own.getByText("Show the form's questions").click();
  await own.getByText("Edit hh_size", { exact: true }).click();
  const rename = own.getByRole("form", { name: "Rename “hh_size”" });
  await expect(rename).toContainText("4 references to it in the form");
  const newName = rename.getByLabel("New name");

  // Not a valid name: refused beside the field, which keeps what was typed and takes the focus.
  await newName.fill("2 people");
  const invalid = acceptNextDialog(page);
  await rename.getByRole("button", { name: "Rename" }).click();
  expect(await invalid).toContain("Rename “hh_size” to “2 people”?");
  await expect(page.getByRole("alert").filter({ hasText: /^Not renamed: a name starts with a letter/ })).toHaveCount(1);
  await expect(rename.getByText("Start with a letter or _; then letters, digits, _ - and . only")).toBeVisible();
  await expect(newName).toHaveAttribute("aria-invalid", "true");
  await expect(newName).toHaveValue("2 people");
  await expect(newName).toBeFocused();

  // A name another row already has: refused the same way.
  await newName.fill("member");
  const taken = acceptNextDialog(page);
  await rename.getByRole("button", { name: "Rename" }).click();
  await taken;
  await expect(page.getByRole("alert").filter({ hasText: /^Not renamed: this questionnaire already has/ })).toHaveCount(
    1,
  );
  await expect(newName).toHaveAttribute("aria-invalid", "true");
  await expect(newName).toHaveValue("member");
  await expectAccessible(page);

  // A good name: the confirmation counts the references, and the status says they changed.
  await newName.fill("household_size");
  const confirm = acceptNextDialog(page);
  await rename.getByRole("button", { name: "Rename" }).click();
  expect(await confirm).toContain("4 references to it in the form");
  await expect(
    page.getByRole("status").filter({ hasText: "“hh_size” renamed to “household_size” (4 references changed)." }),
  ).toHaveCount(1);
  await expect(own.locator("code", { hasText: /^household_size$/ })).toBeVisible();
  await expect(own.locator("code", { hasText: /^hh_size$/ })).toHaveCount(0);

  // Lists: the used one stays, and the refusal names the question; the spare one goes.
  const lists = own.getByRole("region", { name: "Choice lists of your form" });
  await lists.locator("summary", { hasText: "yn" }).click();
  await expect(lists.getByText("Used by 1 question: at_school.")).toBeVisible();
  const refused = acceptNextDialog(page);
  await lists.getByRole("button", { name: "Delete the list yn" }).click();
  expect(await refused).toContain("Delete the list “yn”");
  await expect(
    page.getByText(/Not deleted: these questions still take their answers from this list: at_school/),
  ).toBeVisible();

  // A choice's value: the places comparing with it are named first, and follow the new value.
  const value = lists.getByRole("form", { name: "Change a choice's value in “yn”" });
  await value.getByLabel("Choice", { exact: true }).selectOption("yes");
  await expect(value).toContainText("1 place compares answers with");
  await expect(value).toContainText("Data already collected keeps");
  await value.getByLabel("New value").fill("yes_now");
  const valueConfirm = acceptNextDialog(page);
  await value.getByRole("button", { name: "Change the value" }).click();
  expect(await valueConfirm).toContain("Data already collected keeps");
  await expect(page.getByRole("status").filter({ hasText: /is now \W*yes_now\W* \(1 place changed\)\./ })).toHaveCount(
    1,
  );

  await lists.locator("summary", { hasText: "spare" }).click();
  const deleted = acceptNextDialog(page);
  await lists.getByRole("button", { name: "Delete the list spare" }).click();
  await deleted;
  await expect(page.getByRole("status").filter({ hasText: "List “spare” deleted." })).toHaveCount(1);
  await expect(lists.locator("summary", { hasText: "spare" })).toHaveCount(0);

  // A question of their own with a name that cannot be: the field is marked, the label stays.
  const addQuestion = own.getByRole("form", { name: "Add a question of your own" });
  const ownName = addQuestion.getByLabel("Name", { exact: false });
  await ownName.fill("bad name");
  await addQuestion.getByLabel("Label — English (en)").fill("Where do you fetch water?");
  await addQuestion.getByRole("button", { name: "Add the question" }).click();
  await expect(ownName).toHaveAttribute("aria-invalid", "true");
  await expect(ownName).toBeFocused();
  await expect(addQuestion.getByLabel("Label — English (en)")).toHaveValue("Where do you fetch water?");
  await expectAccessible(page);

  // In Arabic, right to left, with the rename form open.
  await page.goto(builderPath.replace(/^\/en\//, "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.goto(builderPath);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("region", { name: "Ready to export?" })
      .getByRole("link", { name: `Export “${TITLE}” as XLSForm` })
      .click(),
  ]);
  const bytes = await readFile((await download.path())!);
  if (pyxformMissing) {
    test.info().annotations.push({ type: "skipped", description: `pyxform check skipped: ${pyxformMissing}` });
    return;
  }
  const [converted] = await convertWithPyxform([new Uint8Array(bytes)]);
  if (!converted.ok) throw new Error(`pyxform refused the export: ${converted.error}`);
  expect(converted.raw).toContain("<household_size/>");
  expect(converted.raw).toContain('jr:count=" /data/household_size "');
  expect(converted.raw).toContain('relevant=" /data/household_size  &gt; 0"');
  expect(converted.raw).toMatch(/<output value=" \/data\/household_size "\/>/);
  expect(converted.raw).not.toContain("hh_size");
  expect(converted.raw).not.toContain("spare");
  expect(converted.raw).toContain("<name>yes_now</name>");
  expect(converted.raw).toContain("= 'yes_now'");
  expect(converted.raw).not.toContain("'yes'");
});
