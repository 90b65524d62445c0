// The codebook in Chromium: a visitor opens a public template's codebook from its page, reads the
// variables and the indicators they feed, downloads it as XLSX and JSON; the same page in Arabic,
// right to left; a researcher imports a form and opens its codebook from the builder's export
// area. Each page passes axe; screenshots (wide and narrow) go to test-results/codebook/.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signInTo } from "./sign-in";

test.use({ actionTimeout: 20_000 });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TEMPLATE = "Vaccine acceptance rapid assessment";

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** Wide and narrow screenshots of the page as it is, for a person to look at. */
async function screenshots(page: Page, name: string) {
  for (const [label, width] of [
    ["wide", 1280],
    ["narrow", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/codebook/${name}-${label}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The table row of one variable (its name is the row header's first code span). */
const row = (page: Page, variable: string) =>
  page.locator("tbody tr").filter({ has: page.locator("th > span.code").getByText(variable, { exact: true }) });

test("a visitor reads a public template's codebook and downloads it as XLSX and JSON", async ({ page }) => {
  await page.goto("/en/templates/vaccine-acceptance-rapid-assessment");
  await page.getByRole("link", { name: `Codebook of “${TEMPLATE}”`, exact: false }).click();
  await expect(page).toHaveURL(/\/en\/questionnaires\/[^/]+\/codebook\?lang=en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Codebook: ${TEMPLATE}`);
  await expect(page.getByText(/^\d+ variables · \d+ answer lists · \d+ indicators$/)).toBeVisible();

  const table = page.getByRole("region", { name: "Variables (scrolls sideways)" });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Variable",
    "Label",
    "Type",
    "Answers (value: label)",
    "Asked only if",
    "Indicators",
  ]);
  const intent = row(page, "per_vac_intent");
  await expect(intent).toContainText("vaccination_status/per_vac_intent");
  await expect(intent).toContainText(/“[^”]+” is “No”/);
  await expect(intent).toContainText("From the bank: per_vac_intent, version 1");
  await expect(intent.getByRole("link", { name: "PER-03" })).toHaveAttribute("href", "#indicator-PER-03");

  const pra05 = page.getByRole("article", { name: /PRA-05/ });
  await expect(pra05).toContainText("pra_vac_tried");
  await expect(pra05).toContainText("Only respondents whose answer to “");
  await expect(pra05).toContainText("Defined on version 1 of bank question pra_vac_tried.");
  await expectAccessible(page);
  await screenshots(page, "template-en");
  await pra05.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/codebook/template-en-indicator.png" });
  // On paper: no navigation, no buttons, the whole table.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.screenshot({ path: "test-results/codebook/template-en-print.png", fullPage: false });
  await page.emulateMedia({ media: "screen" });

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: `Download the codebook of “${TEMPLATE}” as XLSX` }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`Codebook – ${TEMPLATE}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bytesOf(xlsx)) as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(["About", "Variables", "Value labels", "Indicators"]);
  const names = book.getWorksheet("Variables")!.getColumn(1).values.slice(2);
  expect(names).toContain("per_vac_intent");

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /with the indicator definitions as JSON/ }).click(),
  ]);
  const codebook = JSON.parse((await bytesOf(json)).toString("utf8"));
  expect(codebook.indicators.find((i: { code: string }) => i.code === "PER-03").variable).toBe("per_vac_intent");
});

test("the codebook reads right to left in Arabic, with the skip conditions in Arabic", async ({ page }) => {
  await page.goto("/ar/templates/vaccine-acceptance-rapid-assessment");
  await page.getByRole("link", { name: /^دليل متغيرات/ }).click();
  await expect(page).toHaveURL(/\/ar\/questionnaires\/[^/]+\/codebook\?lang=ar$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("دليل المتغيرات:");
  await expect(row(page, "per_vac_intent")).toContainText(/كانت إجابة «[^»]+» هي «لا»/);
  await expect(page.getByRole("heading", { level: 2, name: "المؤشرات التي يغذّيها هذا الاستبيان" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "template-ar");
  await page.getByRole("article", { name: /PRA-05/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/codebook/template-ar-indicator.png" });
  // The English texts on the Arabic page: marked as English.
  await page.getByRole("navigation", { name: "لغة قراءة الدليل" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/ar\/questionnaires\/[^/]+\/codebook\?lang=en$/);
  await expect(row(page, "per_vac_intent").locator('[lang="en"]').first()).toBeVisible();
  await expectAccessible(page);
});

test("a researcher imports a form and opens its codebook from the builder's export area", async ({ page }) => {
  test.setTimeout(120_000);
  const book = new ExcelJS.Workbook();
  const sheets: Record<string, string[][]> = {
    survey: [
      ["type", "name", "label::English (en)", "label::العربية (ar)", "calculation"],
      ["integer", "hh_size", "How many people live here?", "كم شخصًا يعيش هنا؟", ""],
      ["begin_repeat", "member", "Member", "فرد", ""],
      ["text", "member_name", "Name", "الاسم", ""],
      ["end_repeat", "", "", "", ""],
      ["calculate", "double_size", "", "", "${hh_size} * 2"],
    ],
    settings: [
      ["form_title", "form_id"],
      ["E2E codebook import", "e2e_codebook"],
    ],
  };
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  const file = Buffer.from(await book.xlsx.writeBuffer());

  await signInTo(page, DEMO.researcher, "/questionnaires/import");
  await page.getByLabel("XLSForm file (.xlsx)").setInputFiles({ name: "codebook.xlsx", mimeType: XLSX, buffer: file });
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("link", { name: /in the builder/ }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!import$)[^/]+$/);

  const exportArea = page.locator("section").filter({ has: page.locator("#readiness-heading") });
  await exportArea.getByRole("link", { name: "Codebook", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/questionnaires\/[^/]+\/codebook$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Codebook: E2E codebook import");
  await expect(row(page, "member_name")).toContainText("member/member_name");
  await expect(row(page, "member_name")).toContainText("own question");
  await expect(row(page, "double_size")).toContainText("Calculation: ${hh_size} * 2");
  await expect(page.getByText("None of this questionnaire’s bank questions is linked")).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "import-en");
});
