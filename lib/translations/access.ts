// Who may open the translators' workspace, and in which languages. Built on the accounts module:
// a visitor is sent to sign in (and back afterwards); a signed-in person without a translation
// role gets the page's refusal instead of its content. The workspace's downloads share
// languageRouteAccess() (route-access.ts: no page navigation there).
import { redirect } from "../i18n/navigation";
import type { Language } from "../i18n/languages";
import { can, type Actor } from "../auth/permissions";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { TARGET_LANGUAGES } from "./schema";

export type LanguageRights = { lang: Language; edit: boolean; review: boolean };

export function rightsOf(actor: Actor, lang: Language): LanguageRights {
  return { lang, edit: can(actor, "translation.edit", { lang }), review: can(actor, "translation.review", { lang }) };
}

/** Languages this person translates or reviews. */
export function workLanguages(actor: Actor): LanguageRights[] {
  return TARGET_LANGUAGES.map((lang) => rightsOf(actor, lang)).filter((r) => r.edit || r.review);
}

export async function translatePageAccess(
  locale: Language,
  path: string,
  lang?: Language,
): Promise<{ user: CurrentUser | null; allowed: boolean; rights: LanguageRights | null }> {
  const user = await getCurrentUser();
  if (!user) redirect({ href: { pathname: "/sign-in", query: { next: path } }, locale });
  if (!lang) return { user, allowed: workLanguages(user).length > 0, rights: null };
  const rights = rightsOf(user, lang);
  return { user, allowed: rights.edit || rights.review, rights };
}
