// Machine translation in the translation editor, as a translator meets it. The e2e server is pointed
// at a LibreTranslate stand-in (playwright.config.ts, tests/e2e/machine-translation-server.ts):
// nothing is asked on page load; the button asks, the outcome is announced; "Use" (by keyboard)
// fills one field and saves nothing; saved, the text is a draft whose history says where it came
// from; a failing provider is a message, not a broken page; in Arabic the section reads right to left.
// It leaves an Arabic draft behind (the text saved from a suggestion), so it runs after
// translation.spec.ts, which walks the Arabic draft queue to its end (files run in name order, one
// worker): hence its name.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signedInPage } from "./sign-in";

// A question no other end-to-end test opens, with a number in its English.
const CODE = "pra_chol_diarrhoea_hh_2w";
const MT = `http://127.0.0.1:${Number(process.env.E2E_MT_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 500)}`;
// What the stand-in makes of the English label: upper case, its "2" kept apart and put back.
const SUGGESTED = "[ar] IN THE PAST 2 WEEKS, HAS ANYONE IN YOUR HOUSEHOLD HAD WATERY DIARRHOEA?";

async function providerMode(request: APIRequestContext, mode: "ok" | "error") {
  const response = await request.post(`${MT}/_mode`, { data: { mode } });
  expect(await response.json()).toMatchObject({ mode });
}

test.afterAll(async ({ request }) => {
  await providerMode(request, "ok");
});

test("machine translation: asked on demand, used by keyboard, saved as a draft that says so", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  await providerMode(request, "ok");
  const before = (await (await request.get(`${MT}/health`)).json()) as { requests: number };
  const page = await signedInPage(browser, "translator");
  await page.goto(`/en/translate/ar/q/${CODE}`);
  const label = page.getByLabel("Question text (Arabic)");
  const saved = await label.inputValue();
  const section = page.getByRole("region", {
    name: "Machine translation (LibreTranslate): a suggestion, check every word before saving",
  });
  await expect(section).toBeVisible();
  // Nothing was asked on page load.
  await expect(section.getByRole("listitem")).toHaveCount(0);
  expect(((await (await request.get(`${MT}/health`)).json()) as { requests: number }).requests).toBe(before.requests);

  const ask = section.getByRole("button", { name: "Suggest a machine translation" });
  await ask.focus();
  await page.keyboard.press("Enter");
  await expect(section.getByRole("status")).toHaveText(/^\d+ suggestions ready\.$/);
  await expect(section).toContainText(SUGGESTED);
  // A suggestion is not a text: the field keeps what was saved until "Use".
  await expect(label).toHaveValue(saved);
  const useLabel = section.getByRole("button", {
    name: "Use the machine translation (LibreTranslate) for Question text",
  });
  await useLabel.focus();
  await page.keyboard.press("Enter");
  await expect(label).toHaveValue(SUGGESTED);
  await expect(section.getByRole("status")).toHaveText(
    "Question text filled with the machine translation. Check it, then save.",
  );
  await expectAccessible(page);

  // Used but not saved: the page read again shows the saved text.
  await page.reload();
  await expect(label).toHaveValue(saved);

  // Used and saved: a draft, and the history says it started from a machine translation.
  await ask.click();
  await useLabel.click();
  await expect(label).toHaveValue(SUGGESTED);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const anyway = page.getByRole("button", { name: "Save anyway" });
  const done = page.getByText("Saved.", { exact: true });
  await expect(anyway.or(done)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(done).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem").first()).toContainText(
    "Saved, starting from a machine translation suggestion",
  );
  await expect(history.getByRole("listitem").first()).toContainText("Draft");
  await expect(label).toHaveValue(SUGGESTED);

  // A provider that fails: said in words, the page and the text as they were.
  await providerMode(request, "error");
  await ask.click();
  await expect(section.getByRole("alert")).toHaveText(
    "The machine translation service could not translate this text just now. Nothing was changed; try again later.",
  );
  await expect(label).toHaveValue(SUGGESTED);
  await providerMode(request, "ok");
});

test("machine translation in Arabic: the section reads right to left and is announced", async ({ browser }) => {
  const page = await signedInPage(browser, "translator");
  await page.goto(`/ar/translate/ar/q/${CODE}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const section = page.getByRole("region", { name: /^ترجمة آلية \(LibreTranslate\)/ });
  await section.getByRole("button", { name: "اقترح ترجمة آلية" }).click();
  await expect(section.getByRole("status")).toContainText("جاهز");
  const suggestion = section.getByText(SUGGESTED);
  await expect(suggestion).toHaveAttribute("dir", "rtl");
  await expect(suggestion).toHaveAttribute("lang", "ar");
  const direction = await section.evaluate((el) => getComputedStyle(el).direction);
  expect(direction).toBe("rtl");
  await expectAccessible(page);
});
