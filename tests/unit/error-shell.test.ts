// Next's empty error document, filled for a reader without JavaScript (lib/http/error-shell.ts):
// the message of its status in the page's language and direction, and nothing else touched.
import { describe, expect, it } from "vitest";
import { ERROR_SHELL, fillErrorShell, nonceOf, shellKind } from "@/lib/http/error-shell";
import { LANGUAGES } from "@/lib/i18n/languages";
import { MESSAGES } from "@/lib/http/messages";

// The shape Next 16 answers (scripts and payload shortened): an empty body after the metadata.
const SHELL =
  '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async="" nonce="abc=="></script>' +
  '<meta name="robots" content="noindex"/><title>Question Bank</title></head><body><div hidden=""><!--$--><!--/$--></div>' +
  '<script nonce="abc==">self.__next_f.push([1,"payload"])</script></body></html>';

describe("the error document, filled", () => {
  it("says what each status means, in each language and direction, keeping Next's scripts", () => {
    for (const locale of LANGUAGES) {
      const m = MESSAGES[locale];
      for (const [kind, title, body] of [
        ["notFound", m.notFound.title, m.notFound.body],
        ["forbidden", m.auth.refusedTitle, m.auth.refusedBody],
        ["unavailable", m.errorPage.unavailableTitle, m.errorPage.unavailableBody],
        ["error", m.errorPage.title, m.errorPage.body],
      ] as const) {
        const html = fillErrorShell(SHELL, { kind, locale, nonce: "abc==" })!;
        expect(html).toContain(`${ERROR_SHELL} lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}">`);
        expect(html).toContain(`<h1>${title}</h1>`);
        expect(html).toContain(`<p>${body}</p>`);
        expect(html).toContain(`<a href="/${locale}">${m.site.name}</a>`);
        expect(html).toContain('<style nonce="abc==">');
        // Next's own document is all still there, in order: the browser's React replaces the body.
        const fallback = /<style[^>]*>[^<]*<\/style><div id="qb-fallback">[\s\S]*?<\/main><\/div>/;
        expect(html.replace(fallback, "").replace(/ lang="\w+" dir="\w+"/, "")).toBe(SHELL);
      }
    }
  });

  it("styles only its own elements (React keeps <style> in the body when it renders the real page)", () => {
    const html = fillErrorShell(SHELL, { kind: "notFound", locale: "en" })!;
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    for (const rule of css.split("}").filter(Boolean)) expect(rule.trim().startsWith("#qb-fallback"), rule).toBe(true);
  });

  it("leaves every other document alone", () => {
    for (const html of [
      "",
      '<!doctype html><html lang="en"><body><h1>Page not found</h1></body></html>',
      "not html",
      `${ERROR_SHELL}><head></head></html>`,
    ])
      expect(fillErrorShell(html, { kind: "notFound", locale: "en" })).toBeNull();
  });

  it("maps statuses: only an outage makes a failure 'unavailable'", () => {
    expect(shellKind(404, false)).toBe("notFound");
    expect(shellKind(403, true)).toBe("forbidden");
    expect(shellKind(401, false)).toBe("forbidden");
    expect(shellKind(500, false)).toBe("error");
    expect(shellKind(500, true)).toBe("unavailable");
    expect(shellKind(502, true)).toBe("unavailable");
    expect(shellKind(400, true)).toBeNull();
    expect(shellKind(307, true)).toBeNull();
  });

  it("reads the nonce of the page's policy", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-Zm9v+/==' 'strict-dynamic'")).toBe("Zm9v+/==");
    expect(nonceOf("default-src 'none'")).toBeNull();
    expect(nonceOf(undefined)).toBeNull();
  });
});
