import { expect, test, type Download } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "./axe";

const LABELS = ["label::English (en)", "label::Español (es)", "label::Français (fr)", "label::العربية (ar)"];

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

test.describe("public templates", () => {
  test("a person lists the templates, reads one and downloads it as XLSForm and CSV", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
    await expect(page).toHaveURL(/\/en\/templates$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public templates");
    await expect(page.locator("main li h2")).toHaveCount(4);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Vaccine acceptance rapid assessment", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/templates\/vaccine-acceptance-rapid-assessment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vaccine acceptance rapid assessment");
    await expect(page.getByRole("status")).toContainText("Ready to export");
    // Skip logic in words, naming the question and the answer by their wording.
    await expect(page.getByText("This section is asked only if").first()).toBeVisible();
    await expect(page.locator("main")).toContainText(/Asked only if “[^”]+” is “Yes”/);
    await expectAccessible(page);

    const [xlsform] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /as XLSForm/ }).click(),
    ]);
    expect(xlsform.suggestedFilename()).toBe("Vaccine acceptance rapid assessment.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(xlsform)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["survey", "choices", "settings"]);
    const headers = (book.getWorksheet("survey")!.getRow(1).values as string[]).filter(Boolean);
    expect(headers.filter((h) => h.startsWith("label::"))).toEqual(LABELS);
    const choiceHeaders = (book.getWorksheet("choices")!.getRow(1).values as string[]).filter(Boolean);
    expect(choiceHeaders.filter((h) => h.startsWith("label::"))).toEqual(LABELS);
    expect(book.getWorksheet("settings")!.getRow(2).getCell(4).value).toBe("English (en)");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /as CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("Vaccine acceptance rapid assessment.csv");
    const bytes = await bytesOf(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toMatch(/[\u0600-\u06ff]/);
    expect(text).toContain("label::العربية (ar)");
  });

  test("the template page reads right to left in Arabic, with the same downloads", async ({ page }) => {
    await page.goto("/ar/templates/community-feedback-trust-pulse");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "ar");
    await expect(page.locator("main")).toContainText("يُطرح فقط إذا");
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /بصيغة CSV/ }).click(),
    ]);
    const bytes = await bytesOf(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test("an unknown template is a page not found, and a bad export request a clear 400", async ({ page, request }) => {
    const response = await page.goto("/en/templates/no-such-template");
    expect(response?.status()).toBe(404);
    const bad = await request.get("/api/v1/questionnaires/vaccine-acceptance-rapid-assessment/export?format=pdf");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain("xlsform, csv, codebook or codebook-json");
  });
});
