// Access for pages: a visitor who must sign in is sent to the sign-in page (and back afterwards);
// a signed-in person without the right role gets the page's refusal instead of its content.
import "server-only";
import { redirect } from "../i18n/navigation";
import type { Language } from "../i18n/languages";
import { can, type Action } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./session";

export async function checkPageAccess(
  locale: Language,
  action: Action,
  path: string,
): Promise<{ user: CurrentUser | null; allowed: boolean }> {
  const user = await getCurrentUser();
  if (can(user, action)) return { user, allowed: true };
  if (!user) redirect({ href: { pathname: "/sign-in", query: { next: path } }, locale });
  return { user, allowed: false };
}
