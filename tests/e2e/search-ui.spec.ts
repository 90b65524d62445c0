import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";

const heading = (page: Page) => page.locator("#results-heading");
async function count(page: Page): Promise<number> {
  const text = (await heading(page).textContent()) ?? "";
  const digits = text.replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d))).match(/\d+/);
  return digits ? Number(digits[0]) : 0;
}
async function search(page: Page, words: string) {
  const box = page.getByRole("searchbox");
  await box.fill(words);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(words).replace(/%20/g, "\\+")}`));
}

test.describe("search the bank", () => {
  test("a person searches in English, narrows by a facet, shares the link and goes back", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/en\/search$/);
    await search(page, "vaccine");
    await expect(heading(page)).toContainText("vaccine");
    const all = await count(page);
    expect(all).toBeGreaterThan(5);
    // Matching words are marked in the results, as text.
    await expect(page.locator(".results-table mark").first()).toHaveText(/vaccin/i);
    await expectAccessible(page);

    const facet = page
      .getByRole("navigation", { name: "Filters" })
      .locator("details.facet")
      .filter({ hasText: "Answer type" })
      .getByRole("link")
      .first();
    await facet.click();
    await expect(page).toHaveURL(/type=/);
    await expect(page.getByRole("link", { name: /Remove filter/ })).toBeVisible();
    await expect.poll(() => count(page)).toBeLessThan(all);
    const narrowed = await count(page);
    expect(narrowed).toBeLessThan(all);
    expect(narrowed).toBeGreaterThan(0);

    // The URL reproduces the search in a fresh page.
    const url = page.url();
    const other = await page.context().newPage();
    await other.goto(url);
    expect(await count(other)).toBe(narrowed);
    await expect(other.getByRole("searchbox")).toHaveValue("vaccine");
    await other.close();

    await page.goBack();
    await expect(page).not.toHaveURL(/type=/);
    // The URL changes before the results of the earlier search are rendered again: wait for them.
    await expect.poll(() => count(page)).toBe(all);
  });

  test("a long filter list shows its first values, and all of them on request, by keyboard", async ({ page }) => {
    await page.goto("/en/search?q=vaccine");
    const filters = page.getByRole("navigation", { name: "Filters" });
    const tags = filters.locator("#facet-list-tag");
    await tags.locator("summary").click();
    const values = tags.getByRole("list").getByRole("listitem");
    await expect(values).toHaveCount(8);
    const showAll = tags.getByRole("link", { name: /^Show all \d+$/ });
    const total = Number(((await showAll.textContent()) ?? "").replace(/\D/g, ""));
    expect(total).toBeGreaterThan(8);
    // The link is described by its list's heading, so that a screen reader says which list it opens.
    await expect(showAll).toHaveAccessibleDescription("Tag");

    await showAll.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]more=tag(&|#|$)/);
    await expect(page).toHaveURL(/#facet-list-tag$/);
    await expect(values).toHaveCount(total);
    await expect(tags).toHaveAttribute("open", "");
    // The search itself is unchanged: same words, same number of results.
    await expect(page.getByRole("searchbox")).toHaveValue("vaccine");
    await expectAccessible(page);

    // Choosing a value of the long list drops "more" from the address: it does not stick to the search.
    const last = values.last().getByRole("link");
    await last.click();
    await expect(page).toHaveURL(/[?&]tag=/);
    expect(page.url()).not.toContain("more=");

    await page.goBack();
    await tags.getByRole("link", { name: "Show fewer" }).click();
    // The list stays unfolded, with its first values again.
    await expect(page).toHaveURL(/[?&]open=tag#facet-list-tag$/);
    await expect(values).toHaveCount(8);
    expect(page.url()).not.toContain("more=");
  });

  test("French finds the same questions with and without accents", async ({ page }) => {
    await page.goto("/fr/search");
    await page.getByLabel("Rechercher en").selectOption("fr");
    await search(page, "épidémie");
    const accented = await count(page);
    expect(accented).toBeGreaterThan(0);
    await expect(page.locator(".results-table mark").first()).toHaveText(/épidémie/i);
    await search(page, "epidemie");
    expect(await count(page)).toBe(accented);
    await expect(page).toHaveURL(/lang=fr/);
    await expectAccessible(page);
  });

  test("Spanish finds its questions, and the table keeps its columns and selection", async ({ page }) => {
    await page.goto("/es/search?q=vacuna");
    expect(await count(page)).toBeGreaterThan(0);
    await expect(page.getByRole("columnheader", { name: "Código" })).toBeVisible();
    await page.locator("summary", { hasText: "Columnas visibles" }).click();
    // The choice of columns is part of the URL: the box changes once the new address has loaded.
    await page.getByRole("checkbox", { name: "Código" }).click();
    await expect(page).toHaveURL(/cols=/);
    await expect(page.getByRole("columnheader", { name: "Código" })).toHaveCount(0);
    await page.locator(".results-table tbody input[type=checkbox]").first().check();
    await expect(page.locator(".bulk-bar")).toContainText("1 pregunta seleccionada");
    await expectAccessible(page);
  });

  test("Arabic finds the same questions with and without hamza, right to left", async ({ page }) => {
    await page.goto("/ar/search");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await search(page, "أسرتك");
    const withHamza = await count(page);
    expect(withHamza).toBeGreaterThan(0);
    await expect(page.locator(".results-table mark").first()).toBeVisible();
    await search(page, "اسرتك");
    expect(await count(page)).toBe(withHamza);
    await expectAccessible(page);
  });

  test("a misspelt word is corrected, and an indicator in the framework leads to the same facet", async ({ page }) => {
    await page.goto("/en/search?q=vacine&lang=en");
    // The corrected words are isolated (U+2068 … U+2069) inside the sentence.
    await expect(page.getByText("Showing results for “\u2068vaccine\u2069”.")).toBeVisible();
    expect(await count(page)).toBeGreaterThan(3);

    await page.goto("/en/framework");
    await page.locator('a[href="/en/search?indicator=PER-03"]').click();
    await expect(page).toHaveURL(/\/en\/search\?indicator=PER-03$/);
    await expect(page.getByRole("link", { name: /Remove filter: PER-03/ })).toBeVisible();
    expect(await count(page)).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);
  });
});
