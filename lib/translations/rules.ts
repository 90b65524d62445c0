// The translation workflow's rules about people, in one place for the pages and the mutations
// alike (both used to compute them on their own). Pure: built on can() in lib/auth/permissions.
import { can, type Actor } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import type { TranslationState } from "../vocabulary/enums";

/** A reviewer correcting a text in review: the text stays in review (it is not sent back to draft). */
export function isReviewerEdit(actor: Actor, lang: Language, state: TranslationState): boolean {
  return state === "in_review" && can(actor, "translation.review", { lang });
}

/** Whether this person may change the text in this state: its translators, or a reviewer while it is in review. */
export function mayEditTranslation(actor: Actor, lang: Language, state: TranslationState): boolean {
  return isReviewerEdit(actor, lang, state) || can(actor, "translation.edit", { lang });
}

/**
 * Four eyes: whether this person may approve the text. `lastEditors` are the last editors of its
 * label and hint and of each answer choice label that moves with it.
 */
export function mayApprove(actor: Actor, lang: Language, lastEditors: readonly (string | null)[]): boolean {
  return can(actor, "translation.approve", { lang, lastEditors });
}

/** A reviewer of the language who may not approve only because they edited the text last. */
export function editedLastByReviewer(actor: Actor, lang: Language, lastEditors: readonly (string | null)[]): boolean {
  return can(actor, "translation.review", { lang }) && !mayApprove(actor, lang, lastEditors);
}
