// Locale-aware Link, redirect and router: every internal link goes through these. Our own on
// next/link and next/navigation rather than next-intl's createNavigation, whose Link and hooks read
// next-intl's client context and so brought next-intl into every page's JavaScript (issue 19).
// Only localePrefix "always" (./routing.ts) is needed: every address starts with its language.
import { redirect as nextRedirect } from "next/navigation";
import type { Language } from "./languages";
import { getPathname, type Href } from "./paths";

export { Link, usePathname, useRouter } from "./client-navigation";
export { getPathname };

/** A server redirect to `href` in `locale` (a page or a server action). */
export function redirect({ href, locale }: { href: Href; locale: Language }): never {
  return nextRedirect(getPathname({ href, locale }));
}
