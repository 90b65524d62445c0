// The return address after sign-in, taken from the query string: checked, since anyone can write it.
import { LANGUAGES } from "../i18n/languages";

const LOCALE_PREFIX = new RegExp(`^/(${LANGUAGES.join("|")})(?=/|$|\\?)`);

/**
 * Only a path inside this app may be a return address after sign-in (no open redirect). It is
 * returned without a locale prefix: the sign-in form navigates in the person's locale, and a path
 * that kept its own would become /en/en/….
 */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || next.length > 500 || !next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f]/.test(next)) return "/account";
  const path = next.replace(LOCALE_PREFIX, "");
  return path.startsWith("/") ? path : `/${path}`;
}
