// The return address after sign-in, taken from the query string: checked, since anyone can write it.
// The check is the browser's own reading of the address, not a pattern over the text: a pattern
// let `/..//evil.example/` through (the form then pushed `/en/..//evil.example/`, which a browser
// resolves to the protocol-relative `//evil.example/`). Here the address is resolved against an
// origin the way a browser would, must stay on that origin, is normalised (dot segments removed),
// and must still be the same place once the form puts the locale back in front of it.
import { LANGUAGES } from "../i18n/languages";

/** Where a person lands when the return address is missing or refused. */
export const DEFAULT_NEXT_PATH = "/account";
const MAX_LENGTH = 500;
const LOCALE_PREFIX = new RegExp(`^/(${LANGUAGES.join("|")})(?=/|$)`);
// Stands in for the app's origin when none is given: only "same origin or not" matters, and an
// address that names this placeholder host is refused like any other absolute address.
const PLACEHOLDER_ORIGIN = "http://return-path.invalid";
// Whitespace and control characters (which the URL parser silently drops, so that `/\t/evil`
// becomes `//evil`), backslashes (read as slashes), and bidi controls have no place in our paths.
const UNSAFE_CHARACTERS =
  /[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;
// Encoded slashes, backslashes, dots and percent signs: harmless to the browser today, but a
// later decoding step (a proxy, the router) could turn them into a path that leaves the app.
const ENCODED_SEPARATORS = /%(2f|5c|2e|25|00)/i;

/** Checks the text as written and as decoded once: `%09` is a tab to whatever decodes it next. */
function hasUnsafeCharacters(next: string): boolean {
  if (UNSAFE_CHARACTERS.test(next)) return true;
  try {
    return UNSAFE_CHARACTERS.test(decodeURIComponent(next));
  } catch {
    return true; // a malformed escape is not an address anyone meant
  }
}

function withoutLocale(pathname: string): string {
  const path = pathname.replace(LOCALE_PREFIX, "");
  return path.startsWith("/") ? path : `/${path}`;
}

/**
 * The in-app path (without its locale: the sign-in form navigates in the person's locale, and a
 * path that kept its own would become /en/en/…) that `next` points to, or DEFAULT_NEXT_PATH when
 * `next` could lead anywhere else. `origin` is the app's own (the browser passes
 * window.location.origin); absolute addresses are refused unless they name it.
 */
export function safeNextPath(next: string | undefined | null, origin: string = PLACEHOLDER_ORIGIN): string {
  return checkedNextPath(next, origin) ?? DEFAULT_NEXT_PATH;
}

/** As safeNextPath, but null when `next` is missing or refused (the caller then picks the landing). */
export function checkedNextPath(next: string | undefined | null, origin: string = PLACEHOLDER_ORIGIN): string | null {
  if (!next || next.length > MAX_LENGTH || hasUnsafeCharacters(next) || ENCODED_SEPARATORS.test(next)) return null;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(next, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base.origin || resolved.username || resolved.password) return null;
  // A relative address ("questionnaires", "?x") resolves against the placeholder's root: only an
  // address that starts at the root, or names this origin in full, was meant as a return path.
  if (
    !(next.startsWith("/") && !next.startsWith("//")) &&
    !next.toLowerCase().startsWith(`${base.origin.toLowerCase()}/`)
  )
    return null;
  const path = withoutLocale(resolved.pathname);
  if (path.includes("//")) return null;
  const result = `${path}${resolved.search}`;
  // The form will navigate to /<locale><result>: that address must resolve to itself on this
  // origin, or normalisation could still move it somewhere else.
  const again = new URL(`/${LANGUAGES[0]}${result}`, base);
  if (again.origin !== base.origin || `${again.pathname}${again.search}` !== `/${LANGUAGES[0]}${result}`) return null;
  return result;
}
