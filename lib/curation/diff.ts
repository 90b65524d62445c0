// Word-level differences between two published versions of a question, field by field, so that a
// curator (or a researcher deciding to update a questionnaire) sees exactly what changed.
import { diffText, type DiffPart } from "../text/diff";
import { recordsConstraintMessage, type QuestionSnapshot } from "../bank/snapshot";
import { LANGUAGES } from "../i18n/languages";

export type FieldDiff = { field: string; lang?: string; parts: DiffPart[] };

const choiceLines = (s: QuestionSnapshot, lang: string) =>
  s.choices.map((c) => `${c.name}: ${c.label[lang as keyof typeof c.label] ?? ""}`).join("\n");

/** Only the fields that differ; an empty list means the two versions read the same. */
export function diffSnapshots(before: QuestionSnapshot, after: QuestionSnapshot): FieldDiff[] {
  const fields: FieldDiff[] = [];
  const add = (field: string, a: string, b: string, lang?: string) => {
    if (a !== b) fields.push({ field, lang, parts: diffText(a, b) });
  };
  add("code", before.code, after.code);
  add("type", before.type, after.type);
  // A snapshot kept before constraint messages were recorded knows nothing of them: no change is claimed.
  const messages = recordsConstraintMessage(before) && recordsConstraintMessage(after);
  for (const lang of LANGUAGES) {
    add("label", before.texts[lang]?.label ?? "", after.texts[lang]?.label ?? "", lang);
    add("hint", before.texts[lang]?.hint ?? "", after.texts[lang]?.hint ?? "", lang);
    if (messages)
      add(
        "constraintMessage",
        before.texts[lang]?.constraintMessage ?? "",
        after.texts[lang]?.constraintMessage ?? "",
        lang,
      );
  }
  add("choiceList", before.choiceList ?? "", after.choiceList ?? "");
  for (const lang of LANGUAGES) add("choices", choiceLines(before, lang), choiceLines(after, lang), lang);
  add("constraint", before.constraint ?? "", after.constraint ?? "");
  add("indicators", [...before.indicators].sort().join(" "), [...after.indicators].sort().join(" "));
  add("tags", [...before.tags].sort().join(" "), [...after.tags].sort().join(" "));
  add("source", before.source ?? "", after.source ?? "");
  return fields;
}

/** Whether two snapshots describe the same content (order of indicators and tags aside). */
export function sameSnapshot(a: QuestionSnapshot, b: QuestionSnapshot): boolean {
  return diffSnapshots(a, b).length === 0;
}
