// Results from collected data in Chromium, as a researcher goes from a public template to a chart:
// open the results page from the template, upload two "countries" of seeded synthetic submissions
// (KoboToolbox CSV and ODK Central CSV, written from the template's own codebook), read an
// indicator's estimate in the table (equal to a count made here), see the chart, weight and group,
// download the CSV, compare the two, read the page in Arabic (right to left), be told which row
// and column of a bad file is wrong, and delete a dataset. Every page passes axe.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import type { Codebook } from "../../lib/codebook/model";
import { generateSubmissions, writeSubmissionsCsv, type SyntheticVariable } from "../../lib/results/synthetic";
import { DEMO, signInTo } from "./sign-in";

test.use({ actionTimeout: 20_000 });

const TEMPLATE = "Vaccine acceptance rapid assessment";
const SLUG = "vaccine-acceptance-rapid-assessment";

/** Every select_one question outside repeats, its choices at known unequal frequencies. */
function variablesOf(codebook: Codebook): SyntheticVariable[] {
  const lists = new Map(codebook.choiceLists.map((l) => [l.name, l.choices.map((c) => c.name)]));
  return codebook.variables.flatMap((v) => {
    if (v.kind !== "question" || v.repeat || !v.listName || !v.type.startsWith("select_one")) return [];
    const frequencies: Record<string, number> = { "": 2 };
    (lists.get(v.listName) ?? []).forEach((name, i) => (frequencies[name] = i + 1));
    return [{ name: v.name, groups: v.groups, code: v.bank?.code ?? "", frequencies }];
  });
}

async function upload(page: Page, name: string, file: { name: string; text: string }) {
  await page.getByLabel("Dataset name").fill(name);
  await page.getByLabel("Submissions file").setInputFiles({
    name: file.name,
    mimeType: "text/csv",
    buffer: Buffer.from(file.text, "utf8"),
  });
  await page.getByRole("button", { name: "Upload" }).click();
}

test("a researcher uploads two countries' submissions of a template, reads, charts, exports and compares them", async ({
  page,
}) => {
  // The template's codebook, as anyone may download it: the variables the synthetic files are written with.
  await page.goto(`/en/templates/${SLUG}`);
  const id = new URL(
    (await page.getByRole("link", { name: /^Codebook of/ }).getAttribute("href"))!,
    "http://x",
  ).pathname.split("/")[3];
  const codebook = (await (
    await page.request.get(`/api/v1/questionnaires/${id}/export?format=codebook-json`)
  ).json()) as Codebook;
  const variables = variablesOf(codebook);
  const a = generateSubmissions(variables, { rows: 600, seed: 101 });
  const b = generateSubmissions(variables, { rows: 300, seed: 202 });

  await signInTo(page, DEMO.researcher, `/templates/${SLUG}`);
  await page.getByRole("link", { name: `Results from data collected with “${TEMPLATE}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/en/questionnaires/${id}/results$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results: ${TEMPLATE}`);
  await expect(page.getByText("Less than 100 MB (an XLSX file: 20 MB at most).", { exact: false })).toBeVisible();
  await expectAccessible(page);

  await upload(page, "Country A", { name: "country-a.csv", text: writeSubmissionsCsv(a, variables, "kobo") });
  await expect(page).toHaveURL(/\?dataset=/);
  const table = page.getByRole("table", { name: /^Indicators of Country A/ });
  await expect(table).toBeVisible();

  // PER-03 counted here from its definition, all respondents: the table says the same to 0.1 %.
  const per03 = codebook.indicators.find((i) => i.code === "PER-03")!;
  const d = per03.computation!;
  const col = variables.findIndex((v) => v.code === d.question);
  let n = 0;
  let yes = 0;
  for (const row of a.answers) {
    const answer = row[col];
    if (answer === "") continue;
    if (d.denominator.refused.treatment === "exclude" && d.denominator.refused.choices.includes(answer)) continue;
    if (d.denominator.dontKnow.treatment === "exclude" && d.denominator.dontKnow.choices.includes(answer)) continue;
    n++;
    if (d.numerator.includes(answer)) yes++;
  }
  const expected = `${((100 * yes) / n).toFixed(1)}%`;
  const per03Row = table.locator('tr[data-indicator="PER-03"]');
  await expect(per03Row.getByRole("cell").nth(1)).toHaveText(expected);
  await expect(per03Row.getByRole("cell").nth(3)).toHaveText(String(n));

  const chart = page.getByRole("img", { name: /^Estimates with 95% confidence intervals: Country A/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("circle")).toHaveCount(await table.locator("tbody tr").count());
  await expectAccessible(page);

  await upload(page, "Country B", { name: "country-b.csv", text: writeSubmissionsCsv(b, variables, "odk-central") });
  await expect(page.getByRole("table", { name: /^Indicators of Country B/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Datasets uploaded for this questionnaire" })).toContainText(
    "ODK Central CSV",
  );

  await page.getByLabel("Weight column").selectOption("weight");
  await page.getByLabel("Group by").selectOption("region");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByText("Weighted by “weight”", { exact: false })).toBeVisible();
  const grouped = page.getByRole("table", { name: /^Indicators of Country B/ });
  await expect(grouped.locator('tr[data-indicator="PER-03"]')).toHaveCount(2);
  await expect(grouped).toContainText("north");
  await expect(grouped).toContainText("south");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the results of Country B as CSV" }).click();
  const csv = (await readFile((await (await downloading).path())!)).toString("utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "\uFEFFdataset,indicator,indicator_name,group,weight,estimate,ci_lower,ci_upper,n,count,effective_n",
  );
  expect(csv).toContain("Country B,PER-03,");

  await page.getByLabel("Country A", { exact: true }).check();
  await page.getByLabel("Country B", { exact: true }).check();
  await page.getByRole("button", { name: "Compare" }).click();
  const comparison = page.getByRole("table", { name: /^Indicators side by side/ });
  await expect(comparison.getByRole("columnheader")).toHaveText(["Indicator", "Country A", "Country B", "Notes"]);
  await expect(comparison.locator('tr[data-indicator="PER-03"]')).toContainText(expected);
  await expect(page.getByRole("img", { name: "Estimates with 95% confidence intervals by dataset" })).toBeVisible();
  await expectAccessible(page);

  // The same page in Arabic: right to left, accessible.
  await page.goto(`/ar/questionnaires/${id}/results`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("النتائج");
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  await expectAccessible(page);

  // A file with a value that is not an answer of its question: the row and column are named, nothing stored.
  await page.goto(`/en/questionnaires/${id}/results`);
  const header = [...variables[0].groups, variables[0].name].join("/");
  await upload(page, "Broken", { name: "broken.csv", text: `${header};_uuid\r\nyes_please;u1\r\n` });
  await expect(page.locator(".results-upload [role=alert]")).toHaveText(
    `Row 2, column “${header}”: “yes_please” is not one of this question's answers. Export with “XML values and headers”.`,
  );
  await expect(page.getByRole("table", { name: "Datasets uploaded for this questionnaire" })).not.toContainText(
    "Broken",
  );

  await page.getByRole("button", { name: "Delete Country B" }).click();
  await page.getByRole("button", { name: "Delete Country B for good" }).click();
  const list = page.getByRole("table", { name: "Datasets uploaded for this questionnaire" });
  await expect(list).not.toContainText("Country B");
  await expect(list).toContainText("Country A");
});
