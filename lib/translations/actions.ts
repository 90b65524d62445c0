"use server";
// Thin server actions of the translators' workspace: who is asking (lib/auth), the write (one
// transaction with its audit record, in mutations.ts), and an answer the page shows. Failures come
// back as codes the interface translates (translate.failures.*), never as exceptions.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { actionRunner } from "../actions/run-action";
import type { ActionResult as OneActionResult } from "../actions/result";
import type { Language } from "../i18n/languages";
import type { CheckWarning } from "./checks";
import { describeProblems } from "./check-text";
import { findNextInQueue } from "./data";
import { isTranslationError, TranslationError, type SavedVersion } from "./errors";
import { can } from "../auth/permissions";
import {
  addTranslationComment,
  approveTranslation,
  confirmStillValid,
  restoreTranslationRevision,
  returnTranslation,
  saveTranslation,
  submitTranslation,
  type SaveResult,
} from "./mutations";
import { queueFilterSchema, targetLanguageSchema, type SaveTranslationInput } from "./schema";
import { applyTranslationImport, readImport, type NotAppliedRows } from "./spreadsheet-mutations";
import type { ImportPreview } from "./spreadsheet-data";
import { IMPORT_MAX_BYTES } from "./spreadsheet";
import { runBulkTransition } from "./bulk-mutations";
import { applyReplace, previewReplace } from "./replace-mutations";
import { suggestMachineTranslation } from "./machine-translation/suggest";
import type { MachineSuggestions } from "./machine-translation/types";
import type { ApplyReplaceInput, BulkInput, BulkOutcome, ReplaceInput, ReplacePreview } from "./bulk-schema";

export type TranslationDetails = { warnings?: CheckWarning[]; current?: SavedVersion; reason?: string };
export type ActionResult<T = undefined> = OneActionResult<T, TranslationDetails>;

// Translation refusals are worded by translate.failures.*; a conflict carries the saved version,
// a save with warnings the warnings, so that the screen shows both and loses nothing.
const runTranslation = actionRunner<TranslationDetails>({
  namespace: "translate",
  known(error, t) {
    if (!isTranslationError(error)) return null;
    const { current, warnings, reason } = error.details ?? {};
    const details: TranslationDetails = {
      ...(current ? { current } : {}),
      ...(warnings ? { warnings } : {}),
      ...(reason ? { reason } : {}),
    };
    // A blocked save names each field and problem in the message itself, in the person's language.
    const values = error.code === "blocked" ? { problems: describeProblems(warnings ?? [], t) } : undefined;
    return { code: error.code, details: Object.keys(details).length ? details : undefined, ...(values && { values }) };
  },
});

async function run<T>(
  input: unknown,
  fn: (actor: Awaited<ReturnType<typeof getCurrentUser>>) => Promise<T>,
  options: { form?: true } = {},
): Promise<ActionResult<T>> {
  const result = await runTranslation(null, input, async () => fn(await getCurrentUser()), options);
  if (result.ok) revalidatePath("/[locale]/translate", "layout");
  return result;
}

/**
 * Machine translation suggestions for one item, on demand (nothing is written or revalidated: the
 * editor fills a field only when the person presses "Use"). Refused when it is off (the default).
 */
export async function suggestMachineTranslationAction(input: {
  code: string;
  lang: string;
}): Promise<ActionResult<MachineSuggestions>> {
  return runTranslation(null, input, async () => suggestMachineTranslation(await getCurrentUser(), input));
}

/** Saves; with `next`, also finds the next item of the queue (same filters) to open. */
export async function saveTranslationAction(
  input: SaveTranslationInput,
  next?: Record<string, string>,
): Promise<ActionResult<SaveResult & { next: string | null }>> {
  return run({ input, next }, async (actor) => {
    const saved = await saveTranslation(actor, input);
    const nextCode = next
      ? await findNextInQueue({
          lang: input.lang as Language,
          filter: queueFilterSchema.parse(next),
          actor,
          after: input.code,
        })
      : null;
    return { ...saved, next: nextCode };
  });
}

export async function submitTranslationAction(input: { code: string; lang: string; revision: number }) {
  return run(input, (actor) => submitTranslation(actor, input));
}

export async function approveTranslationAction(input: { code: string; lang: string; revision: number }) {
  return run(input, (actor) => approveTranslation(actor, input));
}

/** An outdated text confirmed as still fitting the new English (a reviewer who did not write it). */
export async function stillValidTranslationAction(input: { code: string; lang: string; revision: number }) {
  return run(input, (actor) => confirmStillValid(actor, input));
}

export async function returnTranslationAction(input: {
  code: string;
  lang: string;
  revision: number;
  comment: string;
}) {
  return run(input, (actor) => returnTranslation(actor, input));
}

export async function commentTranslationAction(input: { code: string; lang: string; body: string }) {
  return run(input, async (actor) => {
    await addTranslationComment(actor, input);
    return undefined;
  });
}

export async function restoreTranslationAction(input: {
  code: string;
  lang: string;
  revision: number;
  revisionId: string;
}) {
  return run(input, (actor) => restoreTranslationRevision(actor, input));
}

/** An upload form's action: its argument must be the form's FormData (run-action.ts). */
const runForm: typeof run = (form, fn) => run(form, fn, { form: true });

async function fileFrom(form: FormData): Promise<{ lang: Language; bytes: Buffer }> {
  const lang = targetLanguageSchema.safeParse(form.get("lang"));
  const file = form.get("file");
  if (!lang.success || !(file instanceof File) || file.size === 0)
    throw new TranslationError("badFile", { reason: "noFile" });
  // Checked before the bytes are read into memory, and again by the reader.
  if (file.size > IMPORT_MAX_BYTES) throw new TranslationError("fileTooLarge", { reason: String(IMPORT_MAX_BYTES) });
  return { lang: lang.data as Language, bytes: Buffer.from(await file.arrayBuffer()) };
}

/** Reads an uploaded spreadsheet and says what it would change; nothing is written. */
export async function previewImportAction(form: FormData): Promise<ActionResult<ImportPreview>> {
  return runForm(form, async (actor) => {
    const { lang, bytes } = await fileFrom(form);
    if (!actor) throw new TranslationError("unauthenticated");
    if (!can(actor, "translation.edit", { lang })) throw new TranslationError("forbidden");
    return readImport({ lang, bytes, clearEmptied: form.get("clearEmptied") === "on" });
  });
}

/** Applies the previewed file (the same bytes, and the preview's digest the person confirmed). */
export async function applyImportAction(
  form: FormData,
): Promise<ActionResult<{ applied: number; cleared: number; blockedRows: number[]; notApplied: NotAppliedRows }>> {
  return runForm(form, async (actor) => {
    const { lang, bytes } = await fileFrom(form);
    const digest = String(form.get("digest") ?? "").slice(0, 64);
    return applyTranslationImport(actor, { lang, bytes, digest, clearEmptied: form.get("clearEmptied") === "on" });
  });
}

/** The queue's bulk step, previewed (nothing written) or applied, item by item. */
export async function bulkTransitionAction(
  input: BulkInput,
  mode: "preview" | "apply",
): Promise<ActionResult<BulkOutcome[]>> {
  return run({ input, mode }, (actor) => runBulkTransition(actor, input, { dryRun: mode !== "apply" }));
}

/** Search and replace in one language: what it would change, each item's diff and verdict; nothing written. */
export async function previewReplaceAction(input: ReplaceInput): Promise<ActionResult<ReplacePreview>> {
  return run(input, (actor) => previewReplace(actor, input));
}

/** Applies the previewed replacement to the items the translator kept. */
export async function applyReplaceAction(input: ApplyReplaceInput): Promise<ActionResult<BulkOutcome[]>> {
  return run(input, (actor) => applyReplace(actor, input));
}
