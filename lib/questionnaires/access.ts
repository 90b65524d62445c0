// Who may see, export and import questionnaires: one place, built on the app's access policy
// (lib/auth/permissions.ts), so that the list, the export route, the pages and the import route
// cannot disagree. Anonymous visitors see public templates; signed-in people also see shared
// questionnaires and their own.
import { can, type Actor } from "../auth/permissions";
import { VISIBILITIES, type Visibility } from "../vocabulary/enums";

export type QuestionnaireAccessInfo = { ownerId: string | null; visibility: Visibility };

export function canReadQuestionnaire(actor: Actor, questionnaire: QuestionnaireAccessInfo): boolean {
  return can(actor, "questionnaire.read", questionnaire);
}

export function canExportQuestionnaire(actor: Actor, questionnaire: QuestionnaireAccessInfo): boolean {
  return can(actor, "questionnaire.export", questionnaire);
}

/** Importing creates a questionnaire and draft bank questions: a signed-in researcher's act. */
export function canImportQuestionnaire(actor: Actor): boolean {
  return !!actor && can(actor, "questionnaire.create");
}

/** The list query's filter: the visibilities anyone in this position may read, plus their own. */
export type VisibleScope = { visibilities: Visibility[]; ownerId: string | null };

export function visibleScope(actor: Actor): VisibleScope {
  const visibilities = VISIBILITIES.filter((visibility) =>
    can(actor, "questionnaire.read", { ownerId: null, visibility }),
  );
  return { visibilities, ownerId: actor?.id ?? null };
}
