// Results from collected data in Chromium, as a researcher goes from a public template to a chart:
// open the results page from the template, upload two "countries" of seeded synthetic submissions
// (KoboToolbox CSV and ODK Central CSV, written from the template's own codebook), read an
// indicator's estimate in the table (equal to a count made here), see the chart, weight and group,
// download the CSV, the chart as SVG (well-formed, the page's lines, a strict CSP when opened
// directly) and as PNG (made in the browser at twice the size), compare the two and download the
// comparison's chart, read the page in Arabic (right to left, its PNG too), be told which row and
// column of a bad file is wrong, and delete a dataset. Every page passes axe.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import type { Codebook } from "../../lib/codebook/model";
import { generateSubmissions, writeSubmissionsCsv, type SyntheticVariable } from "../../lib/results/synthetic";
import { DEMO, signInTo } from "./sign-in";
import { elementsNamed, parseXml } from "../unit/svg-tree";

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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks a download control and reads the file saved. */
async function downloaded(page: Page, click: () => Promise<void>) {
  const downloading = page.waitForEvent("download");
  await click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** A PNG of the chart: the signature, then the IHDR's width and height, twice the SVG's. */
function expectChartPng(bytes: Buffer, svgSize: { width: number; height: number }) {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  expect(bytes.readUInt32BE(16)).toBe(2 * svgSize.width);
  expect(bytes.readUInt32BE(20)).toBe(2 * svgSize.height);
  expect(bytes.length).toBeGreaterThan(5_000);
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
  await expect(page.getByText("Less than 100 MB.", { exact: false })).toBeVisible();
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

  // The chart as a standalone SVG: well-formed, titled, the page chart's dots; opened directly it
  // may run nothing (its own strict policy, not the page's).
  const svgLink = page.getByRole("link", { name: "Download the SVG chart of Country B" });
  const svgFile = await downloaded(page, () => svgLink.click());
  expect(svgFile.name).toBe("Country B chart.svg");
  const svg = parseXml(svgFile.bytes.toString("utf8"));
  expect(svg.name).toBe("svg");
  expect(elementsNamed(svg, "title")[0].text).toBe("Estimates with 95% confidence intervals: Country B");
  expect(elementsNamed(svg, "desc")).toHaveLength(1);
  const pageChart = page.getByRole("img", { name: /^Estimates with 95% confidence intervals: Country B/ });
  expect(elementsNamed(svg, "circle")).toHaveLength(await pageChart.locator("circle").count());
  expect(elementsNamed(svg, "text").map((t) => t.text)).toContain("Weighted by “weight” · By “region”");
  const direct = await page.request.get((await svgLink.getAttribute("href"))!);
  expect(direct.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(direct.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'");
  expect(direct.headers()["x-content-type-options"]).toBe("nosniff");
  const svgSize = { width: Number(svg.attributes.width), height: Number(svg.attributes.height) };

  // The PNG, drawn from that SVG in the browser.
  const pngFile = await downloaded(page, () =>
    page.getByRole("button", { name: "Download the PNG chart of Country B" }).click(),
  );
  expect(pngFile.name).toBe("Country B chart.png");
  expectChartPng(pngFile.bytes, svgSize);
  await expect(page.getByRole("status").filter({ hasText: "PNG image saved: Country B chart.png" })).toBeVisible();

  await page.getByLabel("Country A", { exact: true }).check();
  await page.getByLabel("Country B", { exact: true }).check();
  await page.getByRole("button", { name: "Compare" }).click();
  const comparison = page.getByRole("table", { name: /^Indicators side by side/ });
  await expect(comparison.getByRole("columnheader")).toHaveText(["Indicator", "Country A", "Country B", "Notes"]);
  await expect(comparison.locator('tr[data-indicator="PER-03"]')).toContainText(expected);
  const comparisonChart = page.getByRole("img", { name: "Estimates with 95% confidence intervals by dataset" });
  await expect(comparisonChart).toBeVisible();
  await expectAccessible(page);
  const comparisonSvg = await downloaded(page, () =>
    page.getByRole("link", { name: "Download the SVG chart of the comparison" }).click(),
  );
  expect(comparisonSvg.name).toBe("Country A, Country B chart.svg");
  const compared = parseXml(comparisonSvg.bytes.toString("utf8"));
  expect(elementsNamed(compared, "title")[0].text).toBe("Estimates with 95% confidence intervals by dataset");
  expect(elementsNamed(compared, "circle")).toHaveLength(await comparisonChart.locator("circle").count());

  // The same page in Arabic: right to left, accessible.
  await page.goto(`/ar/questionnaires/${id}/results`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("النتائج");
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  await expectAccessible(page);
  // The Arabic chart's PNG (Country B, the latest dataset, is open): drawn right to left by the browser.
  const arabicSvgHref = await page
    .getByRole("link", { name: "تنزيل الرسم البياني SVG لـ Country B" })
    .getAttribute("href");
  const arabicSvg = parseXml(await (await page.request.get(arabicSvgHref!)).text());
  expect(arabicSvg.attributes).toMatchObject({ lang: "ar", direction: "rtl" });
  const arabicPng = await downloaded(page, () =>
    page.getByRole("button", { name: "تنزيل الرسم البياني PNG لـ Country B" }).click(),
  );
  expect(arabicPng.name).toBe("Country B chart.png");
  expectChartPng(arabicPng.bytes, {
    width: Number(arabicSvg.attributes.width),
    height: Number(arabicSvg.attributes.height),
  });
  await expect(page.getByRole("status").filter({ hasText: "حُفظت صورة PNG: Country B chart.png" })).toBeVisible();

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
