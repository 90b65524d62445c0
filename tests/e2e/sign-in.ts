// Signing in as a person does, through the form, for the end-to-end tests; the demo accounts the
// seed creates on the embedded database (one per role).
import type { Browser, BrowserContext, Page } from "@playwright/test";

export type Account = { email: string; password: string };

export const DEMO = {
  researcher: { email: "researcher@demo.questionbank.org", password: "researcher-demo" },
  translator: { email: "translator@demo.questionbank.org", password: "translator-demo" },
  reviewer: { email: "reviewer@demo.questionbank.org", password: "reviewer-demo" },
  curator: { email: "curator@demo.questionbank.org", password: "curator-demo" },
  admin: { email: "admin@demo.questionbank.org", password: "admin-demo-1" },
} as const satisfies Record<string, Account>;

/**
 * Opens the sign-in page (in `locale`, with `next` as the return address when given), fills the
 * form and submits it with Enter. It does not wait for the landing: callers assert where it goes.
 */
export async function signIn(
  page: Page,
  who: Account,
  { locale = "en", next }: { locale?: string; next?: string } = {},
) {
  await page.goto(`/${locale}/sign-in${next === undefined ? "" : `?next=${encodeURIComponent(next)}`}`);
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("#password").press("Enter");
}

/**
 * Signs in through the English form on the way to `next` (a path without the locale), as a person
 * who followed a link to a page that needs an account does, and waits until that page is reached.
 * `origin` targets another instance than the test's base URL.
 */
export async function signInTo(page: Page, who: Account, next: string, { origin = "" }: { origin?: string } = {}) {
  await page.goto(`${origin}/en/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The landing is compared by path: `next` may carry a query that the page adds to or reorders.
  const landing = `/en${next.split("?")[0]}`;
  await page.waitForURL((url) => url.pathname === landing && (!origin || url.origin === new URL(origin).origin));
}

/** A page in a new browser context (its own cookies), signed in as `who` through the form and on `next`. */
export async function signedInAt(browser: Browser, who: Account, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInTo(page, who, next);
  return page;
}

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;
const sessions = new Map<string, Session>();

/**
 * A page in a new browser context, signed in as `role` with a session made once per test file and
 * reused: the sign-in form allows 30 attempts a minute from one address, and a file that only needs
 * someone signed in should not spend them.
 */
export async function signedInPage(browser: Browser, role: keyof typeof DEMO): Promise<Page> {
  let session = sessions.get(role);
  if (!session) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, DEMO[role]);
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    session = await context.storageState();
    sessions.set(role, session);
    await context.close();
  }
  return (await browser.newContext({ storageState: session })).newPage();
}
