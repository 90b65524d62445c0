// Next 16 answers a page that fails on the server (its own notFound() or forbidden(), an error
// while rendering, the database unreachable) with an empty document, `<html id="__next_error__">`,
// and renders the real page only in the browser, from the payload its scripts carry
// (vercel/next.js#62228): without JavaScript the page is blank, in no language. The app's server
// (scripts/server.ts) fills that empty body with the same message, in the page's language and
// direction, and answers a database outage with 503 and Retry-After rather than 500. With
// JavaScript nothing changes: React renders into the error document from scratch, removing every
// element of its body but <style> and <script> (hence the style below names only its own elements).
import { directionOf, type Language } from "../i18n/languages";
import { messagesFor } from "./messages";

/** How Next's empty error document starts. */
export const ERROR_SHELL = '<html id="__next_error__"';
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export type ShellKind = "notFound" | "forbidden" | "unavailable" | "error";

/** What an error document of this status says (and only an outage makes a 500 a 503). */
export function shellKind(status: number, outage: boolean): ShellKind | null {
  if (status === 404) return "notFound";
  if (status === 401 || status === 403) return "forbidden";
  if (status >= 500) return outage ? "unavailable" : "error";
  return null;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  "#qb-fallback{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a}" +
  "#qb-fallback>header{border-block-end:1px solid #d0d7de;padding:.75rem 1rem}" +
  "#qb-fallback>header a{font-weight:600;color:#0b5cad}" +
  "#qb-fallback>main{max-width:40rem;margin:2rem auto;padding:0 1rem}";

function texts(kind: ShellKind, locale: Language) {
  const { t } = messagesFor(locale);
  const home = { href: `/${locale}`, label: t("errorPage.home") };
  switch (kind) {
    case "notFound":
      return {
        title: t("notFound.title"),
        body: t("notFound.body"),
        link: { href: `/${locale}/framework`, label: t("notFound.back") },
      };
    case "forbidden":
      return { title: t("auth.refusedTitle"), body: t("auth.refusedBody"), link: home };
    case "unavailable":
      return { title: t("errorPage.unavailableTitle"), body: t("errorPage.unavailableBody"), link: home };
    case "error":
      return { title: t("errorPage.title"), body: t("errorPage.body"), link: home };
  }
}

/**
 * Next's error document with its body filled for a reader without JavaScript, or null when `html`
 * is not that document (a page of ours, whatever its status, is left as it is).
 */
export function fillErrorShell(
  html: string,
  { kind, locale, nonce }: { kind: ShellKind; locale: Language; nonce?: string | null },
): string | null {
  const start = html.indexOf(ERROR_SHELL);
  const body = html.indexOf("<body>", start);
  if (start === -1 || body === -1) return null;
  const { t } = messagesFor(locale);
  const { title, body: text, link } = texts(kind, locale);
  const nonceAttribute = nonce ? ` nonce="${escape(nonce)}"` : "";
  const fallback =
    `<style${nonceAttribute}>${STYLE}</style>` +
    `<div id="qb-fallback"><header><a href="/${locale}">${escape(t("site.name"))}</a></header>` +
    `<main id="main"><h1>${escape(title)}</h1><p>${escape(text)}</p>` +
    `<p><a href="${link.href}">${escape(link.label)}</a></p></main></div>`;
  const opened = `${ERROR_SHELL} lang="${locale}" dir="${directionOf(locale)}"`;
  const withBody = `${html.slice(0, body + "<body>".length)}${fallback}${html.slice(body + "<body>".length)}`;
  return withBody.slice(0, start) + opened + withBody.slice(start + ERROR_SHELL.length);
}

/** The nonce of a Content-Security-Policy header ('nonce-…' in script-src), if any. */
export function nonceOf(policy: string | null | undefined): string | null {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1] ?? null;
}
