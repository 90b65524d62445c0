// Issue #19: the favicon answers on every page, each role lands on its work after signing in (a
// safe return address still wins, a hostile one still does not), the admin's Users page is in the
// main navigation, Escape closes the account menu, no main page scrolls sideways at 390, 768, 1024
// or 1366 px, the header keeps to one row from 1024 px, every page has its own title in every
// language, languages are named in the page's words, the audit trail reads as words, a deletion is
// announced and focused, long words wrap, and no control is left to the browser's default look.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signIn, signedInPage } from "./sign-in";

const LOCALES = ["en", "es", "fr", "ar"] as const;
const SITE = { en: "Question Bank", es: "Banco de Preguntas", fr: "Banque de questions", ar: "بنك الأسئلة" } as const;
/** The page's document width beyond the window's: a sideways scroll. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the favicon and icon answer, and no page asks for a missing one", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404 && r.request().resourceType() !== "document") missing.push(r.url());
  });
  for (const path of ["/en", "/ar/search?q=vaccine", "/fr/templates", "/en/no-such-page"]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
    await expect(page.locator(".site-title svg.logo")).toBeVisible();
  }
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
  ] as const) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()["content-type"]).toContain(type);
  }
  expect(missing).toEqual([]);
});

test.describe("where people land", () => {
  const landings = [
    ["researcher", /\/en\/questionnaires$/, "My questionnaires"],
    ["translator", /\/en\/translate\/fr\/queue$/, null],
    ["reviewer", /\/en\/translate\/fr\/queue\?status=in_review$/, null],
    ["curator", /\/en\/curate\/drafts$/, null],
    ["admin", /\/en\/admin\/users$/, "Users"],
  ] as const;
  for (const [role, url, heading] of landings) {
    test(`a ${role} lands on their work`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expect(page).toHaveURL(url);
      if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Access refused|My account/);
    });
  }

  test("a safe return address wins; a hostile one is refused for the landing", async ({ page }) => {
    await signIn(page, DEMO.curator, { next: "/search?q=vaccine" });
    await expect(page).toHaveURL(/\/en\/search\?q=vaccine$/);
    await page.context().clearCookies();
    await signIn(page, DEMO.curator, { next: "//evil.example/" });
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/en\/curate\/drafts$/);
  });

  test("the admin's Users page is in the main navigation", async ({ page }) => {
    await signIn(page, DEMO.admin, { next: "/" });
    await expect(page).toHaveURL(/\/en$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/users$/);
    await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
  });
});

test("Escape closes the account menu and returns focus to its button", async ({ page }) => {
  await signIn(page, DEMO.researcher);
  await expect(page).toHaveURL(/\/en\/questionnaires$/);
  const summary = page.locator("details.account-menu summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("details.account-menu")).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "My account" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("details.account-menu")).not.toHaveAttribute("open");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
});

test("the language menu opens by keyboard, lists each language in itself and keeps the page", async ({ page }) => {
  await page.goto("/en/framework?x=1");
  const languages = page.getByRole("navigation", { name: "Language" });
  const summary = languages.locator("summary");
  await expect(summary).toHaveAccessibleName("Language: English");
  await summary.focus();
  await page.keyboard.press("Enter");
  for (const [lang, name] of [
    ["en", "English"],
    ["es", "Español"],
    ["fr", "Français"],
    ["ar", "العربية"],
  ])
    await expect(languages.getByRole("link", { name, exact: true })).toHaveAttribute("lang", lang);
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await languages.getByRole("link", { name: "العربية" }).press("Enter");
  await expect(page).toHaveURL(/\/ar\/framework\?x=1$/);
  await expect(page.getByRole("navigation", { name: "اللغة" }).locator("summary")).toHaveAccessibleName(
    "اللغة: العربية",
  );
});

// 320 px is WCAG 1.4.10's reflow width (1,280 px at 400% zoom); the others are a phone, a tablet
// and two laptops. A wide table may scroll inside its own region, never the page.
test("no main page scrolls sideways at 320, 390, 768, 1024 or 1366 px, in English and Arabic", async ({ browser }) => {
  test.setTimeout(600_000);
  // The builder of a questionnaire of the researcher's own (a template's copy: sections, skip logic).
  const researcher = await signedInPage(browser, "researcher");
  await researcher.goto("/en/templates/vaccine-acceptance-rapid-assessment");
  await researcher.getByRole("button", { name: "Duplicate into my questionnaires" }).click();
  await researcher.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);
  const builder = new URL(researcher.url()).pathname.replace(/^\/en/, "");
  const pagesOf = {
    admin: ["", "/search", "/search?q=vaccine", "/framework", "/templates", "/admin/users", "/audit", "/curate"],
    translator: ["/translate", "/translate/fr", "/translate/fr/queue", "/translate/ar/q/bkg_age"],
    researcher: ["/questionnaires", builder, `${builder}/codebook`, "/questionnaires/import"],
  } as const;
  const overflowing: string[] = [];
  for (const role of ["admin", "translator", "researcher"] as const) {
    const page = role === "researcher" ? researcher : await signedInPage(browser, role);
    for (const width of [320, 390, 768, 1024, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      for (const locale of ["en", "ar"]) {
        for (const path of pagesOf[role]) {
          await page.goto(`/${locale}${path}`);
          const extra = await overflow(page);
          if (extra > 0) overflowing.push(`${width}px /${locale}${path} (${role}): ${extra}px too wide`);
        }
      }
    }
  }
  expect(overflowing).toEqual([]);
});

test("the header keeps to one row from 1024 px, for every role's sections, in every language", async ({ browser }) => {
  test.setTimeout(180_000);
  const rows: string[] = [];
  for (const role of ["researcher", "translator", "admin"] as const) {
    const page = await signedInPage(browser, role);
    for (const width of [1024, 1280, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      for (const locale of LOCALES) {
        await page.goto(`/${locale}/framework`);
        const header = page.locator(".site-header__inner");
        const title = await page.locator(".site-title").boundingBox();
        const tools = await page.locator(".site-header__tools").boundingBox();
        const box = await header.boundingBox();
        // One row: the tools sit beside the title, and the header is one control high.
        if (!title || !tools || !box || Math.abs(tools.y - title.y) > 12 || box.height > 60)
          rows.push(`${role} ${width}px /${locale}: ${Math.round(box?.height ?? 0)}px high`);
        expect(await overflow(page), `${role} ${width}px /${locale}`).toBeLessThanOrEqual(0);
      }
    }
    await page.context().close();
  }
  expect(rows).toEqual([]);
});

test("every page has a title of its own, in the page's language", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await signedInPage(browser, "translator");
  const paths = [
    "",
    "/search",
    "/search?q=vaccine",
    "/framework",
    "/framework/PER-03",
    "/templates",
    "/questions/bkg_phone",
    "/account",
    "/translate",
    "/translate/fr",
    "/translate/fr/queue",
    "/translate/fr/import",
    "/translate/fr/q/bkg_phone",
    "/admin/users",
    "/questions/no_such_question",
  ];
  const french = { en: "French", es: "francés", fr: "français", ar: "الفرنسية" } as const;
  for (const locale of LOCALES) {
    const titles = new Map<string, string>();
    for (const path of paths) {
      await page.goto(`/${locale}${path}`);
      // The title streams in with the page: wait for the site's name to close it.
      if (path) await expect(page).toHaveTitle(new RegExp(` · ${SITE[locale]}$`));
      const title = await page.title();
      titles.set(path, title);
      // Never a language's own name pasted into the page's sentence.
      for (const pasted of ["Français", "Español", "العربية", "English"])
        if (locale !== { Français: "fr", Español: "es", العربية: "ar", English: "en" }[pasted])
          expect(title, `/${locale}${path}`).not.toContain(pasted);
    }
    expect(new Set(titles.values()).size, [...titles.values()].join("\n")).toBe(paths.length);
    for (const path of ["/translate/fr", "/translate/fr/queue", "/translate/fr/import", "/translate/fr/q/bkg_phone"])
      expect(titles.get(path), `/${locale}${path}`).toContain(french[locale]);
    // The question's words, not its code; a refused or missing page says so.
    expect(titles.get("/translate/fr/q/bkg_phone")).toContain("Do you own a mobile phone?");
    expect(titles.get("/translate/fr/q/bkg_phone")).not.toContain("bkg_phone");
    expect(titles.get("/admin/users")).toMatch(/^(Access refused|Acceso denegado|Accès refusé|تم رفض الوصول) · /);
    expect(titles.get("/questions/no_such_question")).toMatch(
      /^(Page not found|Página no encontrada|Page introuvable|الصفحة غير موجودة) · /,
    );
  }
  await page.context().close();
});

test("language names take each language's grammar, in headings and labels", async ({ browser }) => {
  const page = await signedInPage(browser, "translator");
  const expected = {
    en: ["French: translation dashboard", "Open the French dashboard", "Question text (French)"],
    es: ["Traducción al francés: panel", "Abrir el panel de traducción al francés", "(francés)"],
    fr: [
      "Traduction en français : tableau de bord",
      "Ouvrir le tableau de bord de la traduction en français",
      "(français)",
    ],
    ar: ["الترجمة إلى الفرنسية: لوحة المتابعة", "فتح لوحة الترجمة إلى الفرنسية", "(الفرنسية)"],
  } as const;
  for (const locale of LOCALES) {
    const [dashboard, open, field] = expected[locale];
    await page.goto(`/${locale}/translate`);
    await page.getByRole("link", { name: open }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(dashboard);
    await page.goto(`/${locale}/translate/fr/q/bkg_phone`);
    await expect(page.locator("label[for]").filter({ hasText: field }).first()).toBeVisible();
    // The English question inside the heading keeps its own language, isolated.
    await expect(page.getByRole("heading", { level: 1 }).locator("bdi[lang=en]")).toHaveText(
      "Do you own a mobile phone?",
    );
    if (locale === "ar") await expectAccessible(page);
  }
  await page.context().close();
});

test("a long unbroken text wraps in the translation editor and its queue, and the audit trail says it in words", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const long = `https://example.org/${"averyverylongunbrokenword".repeat(14)}`;
  const translator = await signedInPage(browser, "translator");
  await translator.goto("/en/translate/fr/q/bkg_phone");
  const label = translator.getByLabel("Question text (French)");
  await label.fill(`Possédez-vous un téléphone portable ? ${long}`);
  await translator.getByRole("button", { name: "Save", exact: true }).click();
  const check = translator.getByRole("alert").filter({ hasText: "Check before saving" });
  const saved = translator.getByRole("status").filter({ hasText: "Saved." });
  await expect(check.or(saved).first()).toBeVisible();
  if (await check.isVisible()) await check.getByRole("button", { name: "Save anyway" }).click();
  await expect(saved).toBeVisible();
  await translator.getByLabel("Add a comment").fill(long);
  await translator.getByRole("button", { name: "Post comment" }).click();
  await expect(translator.getByRole("status").filter({ hasText: "Comment posted." })).toBeVisible();

  for (const width of [390, 1280]) {
    await translator.setViewportSize({ width, height: 900 });
    for (const locale of ["en", "ar"]) {
      for (const path of ["/translate/fr/q/bkg_phone", "/translate/fr/queue?status=draft"]) {
        await translator.goto(`/${locale}${path}`);
        await expect(translator.locator("main")).toContainText("averyverylongunbrokenword");
        expect(await overflow(translator), `${width}px /${locale}${path}`).toBeLessThanOrEqual(0);
      }
    }
  }
  await translator.context().close();

  const admin = await signedInPage(browser, "admin");
  await admin.goto("/en/audit?entityType=translation&entity=bkg_phone:fr");
  const rows = admin.getByRole("table").locator("tbody tr");
  const save = rows.filter({ hasText: "Saved a translation" }).first();
  await expect(save).toContainText("French translation of bkg_phone");
  await expect(save).toContainText("Demo Translator");
  await expect(save.locator(".audit-field").filter({ hasText: "Wording" })).toHaveCount(1);
  await expect(save.locator(".audit-field").filter({ hasText: "Status" })).toHaveCount(1);
  await expect(save).toContainText("Approved");
  await expect(save).toContainText("Draft");
  // The texts carry their language; no code, id or JSON shows through.
  await expect(save.locator("bdi.audit-value[lang=fr]").first()).toBeVisible();
  await expect(admin.locator("main table")).not.toContainText(/translation\.save|translation\.comment|[{[]"/);
  await expect(rows.filter({ hasText: "Commented on a translation" }).first()).toContainText("Comment");
  await expectAccessible(admin);

  await admin.setViewportSize({ width: 390, height: 900 });
  await admin.goto("/ar/audit?entityType=translation&entity=bkg_phone:fr");
  const arabic = admin.getByRole("table").locator("tbody tr").filter({ hasText: "حفظ ترجمة" }).first();
  await expect(arabic).toContainText("إلى الفرنسية");
  await expect(arabic).toContainText("الصياغة");
  await expect(arabic).toContainText("مسودة");
  expect(await overflow(admin)).toBeLessThanOrEqual(0);
  await expectAccessible(admin);
  await admin.context().close();
});

test("deleting a questionnaire is announced and takes the focus, by keyboard, in Arabic", async ({ browser }) => {
  const title = `Polish delete ${Date.now()}`;
  const page = await signedInPage(browser, "researcher");
  await page.goto("/en/questionnaires/new");
  await page.getByLabel("Title (English)").fill(title);
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await page.waitForURL(/\/en\/questionnaires\/(?!new$)[^/]+$/);

  await page.goto("/ar/questionnaires");
  page.once("dialog", (dialog) => dialog.accept());
  // "حذف" then, for screen readers, ": its title" (Chromium puts a space before the hidden part).
  const remove = page.getByRole("button", { name: new RegExp(`^حذف ?: ${title}$`) });
  await remove.focus();
  await page.keyboard.press("Enter");
  const said = page.getByRole("status").locator(".announcer");
  await expect(said).toHaveText(`تم حذف ${title}.`);
  await expect(said).toBeFocused();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  await expectAccessible(page);
});

test("no control keeps the browser's default look; the export buttons match", async ({ browser }) => {
  test.setTimeout(180_000);
  const checks: [keyof typeof DEMO, string][] = [
    ["translator", "/en/translate/fr/q/bkg_phone"],
    ["translator", "/ar/translate/fr/queue"],
    ["admin", "/en/admin/users"],
    ["admin", "/en/audit"],
    ["researcher", "/en/questionnaires/new"],
    ["researcher", "/fr/search?q=vaccine"],
  ];
  const plain: string[] = [];
  for (const [who, path] of checks) {
    const page = await signedInPage(browser, who);
    await page.goto(path);
    const found = await page.evaluate(() => {
      const body = getComputedStyle(document.body).fontFamily;
      return [...document.querySelectorAll<HTMLElement>("main button, main select, main textarea, main input")]
        .filter(
          (el) =>
            el.offsetParent !== null &&
            !["checkbox", "radio", "hidden", "file"].includes(el.getAttribute("type") ?? ""),
        )
        .filter((el) => {
          const style = getComputedStyle(el);
          // The browser's own controls: its small-control font, square corners.
          return style.fontFamily !== body || style.borderTopLeftRadius === "0px";
        })
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} “${(el.textContent ?? el.getAttribute("name") ?? "").trim().slice(0, 30)}”`,
        );
    });
    plain.push(...found.map((f) => `${path}: ${f}`));
    await page.context().close();
  }
  expect(plain).toEqual([]);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/en/templates");
  const xlsform = page.getByRole("link", { name: /as XLSForm$/ }).first();
  const csv = page.getByRole("link", { name: /as CSV$/ }).first();
  const [a, b] = [await xlsform.boundingBox(), await csv.boundingBox()];
  expect(a && b && Math.abs(a.height - b.height)).toBe(0);
  expect(a && b && Math.abs(a.y - b.y)).toBe(0);
  await page.context().close();
});
