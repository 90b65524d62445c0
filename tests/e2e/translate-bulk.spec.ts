// Bulk steps in the translators' queue as people take them: a translator edits two French texts,
// selects them in the queue (keyboard and "select all on this page" alike), sees the preview of
// "Submit for review" (nothing saved yet) and confirms; a reviewer selects them in review and
// approves them in bulk after the preview. The queue is checked with axe in English and in Arabic
// (right to left). French, so as not to meet the Arabic walk of translation.spec.ts.
import { test, expect, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signedInAt } from "./sign-in";

const CODES = ["per_vac_child_importance", "per_vac_child_safety"];

/** Opens the queue with `query` and pages on until the row of `code` shows; returns its checkbox. */
async function queueRow(page: Page, query: string, code: string) {
  await page.goto(`/en/translate/fr/queue?${query}`);
  const box = page.getByRole("checkbox", { name: `Select ${code}` });
  for (let i = 0; i < 40 && !(await box.isVisible()); i++) {
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForLoadState("networkidle");
  }
  await expect(box).toBeVisible();
  return box;
}

test("a translator submits two drafts in bulk after a preview; a reviewer approves them in bulk", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const translator = await signedInAt(browser, DEMO.translator, "/translate/fr/queue");

  // Two drafts, saved in the editor.
  for (const code of CODES) {
    await translator.goto(`/en/translate/fr/q/${code}`);
    const label = translator.getByLabel("Question text (French)");
    await label.fill(`${await label.inputValue()} (révisé en lot)`);
    await translator.getByRole("button", { name: "Save", exact: true }).click();
    const check = translator.getByRole("alert").filter({ hasText: "Check before saving" });
    const saved = translator.getByRole("status").filter({ hasText: "Saved." });
    await expect(check.or(saved).first()).toBeVisible();
    if (await check.isVisible()) await check.getByRole("button", { name: "Save anyway" }).click();
    await expect(saved).toBeVisible();
  }

  // Selected in the queue, with the keyboard for the first.
  const first = await queueRow(translator, "status=draft", CODES[0]);
  await first.focus();
  await translator.keyboard.press("Space");
  await expect(first).toBeChecked();
  await translator.getByRole("checkbox", { name: `Select ${CODES[1]}` }).check();
  await expect(translator.getByText("2 questions selected.")).toBeVisible();
  await expectAccessible(translator);

  // The preview says what will happen, and nothing is saved yet.
  await translator.getByRole("button", { name: "Submit for review…" }).click();
  const preview = translator.getByRole("status").filter({ hasText: "Preview: submit for review" });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("heading", { name: /Preview: submit for review/ })).toBeFocused();
  for (const code of CODES) await expect(preview.getByText(`${code}: will be submitted for review`)).toBeVisible();
  await expectAccessible(translator);
  await translator.goto(`/en/translate/fr/q/${CODES[0]}`);
  await expect(translator.getByText("Draft").first()).toBeVisible();

  // Confirmed: both submitted, said in the live region.
  const again = await queueRow(translator, "status=draft", CODES[0]);
  await again.check();
  await translator.getByRole("checkbox", { name: `Select ${CODES[1]}` }).check();
  await translator.getByRole("button", { name: "Submit for review…" }).click();
  await translator.getByRole("button", { name: "Confirm: submit 2 questions" }).click();
  const done = translator.getByRole("status").filter({ hasText: "Done: submitted for review" });
  await expect(done).toContainText("2 apply, 0 are skipped.");
  for (const code of CODES) await expect(done.getByText(`${code}: submitted for review`)).toBeVisible();

  // The reviewer approves both in bulk, after the preview.
  const reviewer = await signedInAt(browser, DEMO.reviewer, "/translate/fr/queue");
  const inReview = await queueRow(reviewer, "status=in_review", CODES[0]);
  await inReview.check();
  await reviewer.getByRole("checkbox", { name: `Select ${CODES[1]}` }).check();
  // A translator-only button is not offered to a reviewer.
  await expect(reviewer.getByRole("button", { name: "Submit for review…" })).toHaveCount(0);
  await reviewer.getByRole("button", { name: "Approve…" }).click();
  const review = reviewer.getByRole("status").filter({ hasText: "Preview: approve" });
  for (const code of CODES) await expect(review.getByText(`${code}: will be approved`)).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "Confirm: approve 2 questions" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Done: approved" })).toContainText("2 apply");
  // The queue in review is now empty: the result stays, above the sentence that says so.
  await expect(reviewer.getByText("Nothing in the queue matches these filters.")).toBeVisible();
  await expect(reviewer.getByRole("status").filter({ hasText: "Done: approved" })).toContainText("2 apply");
  await reviewer.goto(`/en/translate/fr/queue?status=approved`);
  await expect(reviewer.getByRole("checkbox", { name: "Select all questions on this page" })).toBeVisible();

  // The queue in Arabic: right to left, the bulk controls and comment column labelled.
  await reviewer.goto("/ar/translate/fr/queue");
  await expect(reviewer.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(reviewer.getByRole("checkbox", { name: "تحديد كل أسئلة هذه الصفحة" })).toBeVisible();
  await expectAccessible(reviewer);
});
