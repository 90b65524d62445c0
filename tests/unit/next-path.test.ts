import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_NEXT_PATH, safeNextPath } from "@/lib/auth/next-path";
import { LANGUAGES } from "@/lib/i18n/languages";

const APP = "http://127.0.0.1:3000";

/** Where a browser ends up when the sign-in form pushes /<locale><path>, as the form does. */
function landing(path: string, locale = "en"): URL {
  return new URL(`/${locale}${path}`, APP);
}

// Every spelling an attacker has tried, or might: each must land on the default, inside the app.
const ATTACKS = [
  "/..//evil.example/",
  "/%2e%2e//evil.example/",
  "/%2E%2E//evil.example/",
  "/./..//evil.example/",
  "/.././/evil.example/",
  "/../..//evil.example",
  "/en/..//evil.example/",
  "/en/../../evil.example/..//x",
  "/.%2e//evil.example",
  "/%2e.//evil.example",
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%5cevil.example",
  "/%5C%5Cevil.example",
  "/%2f%2fevil.example",
  "/%2F/evil.example",
  "%2f%2fevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/ /evil.example",
  "/%00/evil.example",
  "/\u0000/evil.example",
  "/%252e%252e//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)//",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example",
  "http://evil.example/en/questionnaires",
  "https:evil.example",
  "http:/evil.example",
  "//127.0.0.1:3000@evil.example",
  "http://127.0.0.1:3000@evil.example/",
  "/\u2028/evil.example",
  "/\u202e/lanoitseuq",
  "/\u200b/evil.example",
  "/\u3000/evil.example",
  "/\ufeff/evil.example",
  "/\u00a0/evil.example",
  "questionnaires",
  "evil.example",
  "?next=//evil.example",
  "#//evil.example",
  "/" + "a".repeat(600),
  "/" + "../".repeat(200) + "/evil.example",
  "",
];

describe("the return address after sign-in", () => {
  it("keeps a path inside the app, without its locale (the form navigates in the person's own)", () => {
    expect(safeNextPath("/questionnaires/abc/preview?lang=ar")).toBe("/questionnaires/abc/preview?lang=ar");
    expect(safeNextPath("/en/questionnaires")).toBe("/questionnaires");
    expect(safeNextPath("/ar")).toBe("/");
    expect(safeNextPath("/fr?x=1")).toBe("/?x=1");
    expect(safeNextPath("/english-lessons")).toBe("/english-lessons");
    expect(safeNextPath("/questionnaires/./abc")).toBe("/questionnaires/abc");
    expect(safeNextPath("/admin/../account")).toBe("/account");
    expect(safeNextPath("/search?q=santé")).toBe("/search?q=sant%C3%A9");
    expect(safeNextPath(`${APP}/fr/templates`, APP)).toBe("/templates");
  });

  it(`refuses ${ATTACKS.length} spellings of an address outside the app (or that could become one)`, () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(40);
    for (const bad of [undefined, null, ...ATTACKS]) {
      const path = safeNextPath(bad);
      expect(path, JSON.stringify(bad)).toBe(DEFAULT_NEXT_PATH);
      expect(safeNextPath(bad, APP), JSON.stringify(bad)).toBe(DEFAULT_NEXT_PATH);
    }
  });

  it("never yields a path that a browser would resolve off the app, whatever the input", () => {
    const pieces = fc.constantFrom(
      "/",
      "//",
      ".",
      "..",
      "%2e",
      "%2f",
      "\\",
      "\t",
      "evil.example",
      "en",
      "ar",
      "@",
      ":",
      "?",
      "#",
      "%",
      "javascript:",
      "\u202e",
      "a",
    );
    const dots = fc
      .array(fc.constantFrom("/", "..", ".", "evil.example"), { minLength: 2, maxLength: 8 })
      .map((p) => `/${p.join("")}`);
    const input = fc.oneof(
      dots,
      fc.string({ maxLength: 40 }),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
      fc.webUrl(),
      fc.webPath(),
    );
    fc.assert(
      fc.property(input, fc.constantFrom(...LANGUAGES), (next, locale) => {
        const path = safeNextPath(next, APP);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        const url = landing(path, locale);
        expect(url.origin).toBe(APP);
        expect(url.pathname.startsWith(`/${locale}`)).toBe(true);
        // The router resolves the address, then navigates to its path: a path starting with // is
        // protocol-relative the second time round (how /en/..//evil.example/ left the app).
        expect(url.pathname.startsWith("//")).toBe(false);
        expect(new URL(`${url.pathname}${url.search}`, APP).origin).toBe(APP);
      }),
      { numRuns: 2000 },
    );
  });
});
