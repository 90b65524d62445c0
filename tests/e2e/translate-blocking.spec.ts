// A blocking check in the translation editor, as a translator meets it: a curator gives a question
// an English text with a ${…} reference; the translator's French text drops it, and Save is turned
// off with the reason beside the field (which points at it) and beside the buttons; once the
// reference is put back, Save is on again and the text is saved. (TRANSLATION_BLOCKING_CHECKS is
// unset in the e2e server: missingReference blocks by default.)
import { test, expect, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signedInPage } from "./sign-in";

// A free-text follow-up no other end-to-end test opens, so that its new English version stays ours.
const CODE = "inf_unmet_barriers_other";
const SOURCE = "What other difficulty did ${respondent_name} meet? Please specify.";
const REASON = "Question text: the reference ${respondent_name} from the source is missing";

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 });

test("a dropped ${…} reference turns Save off with the reason; put back, the text saves", async ({ browser }) => {
  test.setTimeout(120_000);

  // The curator publishes an English text with a reference.
  const curator = await signedInPage(browser, "curator");
  await curator.goto(`/en/curate/questions/${CODE}`);
  const next = await curator.getByRole("button", { name: /^Save and publish version \d+$/ }).textContent();
  const version = next!.match(/\d+$/)![0];
  await curator.getByLabel("Wording (English)").fill(SOURCE);
  await curator.getByRole("button", { name: `Save and publish version ${version}` }).click();
  await curator.getByRole("button", { name: `Confirm and publish version ${version}` }).click();
  await expect(heading1(curator)).toContainText("Published");

  const translator = await signedInPage(browser, "translator");
  await translator.goto(`/en/translate/fr/q/${CODE}`);
  await expect(heading1(translator)).toContainText("Translate into French:");
  const label = translator.getByLabel("Question text (French)");
  const save = translator.getByRole("button", { name: "Save", exact: true });
  const saveNext = translator.getByRole("button", { name: "Save and go to next" });

  // Typed without the reference: both save buttons are off, and say why.
  await label.fill("Quelle autre difficulté avez-vous rencontrée ? Précisez.");
  await expect(save).toBeDisabled();
  await expect(saveNext).toBeDisabled();
  const reason = translator.locator("#blocked-reason");
  await expect(reason).toContainText(REASON);
  await expect(save).toHaveAttribute("aria-describedby", "blocked-reason");
  await expect(saveNext).toHaveAttribute("aria-describedby", "blocked-reason");
  // The field itself points at the problem said beside it.
  await expect(label).toHaveAttribute("aria-invalid", "true");
  await expect(label).toHaveAttribute("aria-describedby", /\bblocked-label\b/);
  await expect(translator.locator("#blocked-label")).toContainText(
    "the reference ${respondent_name} from the source is missing",
  );
  // Ctrl+Enter does not get round it: nothing is saved, the problem is announced.
  await label.press("Control+Enter");
  await expect(translator.getByRole("alert").filter({ hasText: "Correct before saving" })).toBeVisible();
  await expect(translator.getByRole("button", { name: "Save anyway" })).toHaveCount(0);
  await expectAccessible(translator);

  // Put back: Save is on again, and the text is saved (a mere warning may still be confirmed).
  await label.fill("Quelle autre difficulté ${respondent_name} a-t-il rencontrée ? Précisez.");
  await expect(save).toBeEnabled();
  await expect(reason).toHaveCount(0);
  await expect(label).not.toHaveAttribute("aria-invalid", "true");
  await save.click();
  const saveAnyway = translator.getByRole("button", { name: "Save anyway" });
  const saved = translator.getByRole("status").filter({ hasText: "Saved." });
  await expect(saved.or(saveAnyway)).toBeVisible();
  if (await saveAnyway.isVisible()) await saveAnyway.click();
  await expect(saved).toBeVisible();
  await translator.reload();
  await expect(translator.getByLabel("Question text (French)")).toHaveValue(
    "Quelle autre difficulté ${respondent_name} a-t-il rencontrée ? Précisez.",
  );
  await expectAccessible(translator);
});
