// The /api/auth/* route: Better Auth behind our own guards. Only the endpoints the app uses are
// reachable (lib/auth/endpoints.ts); the rest answer 404. State-changing requests from another
// site are refused before Better Auth sees them; Better Auth's refusals are answered in our error
// format ({ code, message } in the caller's language); a database outage is a 503, never a 500.
import "server-only";
import { AppError, errorMessage, errorResponse, localeFromHeaders, type ErrorCode } from "./errors";
import { isSameOriginRequest } from "./csrf";
import { getAuth, isSecureRequest } from "./auth-data";
import { isAllowedAuthEndpoint } from "./endpoints";

const AUTH_CODES: Record<string, ErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: "invalidCredentials",
  INVALID_PASSWORD: "wrongPassword",
  INVALID_INPUT: "invalidInput",
  VALIDATION_ERROR: "invalidInput",
  PASSWORD_TOO_SHORT: "invalidInput",
  PASSWORD_TOO_LONG: "invalidInput",
  INVALID_EMAIL: "invalidInput",
  TOO_MANY_REQUESTS: "tooManyRequests",
  ACCOUNT_DISABLED: "accountDisabled",
  INVALID_ORIGIN: "crossSite",
  MISSING_OR_NULL_ORIGIN: "crossSite",
  UNAUTHORIZED: "unauthenticated",
  EMAIL_PASSWORD_SIGN_UP_DISABLED: "forbidden",
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === 429) return "tooManyRequests";
  return "badRequest";
}

async function translated(response: Response, locale: ReturnType<typeof localeFromHeaders>): Promise<Response> {
  let authCode: string | undefined;
  try {
    authCode = ((await response.clone().json()) as { code?: string } | null)?.code;
  } catch {
    authCode = undefined;
  }
  const code = (authCode && AUTH_CODES[authCode]) || codeForStatus(response.status);
  const headers = new Headers({ "Content-Type": "application/json", "Cache-Control": "no-store" });
  const retry = response.headers.get("X-Retry-After");
  if (retry) {
    headers.set("Retry-After", retry);
    headers.set("X-Retry-After", retry);
  }
  return new Response(JSON.stringify({ code, message: errorMessage(code, locale), authCode }), {
    status: response.status,
    headers,
  });
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  const locale = localeFromHeaders(request.headers);
  try {
    if (!isAllowedAuthEndpoint(request.method, request.url)) throw new AppError("notFound");
    if (!isSameOriginRequest(request)) throw new AppError("crossSite");
    const secure = isSecureRequest(request.headers) || new URL(request.url).protocol === "https:";
    const auth = await getAuth(secure);
    const response = await auth.handler(request);
    if (response.status >= 500) {
      console.error(`auth: ${request.method} ${new URL(request.url).pathname} answered ${response.status}`);
      return errorResponse(new AppError("unavailable"), locale);
    }
    if (response.status >= 400) return translated(response, locale);
    return response;
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error, locale);
    console.error("auth: request failed", error instanceof Error ? error.message : error);
    return errorResponse(new AppError("unavailable"), locale);
  }
}
