"use client";
// The question editor's form model: the values typed, the revision the edit started from, the
// server's answer (field errors, an impact to confirm, a conflict) and the save itself.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { saveQuestionAction } from "@/lib/curation/actions";
import { IDLE, confirmOf, doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";
import type { QuestionFormValues } from "@/lib/curation/data";
import { valuesOf, type EditorValues } from "./question-form-values";

/** Sets one field of the editor's values. */
export type SetEditorValue = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;

export function useQuestionForm({
  question,
  revision,
  onSaved,
}: {
  question: QuestionFormValues | null;
  revision: number;
  onSaved?: (revision: number) => void;
}) {
  const router = useRouter();
  const [values, setValues] = useState<EditorValues>(() => valuesOf(question));
  // The revision this edit started from: the page's, or a newer one learnt from a save or a conflict.
  const [learntRevision, setLearntRevision] = useState(revision);
  const baseRevision = Math.max(revision, learntRevision);
  const [state, setState] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef(false);

  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const failure = failureOf(state);
  const confirm = confirmOf(state);
  const fieldError = (name: string) => failure?.fieldErrors?.[name];
  const errorId = (name: string) => (fieldError(name) ? `${name}-error` : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (confirmRef.current) form.set("confirm", "1");
    confirmRef.current = false;
    startTransition(async () => {
      const next = await saveQuestionAction(state, form);
      setState(next);
      const done = doneOf(next);
      if (!done) return;
      if (!question) return router.push(`/curate/questions/${done.values?.code}`);
      if (typeof done.values?.revision === "number") {
        setLearntRevision(done.values.revision);
        onSaved?.(done.values.revision);
      }
      router.refresh();
    });
  }

  return {
    values,
    setValues,
    set,
    baseRevision,
    setLearntRevision,
    state,
    pending,
    confirmRef,
    failure,
    confirm,
    fieldError,
    errorId,
    submit,
  };
}
