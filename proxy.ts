// Runs before every page and API route.
// - Pages: locale negotiation (`/` redirects by the browser's language, every page lives under
//   /en, /es, /fr or /ar) by next-intl, plus a Content Security Policy with a fresh nonce.
// - Page requests Next would answer with a 500 (another site's server-action post, an unreadable
//   action body, NUL or broken escapes in the address) are refused first with a 4xx page
//   (lib/actions/request-guard.ts).
// - Addresses that look like files (a dot in the last segment) or lie under /_next/data or /_vercel
//   get those refusals but not next-intl (which would send /favicon.ico to /en/favicon.ico): Next
//   runs server actions on any page address, /en/questions/x.y included, and answered another
//   site's post there with a 500.
// API routes do not pass through here (a hop per request saved on the busiest routes): their strict
// CSP, and the security headers of every response, are set in next.config.ts. The exception: an
// API address with a %-escape, checked here because Next fails on an undecodable one before the
// route runs (lib/http/address-guard.ts). Next's static files (/_next/static, /_next/image) never do.
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./lib/i18n/routing";
import { createNonce, DOWNLOAD_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from "./lib/auth/content-security";
import { refuseMalformedAddress } from "./lib/http/address-guard";
import { refusePageRequest } from "./lib/actions/request-guard";
import { refusalLocale, refusalResponse } from "./lib/actions/refusal-page";

const intl = createMiddleware(routing);
const NOT_LOCALISED = /\.[^/]*$|^\/_next\/|^\/_vercel(\/|$)/;
// A page address that answers files, not pages: the results export (CSV, XLSX, the chart's SVG).
// Next keeps the first Content-Security-Policy set, this one's, so the route's own strict policy
// for an SVG opened on its own would lose to the page's.
const DOWNLOAD_ROUTE = /^\/[^/]+\/questionnaires\/[^/]+\/results\/export$/;

export default async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return refuseMalformedAddress(request) ?? NextResponse.next();
  const nonce = createNonce();
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const refusal = await refusePageRequest(request);
  if (refusal) {
    const refused = refusalResponse(refusal, refusalLocale(request), nonce);
    refused.headers.set("Content-Security-Policy", csp);
    return refused;
  }
  if (NOT_LOCALISED.test(request.nextUrl.pathname)) return NextResponse.next();
  // The page renderer reads the nonce from the request's own CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = intl(new NextRequest(request, { headers: requestHeaders }));
  // next-intl answers with next()/rewrite()/redirect() of its own; carry the changed request
  // headers through it the way NextResponse.next({ request }) would.
  const carrier = NextResponse.next({ request: { headers: requestHeaders } });
  // The override list is merged, not replaced: next-intl's own request header (the negotiated
  // locale) must reach pages with no [locale] param, such as app/global-not-found.tsx.
  const overrides = new Set([
    ...(response.headers.get("x-middleware-override-headers")?.split(",") ?? []),
    ...(carrier.headers.get("x-middleware-override-headers")?.split(",") ?? []),
  ]);
  carrier.headers.forEach((value, key) => {
    if (key.startsWith("x-middleware-request-")) response.headers.set(key, value);
  });
  response.headers.set("x-middleware-override-headers", [...overrides].filter(Boolean).join(","));
  response.headers.set(
    "Content-Security-Policy",
    DOWNLOAD_ROUTE.test(request.nextUrl.pathname) ? DOWNLOAD_CONTENT_SECURITY_POLICY : csp,
  );
  return response;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image).*)", "/api/(.*%.*)"],
};
