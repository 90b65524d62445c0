import { expect, test, type Locator, type Page } from "@playwright/test";
import type { ApiQuestion } from "../../lib/search/types";
import { expectAccessible } from "./axe";

// The search results' preview (components/search/ResultPreview.tsx): a question as a respondent
// sees it, next to its link, on hover and on keyboard focus; dismissible, hoverable, persistent
// (WCAG 1.4.13), mirrored right to left.

const popover = (page: Page) => page.locator("#result-preview");
const firstLink = (page: Page) => page.locator(".results-table a.result-label").first();

/** The question behind a result link, as the public API gives it. */
async function questionOf(page: Page, link: Locator): Promise<ApiQuestion> {
  const code = ((await link.getAttribute("href")) ?? "").split("/").pop();
  const response = await page.request.get(`/api/v1/questions/${code}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ApiQuestion;
}

test.describe("the preview of a search result", () => {
  test("hovering over a result shows its choices; the pointer can move onto it; leaving hides it", async ({ page }) => {
    await page.goto("/en/search?q=vaccine&type=select_one");
    const link = firstLink(page);
    const question = await questionOf(page, link);
    await link.hover();
    await expect(popover(page)).toBeVisible();
    await expect(popover(page)).toHaveAttribute("role", "tooltip");
    await expect(link).toHaveAttribute("aria-describedby", "result-preview");
    await expect(popover(page)).toContainText(question.text.en.label!.replace(/\[\[[^\]]*\]\]/g, "").slice(0, 20));
    await expect(popover(page)).toContainText("Choose one answer.");
    const choices = popover(page).locator(".result-preview__choices--one li");
    await expect(choices).toHaveCount(Math.min(8, question.choices.length) + (question.choices.length > 8 ? 1 : 0));
    await expect(choices.first()).toHaveText(question.choices[0].label.en!);
    await page.screenshot({ path: test.info().outputPath("result-preview-en.png") });
    await expectAccessible(page);

    // Onto the popover: it stays (1.4.13 hoverable); away from both: it goes.
    const box = (await popover(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(400);
    await expect(popover(page)).toBeVisible();
    await page.mouse.move(5, 5);
    await expect(popover(page)).toBeHidden();
    await expect(link).not.toHaveAttribute("aria-describedby", /./);
  });

  test("Tab to a result shows its preview at once; Escape hides it and the focus stays", async ({ page }) => {
    await page.goto("/en/search?q=vaccine&type=select_one");
    const link = firstLink(page);
    // The row's checkbox comes just before its link.
    await page.locator(".results-table tbody input[type=checkbox]").first().focus();
    await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await expect(popover(page)).toBeVisible();
    // What a screen reader says after the link's name: the popover's words.
    await expect(link).toHaveAccessibleDescription(/Preview · Select one .*Choose one answer\./);
    await page.keyboard.press("Escape");
    await expect(popover(page)).toBeHidden();
    await expect(link).toBeFocused();
    await expect(link).not.toHaveAttribute("aria-describedby", /./);
    // The next result's link, then back: shown again.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(popover(page)).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(popover(page)).toBeHidden();
  });

  test("in Arabic it opens inside the viewport, right to left, at the link's right edge", async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 800 });
    await page.goto("/ar/search?type=select_one");
    const link = firstLink(page);
    // Mid-screen, where the popover fits below the link (near the bottom it opens above instead).
    await link.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await link.hover();
    await expect(popover(page)).toBeVisible();
    await expect(popover(page)).toContainText("اختر إجابة واحدة.");
    const direction = await popover(page).evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe("rtl");
    const box = (await popover(page).boundingBox())!;
    const at = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(700);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(box.y >= at.y + at.height || box.y + box.height <= at.y, "below or above the link, never over it").toBe(
      true,
    );
    // Aligned to the link's inline start (its right edge), or pushed inside the viewport.
    expect(Math.abs(box.x + box.width - (at.x + at.width)) < 2 || box.x <= 9).toBe(true);
    await page.screenshot({ path: test.info().outputPath("result-preview-ar.png") });
    await expectAccessible(page);
  });

  test("a long list shows its first choices and how many more; a question without one says so", async ({ page }) => {
    await page.goto("/fr/search?q=vaccin&type=select_one");
    const [first, second] = [firstLink(page), page.locator(".results-table a.result-label").nth(1)];
    const question = await questionOf(page, first);
    const many = Array.from({ length: 12 }, (_, i) => ({
      name: `c${i}`,
      label: { en: `Choice ${i}`, es: null, fr: `Choix ${i}`, ar: null },
    }));
    await page.route(`**/api/v1/questions/${question.code}`, (route) =>
      route.fulfill({ json: { ...question, type: "select_multiple", choices: many } }),
    );
    const code2 = ((await second.getAttribute("href")) ?? "").split("/").pop();
    await page.route(`**/api/v1/questions/${code2}`, (route) => route.fulfill({ status: 404, json: {} }));

    await first.hover();
    const items = popover(page).locator(".result-preview__choices--many li");
    await expect(items).toHaveCount(9);
    await expect(items.last()).toHaveText("et 4 autres choix");
    await second.hover();
    await expect(popover(page)).toHaveText("Pas d’aperçu");

    // A touch does not open it (a tap follows the link).
    await page.mouse.move(5, 5);
    await expect(popover(page)).toBeHidden();
    await first.dispatchEvent("pointerover", { pointerType: "touch", bubbles: true });
    await page.waitForTimeout(500);
    await expect(popover(page)).toBeHidden();
  });
});
