// A CAT tool round trip and the translation memory, as a translator does them: suggestions from
// similar approved texts in the editor ("Use" fills the field, nothing is saved), then the queue
// downloaded as XLIFF 2.1, a target changed with its placeholder tags kept, uploaded and previewed.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

const CODE = "per_vac_agree_effective";
const SIMILAR = "per_vac_agree_safe";
// Its approved French (French typography puts no-break spaces inside « » and before ? and :).
const SIMILAR_FR = /Les vaccins contre la COVID-19 sont sûrs/;

test("translation memory in the editor, and an XLIFF round trip previewed", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, DEMO.translator, `/translate/fr/q/${CODE}`);

  // The memory: the approved French of a question whose English is nearly the same, with its score.
  const memory = page.getByRole("region", { name: /^Similar approved translations?$/ }).first();
  await expect(memory).toContainText(SIMILAR);
  await expect(memory).toContainText(/\d+% match/);
  await expect(memory.getByText(SIMILAR_FR)).toHaveAttribute("lang", "fr");
  await expectAccessible(page);
  const label = page.getByLabel("Question text (French)");
  await label.fill("");
  await memory.getByRole("button", { name: new RegExp(`Use the translation from ${SIMILAR}`) }).click();
  await expect(label).toHaveValue(SIMILAR_FR);
  // Only filled in: nothing was saved.
  await page.reload();
  await expect(label).not.toHaveValue(SIMILAR_FR);

  // XLIFF: the queue's questions of one indicator, as a CAT tool would receive them.
  await page.goto("/en/translate/fr/queue?indicator=PER-04");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download these questions as XLIFF 2.1 for a CAT tool (.xlf)" }).click(),
  ]);
  const path = test.info().outputPath("translations-fr.xlf");
  await download.saveAs(path);
  const xml = await readFile(path, "utf8");
  expect(xml).toContain('srcLang="en" trgLang="fr"');
  const unit = new RegExp(`(<unit id="q:${CODE}:label"[\\s\\S]*?<target>)([\\s\\S]*?)(</target>)`);
  expect(xml).toMatch(unit);
  const changed = "Êtes-vous d'accord : « Les vaccins contre la COVID-19 sont efficaces » ?";
  await writeFile(path, xml.replace(unit, `$1${changed}$3`));

  await page.goto("/en/translate/fr/import");
  await page.getByLabel("Spreadsheet (.xlsx) or XLIFF file (.xlf)").setInputFiles(path);
  await page.getByRole("button", { name: "Preview the changes" }).click();
  const preview = page.getByRole("table", { name: "Rows that change something or need attention" });
  const row = preview.getByRole("row").filter({ hasText: `q:${CODE}:label` });
  await expect(row).toContainText("Will be saved");
  await expect(row).toContainText(changed);
  await expectAccessible(page);
});
