// Applies an imported translation spreadsheet: only the rows the person saw as "update" in the
// preview, all in one transaction. The file is read and previewed again; when the preview differs
// from the one confirmed (someone saved meanwhile), nothing is applied.
import { getDb } from "../db/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import type { Language } from "../i18n/languages";
import { TranslationError } from "./errors";
import { saveInTx } from "./mutations";
import { readTranslationWorkbook, parseFingerprint } from "./spreadsheet";
import { previewTranslationImport, type ImportPreview } from "./spreadsheet-data";

/** Reads and previews a file: refused whole when it is too large, malformed or for another language. */
export async function readImport({ lang, bytes }: { lang: Language; bytes: Buffer }): Promise<ImportPreview> {
  const read = await readTranslationWorkbook(bytes);
  if (!read.ok) throw new TranslationError(read.code, { reason: read.reason });
  if (read.lang && read.lang !== lang) throw new TranslationError("badFile", { reason: "wrongLanguage" });
  return previewTranslationImport({ lang, rows: read.rows });
}

export async function applyTranslationImport(
  actor: Actor,
  { lang, bytes, digest }: { lang: Language; bytes: Buffer; digest: string },
) {
  if (!actor) throw new TranslationError("unauthenticated");
  if (!can(actor, "translation.edit", { lang })) throw new TranslationError("forbidden");
  const preview = await readImport({ lang, bytes });
  if (preview.digest !== digest) throw new TranslationError("previewChanged");
  const updates = preview.rows.filter((r) => r.kind === "update");
  const read = await readTranslationWorkbook(bytes);
  const prints = new Map(read.ok ? read.rows.map((r) => [r.id, parseFingerprint(r.fingerprint)!]) : []);

  const questions = new Map<string, { label?: string; hint?: string; revision: number }>();
  const choices: { list: string; name: string; label: string; revision: number }[] = [];
  for (const u of updates) {
    const [kind, owner, field] = u.id.split(":");
    const revision = prints.get(u.id)!.revision;
    if (kind === "q") {
      const q = questions.get(owner) ?? { revision };
      if (field === "label") q.label = u.after;
      else q.hint = u.after;
      questions.set(owner, q);
    } else choices.push({ list: owner, name: field, label: u.after, revision });
  }

  const db = await getDb();
  await runAll(() =>
    db.$transaction(
      async (tx) => {
        for (const [code, change] of questions) {
          const current = await tx.questionText.findFirst({
            where: { question: { code }, lang },
            select: { label: true, hint: true, status: true },
          });
          const present = current && current.status !== "missing";
          await saveInTx(
            tx,
            actor,
            {
              code,
              lang,
              label: change.label ?? (present ? current.label : ""),
              hint: change.hint ?? (present ? current.hint : null),
              choices: [],
              revision: change.revision,
              acknowledgeWarnings: true,
            },
            "import",
          );
        }
        for (const c of choices) {
          const choice = await tx.choice.findFirst({
            where: { name: c.name, list: { name: c.list } },
            select: {
              id: true,
              list: { select: { version: true } },
              texts: { where: { lang }, select: { id: true, label: true } },
            },
          });
          if (!choice) throw new TranslationError("previewChanged");
          const data = {
            label: c.label,
            status: "draft" as const,
            sourceVersion: choice.list.version,
            updatedById: actor.id,
          };
          const existing = choice.texts[0];
          if (existing) {
            const claimed = await tx.choiceText.updateMany({
              where: { id: existing.id, revision: c.revision },
              data: { ...data, revision: { increment: 1 } },
            });
            if (claimed.count === 0) throw new TranslationError("previewChanged");
          } else {
            if (c.revision !== -1) throw new TranslationError("previewChanged");
            await tx.choiceText.create({ data: { choiceId: choice.id, lang, ...data, revision: 0 } });
          }
          await recordAudit(tx, {
            actorId: actor.id,
            action: "translation.import",
            entityType: "choiceList",
            entityId: `${c.list}:${c.name}:${lang}`,
            before: { label: existing?.label ?? null },
            after: { label: c.label },
          });
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    ),
  );
  return { applied: updates.length, questions: questions.size, choices: choices.length };
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
