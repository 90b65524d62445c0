// Access to the builder's pages: a visitor is sent to sign in (and back); a signed-in person who
// is not a researcher is refused; a questionnaire the person may not edit (or read, for preview
// and print) is "not found", never told apart from one that does not exist.
import { notFound } from "next/navigation";
import { checkPageAccess } from "../auth/page-access";
import { can } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import { findQuestionnaireAccess } from "../questionnaires/data";

export async function builderPageAccess(locale: Language, path: string) {
  return checkPageAccess(locale, "questionnaire.create", path);
}

/** For pages about one questionnaire: the person and the questionnaire's id, or a 404. */
export async function questionnairePageAccess(
  locale: Language,
  path: string,
  id: string,
  action: "questionnaire.edit" | "questionnaire.read",
) {
  const { user, allowed } = await checkPageAccess(locale, "account.read", path);
  const access = allowed ? await findQuestionnaireAccess(id) : null;
  if (!user || !access || access.id !== id || !can(user, action, access)) notFound();
  return { user, access };
}
