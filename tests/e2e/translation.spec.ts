// The translators' workspace as people use it: a translator translates a question into Arabic and
// submits it, a reviewer sends it back with a comment, the translator fixes it (Ctrl+Enter), the
// reviewer approves it; a curator changes the English source and the Arabic text shows as outdated
// with the change; a spreadsheet round trip applies the update after a preview.
import { test, expect, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile, writeFile } from "node:fs/promises";
import { expectAccessible } from "./axe";
import { DEMO, signedInAt } from "./sign-in";

const CODE = "inf_last_info";
const ITEM_PATH = `/translate/ar/q/${CODE}`;
const ITEM = `/en${ITEM_PATH}`;

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 });

test("translate, review, send back, fix, approve; outdated after a source change; spreadsheet round trip", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const translator = await signedInAt(browser, DEMO.translator, "/translate");

  // Where a translator starts: the languages they work in, a dashboard, a queue.
  await expect(heading1(translator)).toHaveText("Translate");
  await expect(
    translator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Translate" }),
  ).toBeVisible();
  await expectAccessible(translator);
  await translator.getByRole("link", { name: "Open the Arabic dashboard" }).click();
  await expect(heading1(translator)).toHaveText("Arabic: translation dashboard");
  await expect(translator.getByRole("table", { name: "Questions by domain and translation state" })).toBeVisible();
  await expectAccessible(translator);
  await translator.getByRole("link", { name: "Open the work queue" }).click();
  await expect(heading1(translator)).toHaveText("Arabic: work queue");
  await expectAccessible(translator);

  // The Arabic interface is right to left, the workspace included.
  await translator.goto("/ar/translate/ar");
  await expect(translator.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(translator);

  // One question per screen: source beside target; the Arabic field is right to left.
  await translator.goto(ITEM);
  // Titled by the question's words, not its code.
  await expect(heading1(translator)).toContainText("Translate into Arabic:");
  await expect(translator).toHaveTitle(/^Translate into Arabic: .+ · Question Bank$/);
  const label = translator.getByLabel("Question text (Arabic)");
  await expect(label).toHaveAttribute("dir", "rtl");
  await expect(label).toHaveAttribute("lang", "ar");
  await expect(
    translator.getByText("Ctrl+Enter (⌘+Enter on a Mac) saves and opens the next item of the queue."),
  ).toBeVisible();
  await expectAccessible(translator);

  // A text left in the source language is caught before saving.
  await label.fill("When did you last see or hear any information about the outbreak?");
  await translator.getByRole("button", { name: "Save", exact: true }).click();
  await expect(translator.getByRole("alert").filter({ hasText: "Check before saving" })).toContainText(
    "same as the source text",
  );

  // "1 to 7 days ago" reads "منذ يوم إلى 7 أيام" in Arabic: the check asks, the translator confirms.
  await label.fill("متى رأيت أو سمعت آخر مرة أي معلومات عن الفاشية؟ مسودة أولى");
  await translator.getByRole("button", { name: "Save", exact: true }).click();
  const check = translator.getByRole("alert").filter({ hasText: "Check before saving" });
  await expect(check).toContainText("Choice “days_1_7”: the number 1 from the source is missing");
  await check.getByRole("button", { name: "Save anyway" }).click();
  await expect(translator.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(heading1(translator)).toContainText("Draft");
  await translator.getByRole("button", { name: "Submit for review" }).click();
  await expect(translator.getByText("Submitted for review.")).toBeVisible();
  await expect(heading1(translator)).toContainText("In review");

  // The reviewer sends it back with a comment.
  const reviewer = await signedInAt(browser, DEMO.reviewer, ITEM_PATH);
  await expect(heading1(reviewer)).toContainText("In review");
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "Send back to the translator" }).click();
  await expect(reviewer.getByRole("alert").filter({ hasText: "Write a comment saying what to change." })).toBeVisible();
  await reviewer.getByLabel("Comment for the translator").fill("احذف كلمة «مسودة أولى» واستخدم «الوباء».");
  await reviewer.getByRole("button", { name: "Send back to the translator" }).click();
  await expect(reviewer.getByText("Sent back with your comment.")).toBeVisible();
  await expect(heading1(reviewer)).toContainText("Draft");

  // The translator reads the comment, fixes the text and saves from the keyboard.
  await translator.goto(`${ITEM}?status=draft`);
  const comments = translator.getByRole("region", { name: "Comments" });
  await expect(comments).toContainText("احذف كلمة «مسودة أولى» واستخدم «الوباء».");
  await expect(comments).toContainText("sent back");
  await label.fill("متى رأيت أو سمعت آخر مرة أي معلومات عن الوباء؟");
  await label.press("Control+Enter");
  await expect(check).toBeVisible();
  // Ctrl+Enter again with the same warnings shown: save anyway, then on to the next draft (none left).
  await label.press("Control+Enter");
  await expect(
    translator.getByRole("status").filter({ hasText: "Saved. Nothing else in the queue needs work." }),
  ).toBeVisible();
  await expect(heading1(translator)).toContainText("Draft");
  // The history shows the fix word by word.
  const history = translator.getByRole("region", { name: "History" });
  await expect(history.locator("ins").first()).toContainText("الوباء");
  await translator.getByRole("button", { name: "Submit for review" }).click();
  await expect(heading1(translator)).toContainText("In review");

  await reviewer.reload();
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByText("Approved.", { exact: true })).toBeVisible();
  await expect(heading1(reviewer)).toContainText("Approved");

  // A curator changes the English source: the Arabic translation becomes outdated, with the change shown.
  const curator = await signedInAt(browser, DEMO.curator, `/curate/questions/${CODE}`);
  await curator
    .getByLabel("Wording (English)")
    .fill("In the past 7 days, when did you last see or hear any information about the outbreak?");
  await curator.getByRole("button", { name: "Save and publish version 2" }).click();
  await curator.getByRole("button", { name: "Confirm and publish version 2" }).click();
  await expect(curator.getByRole("heading", { level: 1 })).toContainText("Published");

  await translator.goto(ITEM);
  await expect(heading1(translator)).toContainText("Outdated");
  const change = translator.getByRole("region", { name: "The source changed: this translation is outdated" });
  await expect(change).toContainText("between version 1");
  await expect(change.locator("ins").first()).toContainText("In the past 7 days");
  await expectAccessible(translator);

  // Spreadsheet round trip: download the outdated queue, translate offline, preview, apply.
  await translator.goto("/en/translate/ar/queue?status=outdated");
  await expect(translator.getByRole("link", { name: CODE })).toBeVisible();
  const [download] = await Promise.all([
    translator.waitForEvent("download"),
    translator.getByRole("link", { name: "Download these questions as a spreadsheet (.xlsx)" }).click(),
  ]);
  const path = test.info().outputPath("translations-ar.xlsx");
  await download.saveAs(path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("translations")!;
  // Columns by their header, as the import reads them (context columns sit between them).
  const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
  let edited = 0;
  sheet.eachRow((row) => {
    if (row.getCell(column("id")).value === `q:${CODE}:label`) {
      expect(row.getCell(column("source")).value).toBe(
        "In the past 7 days, when did you last see or hear any information about the outbreak?",
      );
      // Outdated: the English it was translated from stands beside the new one.
      expect(String(row.getCell(column("previous_source")).value ?? "")).not.toBe("");
      row.getCell(column("translation")).value =
        "خلال الأيام ٧ الماضية، متى رأيت أو سمعت آخر مرة أي معلومات عن الوباء؟";
      edited++;
    }
  });
  expect(edited).toBe(1);
  await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));

  await translator.goto("/en/translate/ar/import");
  await expectAccessible(translator);
  await translator.getByLabel("Spreadsheet (.xlsx)").setInputFiles(path);
  await translator.getByRole("button", { name: "Preview the changes" }).click();
  const preview = translator.getByRole("table", { name: "Rows that change something or need attention" });
  const row = preview.getByRole("row").filter({ hasText: `q:${CODE}:label` });
  await expect(row).toContainText("Will be saved");
  await expect(row).toContainText("خلال الأيام ٧ الماضية");
  await expectAccessible(translator);
  // Nothing is written until the person applies the preview.
  await translator.getByRole("button", { name: "Apply 1 change" }).click();
  await expect(translator.getByText("1 change applied, as a draft.")).toBeVisible();

  await translator.goto(ITEM);
  await expect(heading1(translator)).toContainText("Draft");
  await expect(label).toHaveValue("خلال الأيام ٧ الماضية، متى رأيت أو سمعت آخر مرة أي معلومات عن الوباء؟");
  await expect(translator.getByRole("region", { name: "History" })).toContainText("Imported from a spreadsheet");
});

test("a researcher is refused the workspace, and a visitor is sent to sign in", async ({ browser, page }) => {
  await page.goto("/en/translate/ar");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  const researcher = await signedInAt(browser, DEMO.researcher, "/translate/ar");
  await expect(heading1(researcher)).toHaveText("Access refused");
  await expectAccessible(researcher);
  const response = await researcher.request.get("/en/translate/ar/export");
  expect(response.status()).toBe(403);
});

/** Saves the open translation, confirming the checks' warnings when they ask. */
async function save(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const check = page.getByRole("alert").filter({ hasText: "Check before saving" });
  const saved = page.getByRole("status").filter({ hasText: "Saved." });
  await expect(check.or(saved).first()).toBeVisible();
  if (await check.isVisible()) await check.getByRole("button", { name: "Save anyway" }).click();
  await expect(saved).toBeVisible();
}

test("four eyes: the reviewer who corrected a text in review is told another reviewer approves it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const code = "per_vac_intent";
  const item = `/translate/fr/q/${code}`;
  const translator = await signedInAt(browser, DEMO.translator, item);
  const label = translator.getByLabel("Question text (French)");
  await label.fill("Avez-vous l’intention de vous faire vacciner ? (brouillon)");
  await save(translator);
  await translator.getByRole("button", { name: "Submit for review" }).click();
  await expect(heading1(translator)).toContainText("In review");

  // A reviewer who did not edit it may approve it.
  const reviewer = await signedInAt(browser, DEMO.reviewer, item);
  await expect(reviewer.getByRole("button", { name: "Approve" })).toBeVisible();
  // Once they correct it, they are its last editor: the sentence replaces the approve button.
  await reviewer.getByLabel("Question text (French)").fill("Avez-vous l’intention de vous faire vacciner ?");
  await save(reviewer);
  await reviewer.reload();
  await expect(heading1(reviewer)).toContainText("In review");
  const panel = reviewer.getByRole("region", { name: "Review", exact: true });
  await expect(panel).toContainText("You edited this text last: another reviewer approves it.");
  await expect(panel.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Send back to the translator" })).toBeVisible();
  await expectAccessible(reviewer);

  // The review queue marks it for them.
  await reviewer.goto("/en/translate/fr/queue?status=in_review");
  const row = reviewer.getByRole("row").filter({ has: reviewer.getByRole("link", { name: code }) });
  await expect(row).toContainText("You edited it last: another reviewer approves it");
  await expectAccessible(reviewer);
});
