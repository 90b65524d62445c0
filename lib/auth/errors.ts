// Typed refusals: every check on the server throws one of these, and every page, action and route
// turns it into the same answer: 401 (sign in), 403 (not allowed), 409 (changed meanwhile),
// 400/422 (bad input), 429 (too many tries), 503 (database unreachable), with a message in the
// person's language. Nothing here reaches the database.
import { createTranslator } from "next-intl";
import type { Language } from "../i18n/languages";
import { negotiateLanguage } from "../http/language";
import { MESSAGES } from "../http/messages";
import { Refusal } from "../http/refusal";
import { isDatabaseOutage } from "../http/outage";

export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  invalidInput: 422,
  badRequest: 400,
  crossSite: 403,
  emailTaken: 409,
  selfLockout: 409,
  tooManyRequests: 429,
  invalidCredentials: 401,
  accountDisabled: 403,
  wrongPassword: 400,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Refusal {
  override readonly edgeCodes = "all" as const;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    override readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

/** A translator for one namespace, usable outside React (route handlers, actions, scripts, tests). */
export function translatorFor(locale: Language, namespace: "errors" | "auth" | "admin" | "audit" | "account") {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

export function errorMessage(code: ErrorCode, locale: Language): string {
  return translatorFor(locale, "errors")(code);
}

/** The best of our languages for an API caller, from Accept-Language (English when none fits). */
export function localeFromHeaders(headers: Headers): Language {
  return negotiateLanguage(headers.get("accept-language"));
}

/** The JSON answer of a route handler for a refusal, in the caller's language. */
export function errorResponse(error: unknown, locale: Language): Response {
  const appError = error instanceof AppError ? error : isDatabaseOutage(error) ? new AppError("unavailable") : null;
  if (!appError) throw error;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (appError.code === "unavailable") headers["Retry-After"] = "5";
  return Response.json(
    { code: appError.code, message: errorMessage(appError.code, locale), fieldErrors: appError.fieldErrors },
    { status: appError.status, headers },
  );
}
