"use client";
// The editor and the lifecycle steps of one question share the revision they started from, so
// that a step taken in one never makes the other's next save look stale.
import { useCallback, useState } from "react";
import type { EditorOptions, QuestionFormValues } from "@/lib/curation/data";
import { QuestionEditor } from "./QuestionEditor";
import { StatusActions } from "./StatusActions";

export function QuestionWorkspace({ question, options }: { question: QuestionFormValues; options: EditorOptions }) {
  const [learnt, setLearnt] = useState(question.revision);
  const revision = Math.max(learnt, question.revision);
  const onChanged = useCallback((r: number) => setLearnt(r), []);
  // Only what is still in the bank's working set is edited: not retired, rejected or merged.
  const editable = question.status === "draft" || question.status === "published";
  return (
    <div className="workspace">
      {editable && <QuestionEditor question={question} options={options} revision={revision} onSaved={onChanged} />}
      <StatusActions
        code={question.code}
        status={question.status}
        revision={revision}
        canRestore={question.status === "retired"}
        onChanged={onChanged}
      />
    </div>
  );
}
