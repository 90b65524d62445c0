"use client";
// One framework entry (domain, topic or indicator): its code and its name in the four languages,
// saved with the revision it was read at. When another administrator saved it meanwhile, the save
// is refused and both versions are shown; what this administrator typed stays in the form.
import { useActionState, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { LANGUAGES, directionOf, type Language, type LocalizedText } from "@/lib/i18n/languages";
import { saveFrameworkAction } from "@/lib/curation/actions";
import { IDLE, doneOf, failureOf, type ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";
import { FrameworkConflict } from "./FrameworkConflict";
import { frameworkValues, valuesOfSaved, type FrameworkValues } from "./framework-values";
import { Button } from "@/components/ui/Button";

export type FrameworkEntry = {
  kind: "domain" | "topic" | "indicator";
  code?: string;
  revision?: number;
  parent?: string;
  type?: "behavioural" | "contextual";
  name?: LocalizedText;
  /** description of a domain, definition of an indicator */
  text?: LocalizedText;
};

export function FrameworkForm({
  entry,
  parents,
}: {
  entry: FrameworkEntry;
  parents?: { code: string; label: string }[];
}) {
  const t = useTranslations("curate.framework");
  const id = useId();
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveFrameworkAction, IDLE);
  const [values, setValues] = useState<FrameworkValues>(() => frameworkValues(entry));
  const [revision, setRevision] = useState(entry.revision);
  const [resolved, setResolved] = useState<ActionState | null>(null);
  // The page re-read the entry (after a save or a retire here): an untouched form follows it; a
  // form with unsaved typing keeps its own revision, so its save meets the conflict and shows both.
  const [read, setRead] = useState({ revision: entry.revision, values: values });
  if (entry.revision !== read.revision) {
    const fresh = frameworkValues(entry);
    setRead({ revision: entry.revision, values: fresh });
    if (JSON.stringify(values) === JSON.stringify(read.values)) {
      setValues(fresh);
      setRevision(entry.revision);
    }
  }
  // A new answer of the action: after a save, an edit goes on from the revision it made and a
  // creation form empties for the next entry (adjusted while rendering, not in an effect).
  const [answered, setAnswered] = useState<ActionState>(state);
  if (state !== answered) {
    setAnswered(state);
    const done = doneOf(state);
    if (done && entry.code) setRevision(Number(done.values?.revision));
    else if (done) setValues(frameworkValues({ parent: entry.parent }));
  }
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const err = (f: string) => (state && !state.ok ? state.fieldErrors?.[f] : undefined);
  const failure = failureOf(state);
  const saved =
    failure?.code === "conflict" && failure.details?.saved && resolved !== state ? failure.details.saved : null;
  const textField = entry.kind === "domain" ? "description" : entry.kind === "indicator" ? "definition" : null;
  const setName = (l: Language, v: string) => setValues((x) => ({ ...x, name: { ...x.name, [l]: v } }));
  const setText = (l: Language, v: string) => setValues((x) => ({ ...x, text: { ...x.text, [l]: v } }));
  return (
    <form action={action} className="framework-form">
      <input type="hidden" name="kind" value={entry.kind} />
      <input type="hidden" name="originalCode" value={entry.code ?? ""} />
      <input type="hidden" name="revision" value={revision ?? ""} />
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t("code")}</label>
          <input
            id={`${id}-code`}
            name="code"
            dir="ltr"
            className="code-input"
            value={values.code}
            onChange={(e) => setValues((x) => ({ ...x, code: e.target.value }))}
            aria-invalid={!!err("code")}
          />
          {err("code") && <p className="field-error">{err("code")}</p>}
        </div>
        {parents && (
          <div className="field">
            <label htmlFor={`${id}-parent`}>{entry.kind === "topic" ? t("domain") : t("topic")}</label>
            <select
              id={`${id}-parent`}
              name="parent"
              value={values.parent}
              onChange={(e) => setValues((x) => ({ ...x, parent: e.target.value }))}
            >
              {parents.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} {p.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {entry.kind === "indicator" && (
          <div className="field">
            <label htmlFor={`${id}-type`}>{t("type")}</label>
            <select
              id={`${id}-type`}
              name="type"
              value={values.type}
              onChange={(e) => setValues((x) => ({ ...x, type: e.target.value as FrameworkValues["type"] }))}
            >
              <option value="behavioural">{t("behavioural")}</option>
              <option value="contextual">{t("contextual")}</option>
            </select>
          </div>
        )}
      </div>
      {LANGUAGES.map((l) => (
        <div className="field" key={l}>
          <label htmlFor={`${id}-name-${l}`}>{t("nameIn", { language: l })}</label>
          <input
            id={`${id}-name-${l}`}
            name={`name.${l}`}
            lang={l}
            dir={directionOf(l)}
            value={values.name[l]}
            onChange={(e) => setName(l, e.target.value)}
            aria-invalid={!!err(`name.${l}`)}
          />
          {err(`name.${l}`) && <p className="field-error">{err(`name.${l}`)}</p>}
        </div>
      ))}
      {textField &&
        LANGUAGES.map((l) => (
          <div className="field" key={`t-${l}`}>
            <label htmlFor={`${id}-${textField}-${l}`}>{t(`${textField}In`, { language: l })}</label>
            <textarea
              id={`${id}-${textField}-${l}`}
              name={`${textField}.${l}`}
              lang={l}
              dir={directionOf(l)}
              rows={2}
              value={values.text[l]}
              onChange={(e) => setText(l, e.target.value)}
            />
          </div>
        ))}
      {saved ? (
        <FrameworkConflict
          mine={values}
          saved={saved}
          onKeepMine={() => {
            setRevision(saved.revision);
            setResolved(state);
          }}
          onTakeSaved={() => {
            setValues(valuesOfSaved(saved));
            setRevision(saved.revision);
            setResolved(state);
          }}
        />
      ) : (
        resolved !== state && <ActionMessage state={state} />
      )}
      <Button variant="primary" type="submit" disabled={pending}>
        {entry.code ? t("save") : t("create")}
      </Button>
    </form>
  );
}
