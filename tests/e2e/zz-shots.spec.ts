import ExcelJS from "exceljs";
import { test } from "@playwright/test";

test("shots", async ({ page }) => {
  test.setTimeout(180_000);
  const book = new ExcelJS.Workbook();
  const rows: Record<string, string[][]> = {
    survey: [
      ["type", "name", "label::English (en)", "label::العربية (ar)", "relevant", "calculation"],
      ["begin_group", "household", "Household", "الأسرة", "", ""],
      ["select_one water", "water_source", "Main source of drinking water?", "ما المصدر الرئيسي لمياه الشرب؟", "", ""],
      ["text", "water_other", "Which other source?", "ما المصدر الآخر؟", "${water_source} = 'other'", ""],
      ["end_group", "", "", "", "", ""],
      ["begin_repeat", "member", "Member", "فرد", "", ""],
      ["text", "first_name", "First name", "الاسم الأول", "", ""],
      ["end_repeat", "", "", "", "", ""],
      ["calculate", "n", "", "", "", "count(${member})"],
    ],
    choices: [
      ["list_name", "name", "label::English (en)", "label::العربية (ar)"],
      ["water", "tap", "Tap", "صنبور"],
      ["water", "other", "Other", "أخرى"],
    ],
    settings: [["form_title", "form_id"], ["Water in two scripts", "water2"]],
  };
  for (const [name, r] of Object.entries(rows)) { const s = book.addWorksheet(name); r.forEach((x) => s.addRow(x)); }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await page.goto("/en/sign-in?next=%2Fquestionnaires%2Fimport");
  await page.getByLabel("Email").fill("researcher@demo.questionbank.org");
  await page.getByLabel("Password").fill("researcher-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/en/questionnaires/import");
  await page.locator("#import-file").setInputFiles({ name: "w.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("status").filter({ hasText: "Questionnaire imported" }).waitFor();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: "/tmp/shots/import-en.png", fullPage: true });
  const href = await page.getByRole("link", { name: /Open/ }).getAttribute("href");
  const id = href!.split("/").pop();
  for (const [lang, w] of [["en", 1280], ["ar", 390], ["ar", 1280]] as const) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto(`/${lang}/questionnaires/${id}`);
    await page.locator("#own-form-heading ~ details summary").click();
    await page.screenshot({ path: `/tmp/shots/builder-${lang}-${w}.png`, fullPage: true });
    await page.goto(`/${lang}/questionnaires/${id}/print?lang=ar`);
    await page.screenshot({ path: `/tmp/shots/print-${lang}-${w}.png`, fullPage: true });
  }
});
