"use server";
// Thin server actions of the builder: who is asking (lib/auth session), the change itself (zod and
// the permission check `can(actor, "questionnaire.edit", …)` inside the mutation's transaction),
// and an answer the page shows: never an exception, always a translatable failure code.
import { ZodError } from "zod";
import { getCurrentUser } from "../auth/session";
import { isDatabaseUnavailable } from "../auth/errors";
import { isLanguage, type Language } from "../i18n/languages";
import { redirect } from "../i18n/navigation";
import { isBuilderError, type BuilderFailure } from "./errors";
import { applyBuilderChange, createQuestionnaire, deleteQuestionnaire, duplicateQuestionnaire, type BuilderActor } from "./mutations";
import { builderFieldErrors, type BuilderChange } from "./schema";
import { settingsFromForm } from "./form-input";

export type BuilderFailureCode = BuilderFailure | "invalidInput" | "unauthenticated" | "unavailable";

export type BuilderActionResult =
  | { ok: true; revision: number; details?: Record<string, unknown>; id?: string }
  | {
      ok: false;
      failure: BuilderFailureCode;
      codes?: string[];
      problems?: { owner: string; question: string; problem: string }[];
      fields?: Record<string, string>;
      revision?: number;
    };

async function currentActor(): Promise<BuilderActor | null> {
  const user = await getCurrentUser();
  return user ? { id: user.id, roles: user.roles } : null;
}

function failed(error: unknown): Extract<BuilderActionResult, { ok: false }> {
  if (error instanceof ZodError) return { ok: false, failure: "invalidInput", fields: builderFieldErrors(error) };
  if (isBuilderError(error)) return { ok: false, failure: error.code, ...error.details };
  if (isDatabaseUnavailable(error)) return { ok: false, failure: "unavailable" };
  throw error;
}

/** One change to a questionnaire, made on the revision the page was showing. */
export async function changeQuestionnaireAction(change: BuilderChange): Promise<BuilderActionResult> {
  try {
    const actor = await currentActor();
    if (!actor) return { ok: false, failure: "unauthenticated" };
    const outcome = await applyBuilderChange({ actor, change });
    return { ok: true, revision: outcome.revision, details: outcome.details };
  } catch (error) {
    return failed(error);
  }
}

export type CreateState = { status: "idle" } | Extract<BuilderActionResult, { ok: false }>;

/** "New questionnaire": creates it and opens the builder; on a refusal the form keeps what was typed. */
export async function createQuestionnaireAction(_previous: CreateState, form: FormData): Promise<CreateState> {
  const locale = (isLanguage(form.get("locale")) ? form.get("locale") : "en") as Language;
  let id: string;
  try {
    const actor = await currentActor();
    if (!actor) return { ok: false, failure: "unauthenticated" };
    id = (await createQuestionnaire({ actor, settings: settingsFromForm(form) })).id;
  } catch (error) {
    return failed(error);
  }
  redirect({ href: `/questionnaires/${id}`, locale });
  return { status: "idle" };
}

export async function duplicateQuestionnaireAction(questionnaireId: string): Promise<BuilderActionResult> {
  try {
    const actor = await currentActor();
    if (!actor) return { ok: false, failure: "unauthenticated" };
    const { id } = await duplicateQuestionnaire({ actor, input: { questionnaireId } });
    return { ok: true, revision: 0, id };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteQuestionnaireAction(questionnaireId: string, revision: number): Promise<BuilderActionResult> {
  try {
    const actor = await currentActor();
    if (!actor) return { ok: false, failure: "unauthenticated" };
    await deleteQuestionnaire({ actor, input: { questionnaireId, revision } });
    return { ok: true, revision: revision + 1 };
  } catch (error) {
    return failed(error);
  }
}
