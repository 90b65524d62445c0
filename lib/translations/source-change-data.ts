// What changed in a question's source text between the version a translation was made from and
// the version it is now outdated against: read from the two versions' snapshots (the translation
// editor's "the source changed" notice, lib/translations/item-data.ts).
import "server-only";
import { getDb } from "../db/client";
import type { Language } from "../i18n/languages";
import type { QuestionSnapshot } from "../bank/snapshot";
import { diffFields, type TextFields } from "./diff";

function sourceFields(snapshot: QuestionSnapshot | undefined, lang: Language): TextFields | null {
  if (!snapshot) return null;
  const text = snapshot.texts[lang];
  return {
    label: text?.label ?? "",
    hint: text?.hint ?? null,
    // Older snapshots did not keep it: read as empty.
    constraintMessage: text?.constraintMessage ?? null,
    choices: Object.fromEntries(snapshot.choices.map((c) => [c.name, c.label[lang] ?? ""])),
  };
}

/** The source text's change between two published versions, from their QuestionVersion snapshots. */
export async function findSourceChange({
  questionId,
  sourceLanguage,
  from,
  to,
  outdated,
}: {
  questionId: string;
  sourceLanguage: Language;
  from: number | null;
  to: number;
  outdated: boolean;
}) {
  if (!outdated || from === null || from >= to) return null;
  const db = await getDb();
  const versions = await db.questionVersion.findMany({
    where: { questionId, version: { in: [from, to] } },
    select: { version: true, snapshot: true },
  });
  const before = sourceFields(
    versions.find((v) => v.version === from)?.snapshot as QuestionSnapshot | undefined,
    sourceLanguage,
  );
  const after = sourceFields(
    versions.find((v) => v.version === to)?.snapshot as QuestionSnapshot | undefined,
    sourceLanguage,
  );
  if (!before || !after) return { fromVersion: from, toVersion: to, fields: [] };
  return { fromVersion: from, toVersion: to, fields: diffFields(before, after) };
}
