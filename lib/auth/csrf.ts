// Cross-site request protection for route handlers that change state. Server Actions get the same
// check from Next itself (Origin against Host). A browser always sends Origin on a cross-origin
// POST and Sec-Fetch-Site on every request; a request that carries neither is not from a browser
// page (curl, a server), which cannot ride on a victim's cookies, so it is let through.
import { readEnv } from "../env";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function requestOrigin(request: Request): string | null {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host");
  if (!host) return null;
  const proto =
    request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`.toLowerCase();
}

/** The origins this app answers to: its own (from the request) and any named in APP_ORIGINS. */
export function trustedOrigins(request: Request): string[] {
  const own = requestOrigin(request);
  const env = readEnv();
  const configured = (env.APP_ORIGINS ?? env.BETTER_AUTH_URL ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin.toLowerCase();
      } catch {
        return null;
      }
    })
    .filter((o): o is string => !!o);
  return own ? [own, ...configured] : configured;
}

/** False for a state-changing request sent by another site's page. */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  if (origin === "null") return false;
  return trustedOrigins(request).includes(origin.toLowerCase());
}
