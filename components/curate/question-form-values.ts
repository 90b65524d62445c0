// What the question editor holds while a curator types: kept in React state (not only in the
// inputs) so that nothing typed is lost whatever the server answers, and so that a conflict can
// show it beside the saved version (ConflictPanel.tsx reads it from here, not from the editor).
import type { QuestionFormValues } from "@/lib/curation/data";
import { formatChoiceLines } from "@/lib/curation/schema";
import type { QuestionType } from "@/lib/vocabulary/enums";

export type EditorValues = {
  code: string;
  type: QuestionType;
  label: string;
  hint: string;
  notes: string;
  constraintMessage: string;
  customConstraint: string;
  min: string;
  max: string;
  maxLength: string;
  notFuture: boolean;
  choiceMode: "none" | "shared" | "own";
  sharedList: string;
  ownChoices: string;
  indicators: string[];
  tags: string;
  sourceKey: string;
  sourceRelation: string;
};

export function valuesOf(q: QuestionFormValues | null): EditorValues {
  const s = (v: number | null) => (v === null ? "" : String(v));
  return {
    code: q?.code ?? "",
    type: q?.type ?? "select_one",
    label: q?.label ?? "",
    hint: q?.hint ?? "",
    notes: q?.notes ?? "",
    constraintMessage: q?.constraintMessage ?? "",
    customConstraint: q?.customConstraint ?? "",
    min: s(q?.constraint.min ?? null),
    max: s(q?.constraint.max ?? null),
    maxLength: s(q?.constraint.maxLength ?? null),
    notFuture: q?.constraint.notFuture ?? false,
    choiceMode: q?.choiceMode ?? "shared",
    sharedList: q?.sharedList ?? "",
    ownChoices: formatChoiceLines(q?.ownChoices ?? []),
    indicators: q?.indicators ?? [],
    tags: (q?.tags ?? []).join(", "),
    sourceKey: q?.sourceKey ?? "",
    sourceRelation: q?.sourceRelation ?? "",
  };
}
