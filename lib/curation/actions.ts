"use server";
// Thin server actions of the curation pages: who is asking (lib/auth), what they sent (zod, in the
// mutations), the write (one transaction with its audit record), and an answer the form shows.
import { revalidatePath } from "next/cache";
import { getCurrentUser, assertPermission } from "../auth/session";
import { AppError } from "../auth/errors";
import type { Action } from "../auth/permissions";
import { actionRunner } from "../actions/run-action";
import type { ActionResult } from "../actions/result";
import type { ActionState, CurationData, CurationDetails } from "./action-state";
import type { FrameworkVersion } from "./framework-data";
import { checkCode, findQuestionForEditing } from "./data";
import { findChangeImpact } from "./version-data";
import { findLikelyDuplicates, type DuplicateCandidate } from "./duplicate-data";
import { CurationError, isCurationError } from "./errors";
import { indicatorComputationSchema } from "../framework/schema";
import { questionInputFromForm, revisionFromForm, formText } from "./form-input";
import { createQuestion, updateQuestion } from "./mutations";
import { publishQuestion, restoreQuestion, retireQuestion } from "./question-status-mutations";
import { mergeDraft, rejectDraft } from "./review-mutations";
import { createChoiceList, updateChoiceList } from "./choice-list-mutations";
import {
  deleteIndicator,
  mergeIndicator,
  saveDomain,
  saveIndicator,
  saveTopic,
  setIndicatorRetired,
} from "./framework-mutations";
import { saveIndicatorComputation } from "./indicator-computation-mutations";
import { fieldErrorKeys, parseChoiceLines } from "./schema";
import { LANGUAGES } from "../i18n/languages";

async function actorFor(action: Action) {
  return assertPermission(await getCurrentUser(), action);
}

// Curation refusals are worded by curate.failures.*, its field errors by curate.errors.*.
const runCuration = actionRunner<CurationDetails>({
  namespace: "curate",
  known(error) {
    if (!isCurationError(error)) return null;
    const current = error.details?.current as CurationDetails["current"];
    const questions = error.details?.questions as number | undefined;
    const isConflict = error.code === "conflict";
    const details: CurationDetails | undefined = !isConflict
      ? undefined
      : current && "label" in current
        ? { current }
        : // A framework conflict carries the saved entry (null when it was deleted meanwhile).
          current === null || (current && "kind" in current)
          ? { saved: current as unknown as FrameworkVersion | null }
          : undefined;
    const problems = (error.details?.problems as string[] | undefined)?.join("; ") ?? "";
    return { code: error.code, details, values: { questions: questions ?? 0, problems } };
  },
  fieldErrors: (error, t) =>
    Object.fromEntries(Object.entries(fieldErrorKeys(error)).map(([field, key]) => [field, t(`curate.errors.${key}`)])),
});

const invalidInput = () => new AppError("invalidInput");

/** A form action: its argument must be the form's FormData (a script can send anything: run-action.ts). */
function runCurationForm(form: FormData, fn: () => Promise<CurationData>): Promise<ActionState> {
  return runCuration(null, form, fn, { form: true });
}

function refresh() {
  revalidatePath("/[locale]/curate", "layout");
  revalidatePath("/[locale]/questions/[code]", "page");
}

export async function saveQuestionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runCurationForm(form, async (): Promise<CurationData> => {
    const original = formText(form, "originalCode");
    const input = questionInputFromForm(form);
    if (!original) {
      const actor = await actorFor("question.create");
      const created = await createQuestion({ actor, input });
      refresh();
      return { message: "created", values: { code: created.code } };
    }
    const actor = await actorFor("question.edit");
    const before = await findQuestionForEditing(original);
    // A published question's new source text outdates translations and reaches questionnaires:
    // the curator sees how far before anything is saved.
    // (A stale save skips this: it goes straight to the conflict, with both versions shown.)
    if (
      before?.status === "published" &&
      before.revision === revisionFromForm(form) &&
      form.get("confirm") !== "1" &&
      (before.label !== input.label.trim() || (before.hint ?? "") !== (input.hint ?? "").trim())
    ) {
      const impact = await findChangeImpact(original);
      if (impact) return { confirm: impact, nextVersion: before.version + 1 };
    }
    const result = await updateQuestion({ actor, code: original, revision: revisionFromForm(form), input });
    refresh();
    return result.newVersion
      ? {
          message: "publishedVersion",
          values: {
            code: result.code,
            version: result.version,
            outdated: result.outdatedTranslations,
            revision: revisionFromForm(form) + 1,
          },
        }
      : { message: "saved", values: { code: result.code, revision: revisionFromForm(form) + 1 } };
  });
}

export async function changeQuestionStatusAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runCurationForm(form, async (): Promise<CurationData> => {
    const code = formText(form, "code");
    const revision = revisionFromForm(form);
    switch (formText(form, "intent")) {
      case "publish": {
        const r = await publishQuestion({ actor: await actorFor("question.publish"), code, revision });
        refresh();
        return { message: "published", values: { code, version: r.version, revision: revision + 1 } };
      }
      case "retire":
        await retireQuestion({ actor: await actorFor("question.retire"), code, revision });
        refresh();
        return { message: "retired", values: { code, revision: revision + 1 } };
      case "restore":
        await restoreQuestion({ actor: await actorFor("question.retire"), code, revision });
        refresh();
        return { message: "restored", values: { code, revision: revision + 1 } };
      case "reject":
        await rejectDraft({
          actor: await actorFor("question.publish"),
          code,
          revision,
          reason: formText(form, "reason"),
        });
        refresh();
        return { message: "rejected", values: { code, revision: revision + 1 } };
      case "merge": {
        const r = await mergeDraft({
          actor: await actorFor("question.publish"),
          code,
          revision,
          targetCode: formText(form, "targetCode").trim(),
        });
        refresh();
        return { message: "merged", values: { code, target: r.targetCode, moved: r.moved, revision: revision + 1 } };
      }
      default:
        throw invalidInput();
    }
  });
}

/** As the curator types a code: whether it is valid for XLSForm and still free. */
export async function checkCodeAction(
  code: string,
  currentCode?: string,
): Promise<ActionResult<"ok" | "invalid" | "taken", CurationDetails>> {
  return runCuration(null, { code, currentCode }, async () => {
    await actorFor("question.edit");
    return checkCode(String(code).slice(0, 64), {
      excludeCode: currentCode === undefined ? undefined : String(currentCode).slice(0, 64),
    });
  });
}

export async function findDuplicatesAction(
  label: string,
  indicators: string[],
  currentCode?: string,
): Promise<ActionResult<DuplicateCandidate[], CurationDetails>> {
  return runCuration(null, { label, indicators, currentCode }, async () => {
    await actorFor("question.edit");
    return findLikelyDuplicates({
      label: String(label).slice(0, 500),
      indicators: (Array.isArray(indicators) ? indicators : []).slice(0, 20).map(String),
      excludeCode: currentCode === undefined ? undefined : String(currentCode).slice(0, 64),
    });
  });
}

export async function saveChoiceListAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runCurationForm(form, async (): Promise<CurationData> => {
    const actor = await actorFor("choiceList.edit");
    const name = formText(form, "name");
    const choices = parseChoiceLines(formText(form, "choices"));
    if (formText(form, "mode") === "create") {
      await createChoiceList({ actor, input: { name, choices } });
      refresh();
      return { message: "listCreated", values: { name } };
    }
    const r = await updateChoiceList({ actor, name, revision: revisionFromForm(form), choices });
    refresh();
    return { message: "listSaved", values: { name, version: r.version, questions: r.questions.length } };
  });
}

function localized(form: FormData, prefix: string) {
  return Object.fromEntries(LANGUAGES.map((l) => [l, formText(form, `${prefix}.${l}`)]));
}

export async function saveFrameworkAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runCurationForm(form, async (): Promise<CurationData> => {
    const actor = await actorFor("framework.edit");
    const code = formText(form, "originalCode") || undefined;
    // The revision the form was read at; an edit without one is refused as a conflict.
    const revision = code ? revisionFromForm(form) : undefined;
    const kind = formText(form, "kind");
    const common = { actor, code, revision };
    let saved: { code: string; revision: number } | undefined;
    switch (kind) {
      case "domain":
        saved = await saveDomain({
          ...common,
          input: {
            code: formText(form, "code"),
            name: localized(form, "name"),
            description: localized(form, "description"),
          },
        });
        break;
      case "topic":
        saved = await saveTopic({
          ...common,
          input: { code: formText(form, "code"), domainCode: formText(form, "parent"), name: localized(form, "name") },
        });
        break;
      case "indicator":
        saved = await saveIndicator({
          ...common,
          input: {
            code: formText(form, "code"),
            topicCode: formText(form, "parent"),
            type: formText(form, "type"),
            name: localized(form, "name"),
            definition: localized(form, "definition"),
          },
        });
        break;
      default:
        throw invalidInput();
    }
    refresh();
    return { message: "frameworkSaved", values: { code: saved.code, revision: saved.revision } };
  });
}

export async function changeIndicatorAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runCurationForm(form, async (): Promise<CurationData> => {
    const actor = await actorFor("framework.edit");
    const code = formText(form, "code");
    const revision = revisionFromForm(form);
    switch (formText(form, "intent")) {
      case "delete":
        await deleteIndicator({ actor, code, revision });
        return { message: "indicatorDeleted", values: { code } };
      case "merge": {
        const r = await mergeIndicator({
          actor,
          code,
          revision,
          intoCode: formText(form, "intoCode").trim().toUpperCase(),
        });
        refresh();
        return { message: "indicatorMerged", values: { code, moved: r.moved } };
      }
      case "retire":
        await setIndicatorRetired({ actor, code, revision, retired: true });
        break;
      case "restore":
        await setIndicatorRetired({ actor, code, revision, retired: false });
        break;
      default:
        throw invalidInput();
    }
    refresh();
    return { message: "frameworkSaved", values: { code } };
  });
}

/**
 * The computable definition of one indicator, sent as JSON text (empty removes it). A text that is
 * not JSON or does not have the shape is refused naming the parts at fault, in the bank's own keys.
 */
export async function saveIndicatorComputationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runCurationForm(form, async (): Promise<CurationData> => {
    const actor = await actorFor("indicator.define");
    const code = formText(form, "code");
    const text = formText(form, "computation").trim();
    let input: unknown = null;
    if (text) {
      try {
        input = JSON.parse(text);
      } catch {
        throw new CurationError("invalidComputation", { problems: ["JSON"] });
      }
    }
    const parsed = input === null ? null : indicatorComputationSchema.safeParse(input);
    if (parsed && !parsed.success) {
      const parts = parsed.error.issues.map((i) => i.path.join(".") || "JSON");
      throw new CurationError("invalidComputation", { problems: [...new Set(parts)] });
    }
    const saved = await saveIndicatorComputation({ actor, code, revision: revisionFromForm(form), input });
    refresh();
    return { message: "computationSaved", values: { code, revision: saved.revision } };
  });
}
