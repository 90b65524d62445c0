"use server";
// Thin server actions of the builder: who is asking (lib/auth session), the change itself (zod and
// the permission check `can(actor, "questionnaire.edit", …)` inside the mutation's transaction),
// and an answer the page shows: never an exception, always a translatable failure code.
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { AppError } from "../auth/errors";
import { actionRunner, isFormData } from "../actions/run-action";
import type { ActionFailure, ActionResult } from "../actions/result";
import { isLanguage, type Language } from "../i18n/languages";
import { redirect } from "../i18n/navigation";
import { isBuilderError, type BuilderErrorDetails } from "./errors";
import { applyBuilderChange, createQuestionnaire, deleteQuestionnaire, duplicateQuestionnaire } from "./mutations";
import { builderFieldErrors, type BuilderChange } from "./schema";
import { refusalFieldErrors } from "./field-errors";
import { settingsFromForm } from "./form-input";
import { proposeOwnQuestion } from "./propose-mutations";
import { setFormLink } from "./form-link-mutations";

export type BuilderDone = { revision: number; details?: Record<string, unknown>; id?: string };
export type BuilderActionResult = ActionResult<BuilderDone, BuilderErrorDetails>;
export type BuilderFailure = ActionFailure<BuilderErrorDetails>;

async function currentActor(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated");
  return user;
}

// Builder refusals are worded by builder.failures.*, with the codes and rules concerned.
const runBuilder = actionRunner<BuilderErrorDetails>({
  namespace: "builder",
  known(error, t) {
    if (!isBuilderError(error)) return null;
    const problems = [
      ...(error.details.problems ?? []).map((p) =>
        t("builder.problemLine", { owner: p.owner, question: p.question, problem: t(`builder.problems.${p.problem}`) }),
      ),
      // The form reader's problems with the questionnaire's own form, as the import words them.
      ...(error.details.formProblems ?? []).map((p) =>
        t(`import.problems.${p.code}`, { value: p.value ?? "", limit: 5, rows: 0, columns: 0 }),
      ),
    ];
    return {
      code: error.code,
      details: error.details,
      values: { codes: (error.details.codes ?? []).join(", "), problems: problems.join("; ") },
      fieldErrors: refusalFieldErrors(error.details, t),
    };
  },
  fieldErrors: (error, t) =>
    Object.fromEntries(
      Object.entries(builderFieldErrors(error)).map(([field, key]) => [field, t(`builder.fieldErrors.${key}`)]),
    ),
});

/** A question of the questionnaire's own form proposed to the bank, as a draft for a curator. */
export async function proposeOwnQuestionAction(questionnaireId: string, path: string[]): Promise<BuilderActionResult> {
  return runBuilder(null, { questionnaireId, path }, async () => {
    const proposed = await proposeOwnQuestion({ actor: await currentActor(), input: { questionnaireId, path } });
    return { revision: proposed.revision, details: { code: proposed.code } };
  });
}

/** Link a question of the questionnaire's own form to a bank question (code), or unlink it (null). */
export async function setFormLinkAction(
  questionnaireId: string,
  path: string[],
  code: string | null,
): Promise<BuilderActionResult> {
  return runBuilder(null, { questionnaireId, path, code }, async () => {
    const done = await setFormLink({ actor: await currentActor(), input: { questionnaireId, path, code } });
    return { revision: done.revision, details: { link: done.link } };
  });
}

/** One change to a questionnaire, made on the revision the page was showing. */
export async function changeQuestionnaireAction(change: BuilderChange): Promise<BuilderActionResult> {
  return runBuilder(null, change, async () => {
    const outcome = await applyBuilderChange({ actor: await currentActor(), change });
    return { revision: outcome.revision, details: outcome.details };
  });
}

export type CreateState = BuilderFailure | null;

/** "New questionnaire": creates it and opens the builder; on a refusal the form keeps what was typed. */
export async function createQuestionnaireAction(_previous: CreateState, form: FormData): Promise<CreateState> {
  const named = isFormData(form) ? form.get("locale") : null;
  const locale: Language = isLanguage(named) ? named : "en";
  const created = await runBuilder(
    null,
    form,
    async () => {
      const actor = await currentActor();
      return { revision: 0, id: (await createQuestionnaire({ actor, settings: settingsFromForm(form) })).id };
    },
    { form: true },
  );
  if (!created.ok) return created;
  redirect({ href: `/questionnaires/${created.data.id}`, locale });
  return null;
}

export async function duplicateQuestionnaireAction(questionnaireId: string): Promise<BuilderActionResult> {
  return runBuilder(null, { questionnaireId }, async () => {
    const { id } = await duplicateQuestionnaire({ actor: await currentActor(), input: { questionnaireId } });
    return { revision: 0, id };
  });
}

export async function deleteQuestionnaireAction(
  questionnaireId: string,
  revision: number,
): Promise<BuilderActionResult> {
  return runBuilder(null, { questionnaireId, revision }, async () => {
    await deleteQuestionnaire({ actor: await currentActor(), input: { questionnaireId, revision } });
    return { revision: revision + 1 };
  });
}
