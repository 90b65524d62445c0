// Locale negotiation for pages: `/` redirects by the browser's language, every page lives under
// /en, /es, /fr or /ar. API routes and static files are not localised.
import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
