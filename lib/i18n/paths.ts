// Addresses in a language: every page lives under /<locale>/ (routing.ts: localePrefix "always"),
// so an internal address is written without it and prefixed here. Plain functions, no React: the
// server's redirect and the browser's links and router share them (./navigation.ts).
import type { UrlObject } from "node:url";
import type { Language } from "./languages";

/** An address inside the site, written without its language: "/search" or { pathname, query }. */
export type Href = string | (UrlObject & { pathname: string });

type Query = Record<string, string | number | boolean | readonly (string | number | boolean)[] | null | undefined>;

/** Only absolute paths of this site get a language: not "https://…", "mailto:…" or "edit". */
export function isLocalizable(href: string | UrlObject): boolean {
  if (typeof href === "object") {
    if (href.host != null || href.hostname != null) return false;
    return href.pathname != null && href.pathname.startsWith("/");
  }
  return !/^[a-z]+:/i.test(href) && href.startsWith("/");
}

/** "/search" in Arabic is "/ar/search"; "/" is "/ar", without a trailing slash. */
export function localizePath(pathname: string, locale: Language): string {
  if (!isLocalizable(pathname)) return pathname;
  return `/${locale}${/^\/(\?.*)?$/.test(pathname) ? pathname.slice(1) : pathname}`;
}

/** The address without its language: "/ar/search" is "/search", "/ar" is "/". */
export function unlocalizePath(pathname: string, locale: string): string {
  const prefix = `/${locale}`;
  if (pathname === prefix) return "/";
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

/** The full address of `href` in `locale`, its query written out (a server redirect, router.push). */
export function getPathname({ href, locale }: { href: Href; locale: Language }): string {
  if (typeof href === "string") return localizePath(href, locale);
  const query = href.query && typeof href.query === "object" ? (href.query as Query) : undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  return localizePath(href.pathname + (query ? `?${search}` : ""), locale);
}
