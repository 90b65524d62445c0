"use client";
// A shared list's choices, one "name = Label" per line in the source language; saving shows how
// many questions moved to a new version. Other languages are translated in the translators' workspace.
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { saveChoiceListAction } from "@/lib/curation/actions";
import { IDLE, doneOf, type ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";
import { Button } from "@/components/ui/Button";

export function ChoiceListEditor({
  mode,
  name,
  revision,
  initial,
  questionCount,
}: {
  mode: "create" | "update";
  name: string;
  revision: number;
  initial: string;
  questionCount: number;
}) {
  const t = useTranslations("curate.lists");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveChoiceListAction, IDLE);
  const [text, setText] = useState(initial);
  const [listName, setListName] = useState(name);
  useEffect(() => {
    const done = doneOf(state);
    if (!done) return;
    if (mode === "create") router.push(`/curate/choice-lists/${done.values?.name}`);
    else router.refresh();
  }, [state, mode, router]);
  const fieldError = (f: string) => (state && !state.ok ? state.fieldErrors?.[f] : undefined);
  return (
    <form action={action} className="editor">
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="revision" value={revision} />
      {mode === "create" ? (
        <div className="field">
          <label htmlFor="list-name">{t("name")}</label>
          <input
            id="list-name"
            name="name"
            dir="ltr"
            className="code-input"
            value={listName}
            onChange={(e) => setListName(e.target.value)}
            aria-describedby={fieldError("name") ? "list-name-error" : undefined}
          />
          {fieldError("name") && (
            <p id="list-name-error" className="field-error">
              {fieldError("name")}
            </p>
          )}
        </div>
      ) : (
        <input type="hidden" name="name" value={name} />
      )}
      <div className="field">
        <label htmlFor="choices">{t("choices")}</label>
        <p id="choices-help" className="muted">
          {t("choicesHelp")}
        </p>
        <textarea
          id="choices"
          name="choices"
          rows={8}
          dir="auto"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`choices-help${fieldError("choices") ? " choices-error" : ""}`}
        />
        {fieldError("choices") && (
          <p id="choices-error" className="field-error">
            {fieldError("choices")}
          </p>
        )}
      </div>
      {mode === "update" && <p className="muted">{t("impact", { count: questionCount })}</p>}
      <ActionMessage state={state} />
      <Button variant="primary" type="submit" disabled={pending}>
        {mode === "create" ? t("create") : t("save")}
      </Button>
    </form>
  );
}
