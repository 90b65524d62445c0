// Applies an imported translation spreadsheet: only the rows the person saw as "update" in the
// preview, all in one transaction. The file is read and previewed again; when the preview differs
// from the one confirmed (someone saved meanwhile), nothing is applied.
import "server-only";
import { getDb } from "../db/client";
import { can, type Actor } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import { isTranslationError, TranslationError } from "./errors";
import { PENDING_SELECT, QUESTION_EXTRA_SELECT, type QuestionExtra, workingText } from "./state";
import { WORKING_STATUSES } from "../bank/visibility";
import { saveInTx } from "./save-mutations";
import { parseFingerprint } from "./spreadsheet";
import { readImportFile } from "./import-file";
import { previewTranslationImport, type ImportPreview, type PreviewKind } from "./spreadsheet-data";

/**
 * Reads and previews a file (a spreadsheet or an XLIFF document): refused whole when it is too
 * large, malformed or for another language.
 */
export async function readImport({
  lang,
  bytes,
  clearEmptied = false,
}: {
  lang: Language;
  bytes: Buffer;
  /** Clear the texts whose cell the person emptied (an explicit choice; off by default) */
  clearEmptied?: boolean;
}): Promise<ImportPreview> {
  const read = await readImportFile(bytes);
  if (!read.ok) throw new TranslationError(read.code, { reason: read.reason });
  if (read.lang && read.lang !== lang) throw new TranslationError("badFile", { reason: "wrongLanguage" });
  return previewTranslationImport({ lang, rows: read.rows, clearEmptied });
}

/** Rows of the preview that are not applied, by row number in the file, grouped by why. */
export type NotAppliedRows = Partial<Record<PreviewKind, number[]>>;

function notApplied(preview: ImportPreview): NotAppliedRows {
  const out: NotAppliedRows = {};
  for (const r of preview.rows)
    if (r.kind !== "update" && r.kind !== "clear" && r.kind !== "unchanged" && r.kind !== "skipped")
      (out[r.kind] ??= []).push(r.row);
  return out;
}

export async function applyTranslationImport(
  actor: Actor,
  {
    lang,
    bytes,
    digest,
    clearEmptied = false,
  }: { lang: Language; bytes: Buffer; digest: string; clearEmptied?: boolean },
) {
  if (!actor) throw new TranslationError("unauthenticated");
  if (!can(actor, "translation.edit", { lang })) throw new TranslationError("forbidden");
  const preview = await readImport({ lang, bytes, clearEmptied });
  if (preview.digest !== digest) throw new TranslationError("previewChanged");
  const updates = preview.rows.filter((r) => r.kind === "update" || r.kind === "clear");
  const read = await readImportFile(bytes);
  const prints = new Map(read.ok ? read.rows.map((r) => [r.id, parseFingerprint(r.fingerprint)!]) : []);

  // Every row goes through the editor's own save (saveInTx), so that an imported text takes the
  // same review path as a typed one: a change to an approved text waits as a draft beside it.
  type Change = {
    label?: string;
    /** null: the hint cell was emptied and is cleared */
    hint?: string | null;
    /** null: the constraint message cell was emptied and is cleared */
    constraintMessage?: string | null;
    clearText?: boolean;
    revision?: number;
    choices: { name: string; label: string; revision: number; clear?: boolean }[];
  };
  const questions = new Map<string, Change>();
  const choiceRows: {
    list: string;
    name: string;
    label: string;
    revision: number;
    clear: boolean;
    question?: string;
  }[] = [];
  const rowsById = new Map(read.ok ? read.rows.map((r) => [r.id, r]) : []);
  for (const u of updates) {
    const [kind, owner, field] = u.id.split(":");
    const revision = prints.get(u.id)!.revision;
    const clear = u.kind === "clear";
    if (kind === "q") {
      const q = questions.get(owner) ?? { choices: [] };
      q.revision = revision;
      if (field === "label" && clear) q.clearText = true;
      else if (field === "label") q.label = u.after;
      else q[field as QuestionExtra] = clear ? null : u.after;
      questions.set(owner, q);
    } else
      choiceRows.push({
        list: owner,
        name: field,
        label: u.after,
        revision,
        clear,
        question: rowsById.get(u.id)?.question,
      });
  }

  const db = await getDb();
  await runAll(() =>
    db.$transaction(
      async (tx) => {
        // An answer choice is saved with (and kept in the history of) the question it was exported
        // under, or else the first question using its list.
        for (const c of choiceRows) {
          const users = await tx.question.findMany({
            where: { choiceList: { name: c.list }, status: { in: [...WORKING_STATUSES] } },
            orderBy: { code: "asc" },
            select: { code: true },
          });
          const code = users.find((q) => q.code === c.question)?.code ?? users[0]?.code;
          if (!code) throw new TranslationError("previewChanged");
          const q = questions.get(code) ?? { choices: [] };
          q.choices.push({ name: c.name, label: c.label, revision: c.revision, clear: c.clear });
          questions.set(code, q);
        }
        for (const [code, change] of questions) {
          const current = await tx.questionText.findFirst({
            where: { question: { code }, lang },
            select: { label: true, status: true, revision: true, ...QUESTION_EXTRA_SELECT, ...PENDING_SELECT },
          });
          const work =
            current && current.status !== "missing"
              ? workingText({ ...current, sourceVersion: null, updatedById: null })
              : null;
          const textChange =
            change.label !== undefined ||
            change.hint !== undefined ||
            change.constraintMessage !== undefined ||
            change.clearText === true;
          try {
            await saveInTx(
              tx,
              actor,
              {
                code,
                lang,
                label: textChange ? (change.label ?? work?.label ?? "") : undefined,
                hint: textChange ? (change.hint !== undefined ? change.hint : (work?.hint ?? null)) : null,
                // Undefined: the file did not change it, and it stays as it is.
                constraintMessage: change.constraintMessage,
                choices: change.choices,
                revision: textChange ? change.revision! : (current?.revision ?? -1),
                acknowledgeWarnings: true,
                clearText: change.clearText,
              },
              "import",
            );
          } catch (error) {
            if (isTranslationError(error) && error.code === "conflict") throw new TranslationError("previewChanged");
            throw error;
          }
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    ),
  );
  // Rows a blocking check refused, and every other row left out, are named by their row number in the file.
  const blockedRows = preview.rows.filter((r) => r.kind === "blocked").map((r) => r.row);
  return {
    applied: updates.length,
    cleared: updates.filter((r) => r.kind === "clear").length,
    questions: questions.size,
    choices: choiceRows.length,
    blockedRows,
    notApplied: notApplied(preview),
  };
}

/** A first translation created by someone else meanwhile (unique violation) is a changed preview too. */
async function runAll<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") throw new TranslationError("previewChanged");
    throw error;
  }
}
