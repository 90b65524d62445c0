// The wrapper of every public route handler: it refuses hostile input before the handler runs,
// negotiates the language once, and turns whatever the handler throws into the one error body:
// a refusal (HttpError or a domain error) as itself, a database that cannot be reached as 503 with
// Retry-After, anything else as a logged 500 that says nothing about the inside.
import type { Language } from "../i18n/languages";
import { HttpError, toHttpError } from "./errors";
import { paramsFault, urlFault, type InputFault } from "./input";
import { languageOfRequest } from "./language";
import { translatorFor, type Translate } from "./messages";
import { isDatabaseOutage } from "./outage";
import { errorResponse } from "./respond";

export type RouteContext<P> = { request: Request; url: URL; locale: Language; t: Translate; params: P };
type NextContext<P> = { params: Promise<P> };

export function inputError(fault: InputFault, t: Translate): HttpError {
  const part = fault.part ?? t("errors.input.path");
  return new HttpError("badRequest", {
    messageKey: `errors.input.${fault.problem}`,
    params: { part, max: fault.max ?? 0 },
    details: { problem: fault.problem, ...(fault.part ? { param: fault.part } : {}) },
  });
}

/** The answer for anything a handler threw. */
export function failureResponse(error: unknown, locale: Language, label: string): Response {
  const refusal = toHttpError(error);
  if (refusal) return errorResponse(refusal, locale);
  if (isDatabaseOutage(error)) {
    const { code, message } = error as { code?: string; message?: string };
    console.warn(
      `${label}: database unreachable`,
      code ?? "",
      String(message ?? error)
        .trim()
        .split("\n")[0],
    );
    return errorResponse(new HttpError("unavailable"), locale);
  }
  console.error(`${label} failed`, error);
  return errorResponse(new HttpError("internal"), locale);
}

/**
 * `label` names the route in logs. Route parameters (P) arrive decoded; the raw address is checked
 * too, because a malformed escape never reaches the parameters intact.
 */
export function handleRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  label: string,
  handler: (context: RouteContext<P>) => Promise<Response> | Response,
): (request: Request, context?: NextContext<P>) => Promise<Response> {
  return async (request, context) => {
    const locale = languageOfRequest(request);
    const t = translatorFor(locale);
    try {
      const params = ((await context?.params) ?? {}) as P;
      const fault = urlFault(request.url) ?? paramsFault(params);
      if (fault) throw inputError(fault, t);
      return await handler({ request, url: new URL(request.url), locale, t, params });
    } catch (error) {
      return failureResponse(error, locale, label);
    }
  };
}
