// The small page the proxy answers a refused request with (lib/actions/request-guard.ts): in the
// language of the address (or the browser's), right to left in Arabic, with a way back home. It is
// rendered without React because the request never reaches the app.
import { errorMessage, localeFromHeaders } from "../auth/errors";
import { directionOf, isLanguage, type Language } from "../i18n/languages";
import type { GuardRefusal } from "./request-guard";
import { messagesFor } from "../http/messages";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalLocale(request: Request): Language {
  const first = new URL(request.url).pathname.split("/")[1];
  return isLanguage(first) ? first : localeFromHeaders(request.headers);
}

export function refusalResponse(refusal: GuardRefusal, locale: Language, nonce?: string): Response {
  const { t } = messagesFor(locale);
  const title = t(refusal.status === 403 ? "errorPage.refusedTitle" : "errorPage.badRequestTitle");
  const body = refusal.code === "badRequest" ? t("errorPage.badRequestBody") : errorMessage(refusal.code, locale);
  const style = nonce
    ? `<style nonce="${escape(nonce)}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>`
    : "";
  const html = `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · ${escape(t("site.name"))}</title>${style}</head><body><main><h1>${escape(title)}</h1><p>${escape(body)}</p><p><a href="/${locale}">${escape(t("errorPage.home"))}</a></p></main></body></html>`;
  return new Response(html, {
    status: refusal.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
