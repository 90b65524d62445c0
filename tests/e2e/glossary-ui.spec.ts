// The termbase as its people use it (issue #15): a French reviewer adds a term to the French
// glossary ("advice" → "conseils", "avis" forbidden); a translator then sees it marked in the
// source of a question that uses it, with its approved translation on focus; a French text that
// uses the forbidden variant is stopped by the checks before saving, naming the term; the approved
// word saves without that warning. The glossary page passes axe in English and in Arabic.
import { test, expect } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signedInAt } from "./sign-in";

// Its English asks for "advice about the outbreak"; no other end-to-end test edits its French.
const CODE = "knw_hotline_number";

test("a reviewer adds a glossary term; the translator's editor marks it and the checks hold a forbidden variant", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const reviewer = await signedInAt(browser, DEMO.reviewer, "/translate/fr/glossary");
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("French glossary");
  // The seeded termbase: "outbreak" is « épidémie » in French, « flambée » forbidden.
  const terms = reviewer.getByRole("region", { name: /^Terms \(\d+\)$/ });
  await expect(terms.getByRole("row").filter({ hasText: "outbreak" })).toContainText("épidémie");
  await expectAccessible(reviewer);

  const added = terms.getByRole("row").filter({ hasText: "advice" });
  // A retry finds the term its first attempt saved (the database is the run's, not the attempt's).
  if (test.info().retry === 0 || (await added.count()) === 0) {
    await reviewer.getByRole("button", { name: "Add a term" }).click();
    await reviewer.getByLabel("English term").fill("advice");
    await reviewer.getByLabel("Approved translation").fill("conseils");
    await reviewer.getByLabel("Forbidden variants").fill("avis");
    await reviewer.getByRole("button", { name: "Save term" }).click();
    await expect(reviewer.getByText("Term saved.")).toBeVisible();
  }
  await expect(added).toContainText("conseils");
  await expect(added.getByText("avis", { exact: true })).toHaveAttribute("lang", "fr");

  // The same page in Arabic: right to left, accessible.
  await reviewer.goto("/ar/translate/fr/glossary");
  await expect(reviewer.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(reviewer);

  // The translator's editor marks both terms in the English source, each with its French.
  const translator = await signedInAt(browser, DEMO.translator, `/translate/fr/q/${CODE}`);
  const advice = translator.locator('[data-glossary-term="advice"]').first();
  await expect(advice).toBeVisible();
  await advice.focus();
  await expect(advice).toContainText("conseils");
  await expect(translator.locator('[data-glossary-term="outbreak"]').first()).toContainText("épidémie");

  // The forbidden variant is held by the checks, which name it; nothing is saved.
  const label = translator.getByLabel("Question text (French)");
  await label.fill("Quel numéro appelleriez-vous pour obtenir des avis sur l'épidémie ?");
  await translator.getByRole("button", { name: "Save", exact: true }).click();
  const check = translator.getByRole("alert").filter({ hasText: "Check before saving" });
  await expect(check).toContainText("uses a variant the glossary forbids: avis → conseils");
  await expect(check).toContainText("does not use the glossary’s approved translation: advice → conseils");
  await expectAccessible(translator);

  // With the approved word the checks have nothing to say, and the text saves.
  await label.fill("Quel numéro faut-il appeler pour obtenir des conseils sur l'épidémie ?");
  await translator.getByRole("button", { name: "Save", exact: true }).click();
  await expect(translator.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(check).toHaveCount(0);
  await translator.reload();
  await expect(label).toHaveValue("Quel numéro faut-il appeler pour obtenir des conseils sur l'épidémie ?");
});
