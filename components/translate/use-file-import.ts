// The two steps every file import of the translators' workspace takes (translation spreadsheet or
// XLIFF, glossary TBX or CSV): the chosen file is read and its effect previewed with nothing
// written, then the same file is applied with the preview's digest once the person confirms.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";

export function useFileImport<P extends { digest: string }, A, D>({
  lang,
  previewAction,
  applyAction,
  explain,
  check,
  fields,
}: {
  lang: string;
  previewAction: (form: FormData) => Promise<ActionResult<P, D>>;
  applyAction: (form: FormData) => Promise<ActionResult<A, D>>;
  /** A refusal in the person's words. */
  explain: (failure: ActionFailure<D>) => string;
  /** What is wrong with the chosen file before it is sent (none chosen, too large), or null. */
  check: (file: File | undefined) => string | null;
  /** More form fields sent with the file to both steps (an import's options). */
  fields?: () => Record<string, string>;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const resultRef = useFocusWhen<HTMLDivElement>(preview);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function formData(extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set("lang", lang);
    const file = fileRef.current?.files?.[0];
    if (file) form.set("file", file);
    for (const [k, v] of Object.entries({ ...fields?.(), ...extra })) form.set(k, v);
    return form;
  }

  function onPreview(event: FormEvent) {
    event.preventDefault();
    setError("");
    setMessage("");
    setPreview(null);
    const problem = check(fileRef.current?.files?.[0]);
    if (problem) return setError(problem);
    startTransition(async () => {
      const result = await previewAction(formData());
      if (result.ok) setPreview(result.data);
      else setError(explain(result));
    });
  }

  /** Applies the previewed file; `done` says what was done, in words. */
  function onApply(done: (data: A) => string) {
    if (!preview) return;
    startTransition(async () => {
      const result = await applyAction(formData({ digest: preview.digest }));
      if (result.ok) {
        setPreview(null);
        setMessage(done(result.data));
      } else setError(explain(result));
    });
  }

  /** Forgets the preview (an option changed: the file must be previewed again before applying). */
  const resetPreview = () => setPreview(null);

  return { fileRef, preview, resultRef, message, error, pending, onPreview, onApply, resetPreview };
}
