// Access to the curation pages: curators for the bank, administrators for the framework. Built on
// the accounts module's page check (a visitor is sent to sign in, and back afterwards).
import { checkPageAccess } from "../auth/page-access";
import type { Language } from "../i18n/languages";

export async function curatePageAccess(
  locale: Language,
  path: string,
  action: "question.edit" | "framework.edit" | "indicator.define" = "question.edit",
) {
  const { user, allowed } = await checkPageAccess(locale, action, path);
  return { allowed, isCurator: !!user?.roles.includes("curator"), isAdmin: !!user?.roles.includes("admin") };
}
