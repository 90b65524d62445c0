import { useState, useTransition } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { duplicateQuestionnaireAction, type BuilderActionResult } from "@/lib/builder/actions";

/**
 * Running a questionnaire-level action from a button: one pending state, the last refusal to show,
 * and "duplicate", which opens the copy in the builder (the template page and the list both offer it).
 */
export function useQuestionnaireAction(id: string) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<BuilderActionResult | null>(null);
  const run = (action: () => Promise<BuilderActionResult>, onDone: (result: BuilderActionResult) => void) =>
    start(async () => {
      const r = await action();
      setResult(r);
      if (r.ok) onDone(r);
    });
  const duplicate = () =>
    run(
      () => duplicateQuestionnaireAction(id),
      (r) => {
        if (r.ok && r.data.id) router.push(`/questionnaires/${r.data.id}`);
      },
    );
  return { pending, failure: result && !result.ok ? result : null, run, duplicate, router };
}
