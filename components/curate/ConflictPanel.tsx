"use client";
// Someone saved the question while this curator was editing: both versions side by side, where
// they differ, and the choice of which to keep (ConflictView.tsx shows it). Nothing typed is lost.
import { useTranslations } from "next-intl";
import type { QuestionFormValues } from "@/lib/curation/data";
import type { EditorValues } from "./question-form-values";
import { valuesOf } from "./question-form-values";
import { ConflictView } from "./ConflictView";

const FIELDS = [
  "code",
  "type",
  "label",
  "hint",
  "ownChoices",
  "sharedList",
  "indicators",
  "tags",
  "customConstraint",
  "min",
  "max",
  "notes",
] as const;

export function ConflictPanel({
  mine,
  saved,
  onTakeSaved,
  onKeepMine,
}: {
  mine: EditorValues;
  saved: QuestionFormValues;
  onTakeSaved: () => void;
  onKeepMine: () => void;
}) {
  const t = useTranslations("curate.conflict");
  const te = useTranslations("curate.editor");
  const theirs = valuesOf(saved);
  const show = (v: EditorValues, f: (typeof FIELDS)[number]) =>
    Array.isArray(v[f]) ? (v[f] as string[]).join(" ") : String(v[f]);
  const rows = FIELDS.filter((f) => show(mine, f) !== show(theirs, f)).map((f) => ({
    key: f,
    label: te(f),
    saved: show(theirs, f),
    mine: show(mine, f),
  }));
  return (
    <ConflictView
      titleId="conflict-title"
      title={t("title")}
      heading="h2"
      rows={rows}
      onKeepMine={onKeepMine}
      onTakeSaved={onTakeSaved}
    />
  );
}
