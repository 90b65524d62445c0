// The public edge's answers: JSON with the same caching and language headers everywhere, and the
// one error body `{ code, message, details? }`, its message in the caller's language.
import type { Language } from "../i18n/languages";
import { HttpError } from "./errors";
import { translatorFor } from "./messages";

/** Seconds a client should wait before trying again during a database outage */
export const RETRY_AFTER_SECONDS = 5;

export type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };

export type JsonOptions = {
  status?: number;
  lang?: Language;
  /** Answers that depend on who asks (a session cookie) must not be cached or read cross-origin. */
  personal?: boolean;
  headers?: Record<string, string>;
};

export function jsonResponse(
  body: unknown,
  { status = 200, lang, personal = false, headers = {} }: JsonOptions = {},
): Response {
  const all: Record<string, string> = { "Cache-Control": personal ? "private, no-store" : "no-store", ...headers };
  // The read API is public data: any site may read it. Personal answers stay same-origin.
  if (!personal) all["Access-Control-Allow-Origin"] = "*";
  if (lang) all["Content-Language"] = lang;
  return Response.json(body, { status, headers: all });
}

export function errorBody(error: HttpError, locale: Language): ErrorBody {
  const message = translatorFor(locale)(error.messageKey, error.params);
  return error.details ? { code: error.code, message, details: error.details } : { code: error.code, message };
}

export function errorResponse(error: HttpError, locale: Language): Response {
  const headers: Record<string, string> =
    error.code === "unavailable" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return jsonResponse(errorBody(error, locale), { status: error.status, lang: locale, headers });
}
