// The accessibility check every end-to-end test runs on the pages it visits: WCAG 2.2 AA rules.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectAccessible(page: Page) {
  // Next streams a page's metadata after its body: wait for the <title> rather than let axe catch
  // the moment before it arrives (a document-title violation seen once in CI, 2026-12-07).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, "axe violations").toEqual([]);
}
