// The one access policy of the app: pure, no I/O, so that pages, server actions, route handlers and
// tests all ask the same question. Roles add up (a person may be translator and reviewer); a
// translator or reviewer acts only in the languages assigned to them; a disabled account is
// treated by the session helpers as anonymous before it ever reaches this module.
import type { Language } from "../i18n/languages";
import type { Visibility } from "../vocabulary/enums";

export const ROLES = ["researcher", "translator", "reviewer", "curator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * A signed-in person as every check sees them, whatever the module asking (builder, curation,
 * translations, results): their roles and the languages assigned to them for translating and reviewing.
 */
export type Person = {
  id: string;
  roles: readonly Role[];
  translateLanguages: readonly string[];
  reviewLanguages: readonly string[];
};

/** Who is asking: null for an anonymous visitor. */
export type Actor = Person | null;

type QuestionnaireResource = { ownerId: string | null; visibility?: Visibility };
type LanguageResource = { lang: Language | string };
/** A text awaiting approval, with who last edited it (its label and hint, and each answer choice label that moves with it). */
type ApprovalResource = LanguageResource & { lastEditors: readonly (string | null)[] };
type UserResource = { userId: string };
/** Uploaded submissions (lib/results): whose they are */
type DatasetResource = { ownerId: string };

/** Every operation of the app, with the resource its rule needs (undefined: none). */
export type ActionResources = {
  // anyone
  "question.read": undefined;
  "framework.read": undefined;
  "template.read": undefined;
  "api.read": undefined;
  // any signed-in person
  "account.read": undefined;
  "account.changePassword": undefined;
  // researchers, on their own questionnaires
  "questionnaire.create": undefined;
  "questionnaire.read": QuestionnaireResource;
  "questionnaire.edit": QuestionnaireResource;
  "questionnaire.delete": QuestionnaireResource;
  "questionnaire.share": QuestionnaireResource;
  "questionnaire.export": QuestionnaireResource;
  /** Results from collected data: a researcher uploads submissions of a questionnaire they may read */
  "results.upload": QuestionnaireResource;
  /** Uploaded submissions are their uploader's alone */
  "results.read": DatasetResource;
  "results.delete": DatasetResource;
  // translators and reviewers, per language
  "translation.edit": LanguageResource;
  "translation.submit": LanguageResource;
  "translation.review": LanguageResource;
  /** Four eyes: a reviewer of the language who is not the text's last editor. */
  "translation.approve": ApprovalResource;
  /** A language's glossary: its translators and reviewers read it (and curators and administrators) */
  "glossary.read": LanguageResource;
  /** Its reviewers keep it (and curators and administrators) */
  "glossary.edit": LanguageResource;
  // curators
  "question.create": undefined;
  "question.edit": undefined;
  "question.publish": undefined;
  "question.retire": undefined;
  /** A retired question back to published */
  "question.restore": undefined;
  /** A draft turned down, or folded into a bank question */
  "question.reject": undefined;
  "question.merge": undefined;
  "choiceList.edit": undefined;
  "source.edit": undefined;
  "tag.edit": undefined;
  "template.publish": undefined;
  /** An indicator's computable definition (curators and administrators) */
  "indicator.define": undefined;
  // administrators
  "framework.edit": undefined;
  "user.manage": UserResource | undefined;
  "user.read": undefined;
  // curators and administrators
  "audit.read": undefined;
};

export type Action = keyof ActionResources;

type Rule<A extends Action> = (actor: Person, resource: ActionResources[A]) => boolean;

const has = (actor: Person, role: Role) => actor.roles.includes(role);
const anyone = () => true;
const signedIn = () => true;
const role = (r: Role) => (actor: Person) => has(actor, r);
const ownQuestionnaire = (actor: Person, q: QuestionnaireResource) =>
  has(actor, "researcher") && q.ownerId === actor.id;
const readableQuestionnaire = (actor: Person, q: QuestionnaireResource) =>
  q.visibility === "public_template" || q.visibility === "shared" || q.ownerId === actor.id;

/** Rules for signed-in people; `anonymousMay` lists what a visitor may do. */
const RULES: { [A in Action]: Rule<A> } = {
  "question.read": anyone,
  "framework.read": anyone,
  "template.read": anyone,
  "api.read": anyone,
  "account.read": signedIn,
  "account.changePassword": signedIn,
  "questionnaire.create": role("researcher"),
  "questionnaire.read": readableQuestionnaire,
  "questionnaire.edit": ownQuestionnaire,
  "questionnaire.delete": ownQuestionnaire,
  "questionnaire.share": ownQuestionnaire,
  "questionnaire.export": (actor, q) => readableQuestionnaire(actor, q),
  "results.upload": (actor, q) => has(actor, "researcher") && readableQuestionnaire(actor, q),
  "results.read": (actor, d) => d.ownerId === actor.id,
  "results.delete": (actor, d) => d.ownerId === actor.id,
  "translation.edit": (actor, r) => has(actor, "translator") && actor.translateLanguages.includes(r.lang),
  "translation.submit": (actor, r) => has(actor, "translator") && actor.translateLanguages.includes(r.lang),
  "translation.review": (actor, r) => has(actor, "reviewer") && actor.reviewLanguages.includes(r.lang),
  // The approver of a text is never its last editor, whatever roles they hold: another reviewer approves it.
  "translation.approve": (actor, r) =>
    has(actor, "reviewer") &&
    actor.reviewLanguages.includes(r.lang) &&
    Array.isArray(r.lastEditors) &&
    !r.lastEditors.includes(actor.id),
  "glossary.read": (actor, r) =>
    has(actor, "curator") ||
    has(actor, "admin") ||
    (has(actor, "translator") && actor.translateLanguages.includes(r.lang)) ||
    (has(actor, "reviewer") && actor.reviewLanguages.includes(r.lang)),
  "glossary.edit": (actor, r) =>
    has(actor, "curator") || has(actor, "admin") || (has(actor, "reviewer") && actor.reviewLanguages.includes(r.lang)),
  "question.create": role("curator"),
  "question.edit": role("curator"),
  "question.publish": role("curator"),
  "question.retire": role("curator"),
  "question.restore": role("curator"),
  "question.reject": role("curator"),
  "question.merge": role("curator"),
  "choiceList.edit": role("curator"),
  "source.edit": role("curator"),
  "tag.edit": role("curator"),
  "template.publish": role("curator"),
  "indicator.define": (actor) => has(actor, "curator") || has(actor, "admin"),
  "framework.edit": role("admin"),
  "user.manage": role("admin"),
  "user.read": role("admin"),
  "audit.read": (actor) => has(actor, "curator") || has(actor, "admin"),
};

export const ACTIONS = Object.keys(RULES) as Action[];

const RESOURCE_REQUIRED: ReadonlySet<Action> = new Set([
  "questionnaire.read",
  "questionnaire.edit",
  "questionnaire.delete",
  "questionnaire.share",
  "questionnaire.export",
  "results.upload",
  "results.read",
  "results.delete",
  "translation.edit",
  "translation.submit",
  "translation.review",
  "translation.approve",
  "glossary.read",
  "glossary.edit",
]);

/** What an anonymous visitor may do: read what is public, nothing else. */
const anonymousMay = (action: Action, resource: unknown): boolean => {
  switch (action) {
    case "question.read":
    case "framework.read":
    case "template.read":
    case "api.read":
      return true;
    case "questionnaire.read":
    case "questionnaire.export":
      return (resource as QuestionnaireResource | undefined)?.visibility === "public_template";
    default:
      return false;
  }
};

/** Whether `actor` may perform `action` (on `resource`, where the action concerns one). */
export function can<A extends Action>(actor: Actor, action: A, resource?: ActionResources[A]): boolean {
  if (!actor) return anonymousMay(action, resource);
  const rule = RULES[action] as Rule<A> | undefined;
  if (!rule) return false;
  // A rule about one questionnaire or language refuses when it is not told which.
  if (RESOURCE_REQUIRED.has(action) && !resource) return false;
  return rule(actor, resource as ActionResources[A]);
}

/** Whether this action needs a signed-in person at all: a refusal is then 401 for visitors, else 403. */
export function needsSignIn(action: Action, resource?: unknown): boolean {
  return !anonymousMay(action, resource);
}
