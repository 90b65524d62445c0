// The main public pages as a person sees them, compared with committed pictures (issue #19): four
// interface languages (Arabic right to left) at a phone's, a small laptop's and a desktop's width.
// A broken layout (a column squeezed, a header wrapping, a control unstyled, the wrong direction)
// fails here even when every element is still in the page. Pages whose content no other end-to-end
// test changes, so that the pictures hold whatever ran before.
// Update after an intended change of look: `npx playwright test tests/e2e/layout-baselines-ui.spec.ts
// --update-snapshots` (on this project's machines: Debian's Chromium and fonts), then look at every
// changed picture before committing it.
import { expect, test, type Locator, type Page } from "@playwright/test";

const LOCALES = ["en", "es", "fr", "ar"] as const;
const WIDTHS = [390, 1024, 1366] as const;
/**
 * Pages no other end-to-end test changes (the home page is not one: a curator's test renames a
 * domain, and the counts move), with what may still differ without the layout being wrong.
 */
const PAGES: { name: string; path: string; moving?: (page: Page) => Locator[] }[] = [
  // One result, for its code: the search's form, filters and table, whatever else the bank holds.
  { name: "search", path: "/search?q=bkg_age", moving: (page) => [page.locator("time")] },
  { name: "question", path: "/questions/bkg_age" },
  { name: "templates", path: "/templates", moving: (page) => [page.locator("time")] },
  { name: "sign-in", path: "/sign-in" },
];

for (const locale of LOCALES)
  for (const { name, path, moving } of PAGES)
    test(`${name} in ${locale} looks as committed at ${WIDTHS.join(", ")} px`, async ({ page }) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/${locale}${path}`);
        await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        await page.evaluate(() => document.fonts.ready);
        await expect(page).toHaveScreenshot(`${name}-${locale}-${width}.png`, {
          animations: "disabled",
          caret: "hide",
          mask: moving?.(page) ?? [],
          // Antialiasing may differ by a few pixels between two runs; a layout change moves thousands.
          maxDiffPixelRatio: 0.01,
        });
      }
    });
