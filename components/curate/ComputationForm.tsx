"use client";
// The computable definition of one indicator, edited as JSON (its shape: lib/framework/schema.ts)
// and saved with the revision it was read at. When someone saved the indicator meanwhile, the saved
// definition shows beside this one, and the next save claims the saved revision knowingly.
import { useActionState, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { saveIndicatorComputationAction } from "@/lib/curation/actions";
import { IDLE, doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";
import type { IndicatorComputation } from "@/lib/framework/schema";
import { ActionMessage } from "./ActionMessage";
import { Button } from "@/components/ui/Button";

const asText = (c: IndicatorComputation | null | undefined) => (c ? JSON.stringify(c, null, 2) : "");

export function ComputationForm({
  code,
  revision: readRevision,
  computation,
}: {
  code: string;
  revision: number;
  computation: IndicatorComputation | null;
}) {
  const t = useTranslations("curate.indicators");
  const id = useId();
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveIndicatorComputationAction, IDLE);
  const [text, setText] = useState(() => asText(computation));
  const [revision, setRevision] = useState(readRevision);
  const [answered, setAnswered] = useState<ActionState>(state);
  if (state !== answered) {
    setAnswered(state);
    const done = doneOf(state);
    if (done) setRevision(Number(done.values?.revision));
  }
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const failure = failureOf(state);
  const saved = failure?.code === "conflict" ? failure.details?.saved : undefined;
  return (
    <form action={action} className="framework-form">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="revision" value={revision} />
      <div className="field">
        <label htmlFor={`${id}-json`}>{t("definitionLabel", { code })}</label>
        <textarea
          id={`${id}-json`}
          name="computation"
          dir="ltr"
          rows={14}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-help`}
        />
        <p id={`${id}-help`} className="muted">
          {t("help")}
        </p>
      </div>
      {saved !== undefined && (
        <section aria-labelledby={`${id}-conflict`} className="card">
          <h4 id={`${id}-conflict`}>{t("conflictTitle")}</h4>
          <pre dir="ltr">{asText(saved?.computation) || t("none")}</pre>
          <Button
            onClick={() => {
              setText(asText(saved?.computation));
              if (saved) setRevision(saved.revision);
            }}
          >
            {t("takeSaved")}
          </Button>{" "}
          <Button onClick={() => saved && setRevision(saved.revision)}>{t("keepMine")}</Button>
        </section>
      )}
      <ActionMessage state={state} />
      <Button variant="primary" type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
