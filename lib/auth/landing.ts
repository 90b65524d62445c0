// Where a person lands after signing in without a return address: their work, not their account.
// One rule per role, the narrower work first (a curator who is also a researcher came to curate;
// researcher is the role most accounts are created with).
import { LANGUAGES, SOURCE_LANGUAGE } from "../i18n/languages";
import type { Person } from "./permissions";

const inOrder = (langs: readonly string[]) => LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE && langs.includes(l));

/** The in-app path (without locale) of this person's work; My account when they have no role. */
export function landingPath(actor: Person): string {
  const roles = actor.roles;
  if (roles.includes("admin")) return "/admin/users";
  if (roles.includes("curator")) return "/curate/drafts";
  const review = inOrder(actor.reviewLanguages)[0];
  if (roles.includes("reviewer") && review) return `/translate/${review}/queue?status=in_review`;
  const translate = inOrder(actor.translateLanguages)[0];
  if (roles.includes("translator") && translate) return `/translate/${translate}/queue`;
  if (roles.includes("researcher")) return "/questionnaires";
  return "/account";
}
