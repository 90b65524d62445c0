// Our own locale-aware addresses (lib/i18n/paths.ts), which replaced next-intl's createNavigation:
// the same addresses as next-intl wrote for localePrefix "always".
import { describe, expect, it } from "vitest";
import { getPathname, isLocalizable, localizePath, unlocalizePath } from "@/lib/i18n/paths";

describe("locale-aware addresses", () => {
  it("prefixes site paths with the language, the home page without a trailing slash", () => {
    expect(localizePath("/search", "ar")).toBe("/ar/search");
    expect(localizePath("/", "fr")).toBe("/fr");
    expect(localizePath("/?q=x", "es")).toBe("/es?q=x");
    expect(localizePath("/search?q=a%20b", "en")).toBe("/en/search?q=a%20b");
  });

  it("leaves other sites, schemes and relative paths alone", () => {
    for (const href of ["https://example.org/x", "mailto:a@b.c", "edit", "#main"]) {
      expect(isLocalizable(href)).toBe(false);
      expect(localizePath(href, "ar")).toBe(href);
    }
    expect(isLocalizable({ pathname: "/x", host: "example.org" })).toBe(false);
  });

  it("writes a query out, repeated values repeated, as next-intl did", () => {
    expect(getPathname({ href: { pathname: "/sign-in", query: { next: "/ar/curate?x=1" } }, locale: "ar" })).toBe(
      "/ar/sign-in?next=%2Far%2Fcurate%3Fx%3D1",
    );
    expect(
      getPathname({ href: { pathname: "/translate/fr/queue", query: { s: ["a", "b"], page: 2 } }, locale: "en" }),
    ).toBe("/en/translate/fr/queue?s=a&s=b&page=2");
    expect(getPathname({ href: "/questionnaires/abc", locale: "es" })).toBe("/es/questionnaires/abc");
  });

  it("takes the language off an address, only as its whole first segment", () => {
    expect(unlocalizePath("/ar/search", "ar")).toBe("/search");
    expect(unlocalizePath("/ar", "ar")).toBe("/");
    expect(unlocalizePath("/arabic", "ar")).toBe("/arabic");
  });
});
