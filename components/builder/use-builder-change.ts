"use client";
// Sends one change to the server with the revision this page last saw, and keeps that revision:
// a change refused as stale shows a message and a way to reload instead of overwriting anything.
import { useCallback, useState, useTransition } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { changeQuestionnaireAction, type BuilderActionResult, type BuilderFailure } from "@/lib/builder/actions";
import type { BuilderChange } from "@/lib/builder/schema";

type ChangeBody = BuilderChange extends infer C
  ? C extends unknown
    ? Omit<C, "questionnaireId" | "revision">
    : never
  : never;
export type Failure = BuilderFailure;
export type Feedback = { kind: "ok"; message: string } | { kind: "error"; failure: Failure } | null;

export function useBuilderChange(questionnaireId: string, serverRevision: number) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [known, setKnown] = useState({ server: serverRevision, revision: serverRevision });
  const [feedback, setFeedback] = useState<Feedback>(null);
  // A fresh page from the server (after a refresh) brings the revision it was read at.
  let revision = known.revision;
  if (known.server !== serverRevision) {
    revision = Math.max(serverRevision, known.revision);
    setKnown({ server: serverRevision, revision });
  }

  const run = useCallback(
    (
      body: ChangeBody,
      okMessage: (result: Extract<BuilderActionResult, { ok: true }>["data"]) => string,
      /** The form that sent the change: its fields' messages (useFieldErrors) */
      onFailure?: (failure: Failure) => void,
    ): Promise<boolean> =>
      new Promise((resolve) => {
        startTransition(async () => {
          const result = await changeQuestionnaireAction({ ...body, questionnaireId, revision } as BuilderChange);
          if (result.ok) {
            setKnown((k) => ({ ...k, revision: result.data.revision }));
            setFeedback({ kind: "ok", message: okMessage(result.data) });
            router.refresh();
            resolve(true);
          } else {
            setFeedback({ kind: "error", failure: result });
            onFailure?.(result);
            resolve(false);
          }
        });
      }),
    [questionnaireId, revision, router],
  );

  const reload = useCallback(() => {
    setFeedback(null);
    router.refresh();
  }, [router]);

  return { run, pending, feedback, setFeedback, reload, revision };
}
