"use client";
// One framework entry (domain, topic or indicator): its code and its name in the four languages,
// saved with the change stamp it was read at, so that two administrators never overwrite each other.
import { useActionState, useEffect, useId } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { LANGUAGES, LANGUAGE_NAMES, directionOf, type LocalizedText } from "@/lib/i18n/languages";
import { saveFrameworkAction } from "@/lib/curation/actions";
import { IDLE, type ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";

export type FrameworkEntry = {
  kind: "domain" | "topic" | "indicator";
  code?: string;
  updatedAt?: string;
  parent?: string;
  type?: "behavioural" | "contextual";
  name?: LocalizedText;
  /** description of a domain, definition of an indicator */
  text?: LocalizedText;
};

export function FrameworkForm({ entry, parents }: { entry: FrameworkEntry; parents?: { code: string; label: string }[] }) {
  const t = useTranslations("curate.framework");
  const id = useId();
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveFrameworkAction, IDLE);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const err = (f: string) => (state && !state.ok ? state.fieldErrors?.[f] : undefined);
  const textField = entry.kind === "domain" ? "description" : entry.kind === "indicator" ? "definition" : null;
  return (
    <form action={action} className="framework-form">
      <input type="hidden" name="kind" value={entry.kind} />
      <input type="hidden" name="originalCode" value={entry.code ?? ""} />
      <input type="hidden" name="updatedAt" value={entry.updatedAt ?? ""} />
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t("code")}</label>
          <input id={`${id}-code`} name="code" dir="ltr" className="code-input" defaultValue={entry.code ?? ""} aria-invalid={!!err("code")} />
          {err("code") && <p className="field-error">{err("code")}</p>}
        </div>
        {parents && (
          <div className="field">
            <label htmlFor={`${id}-parent`}>{entry.kind === "topic" ? t("domain") : t("topic")}</label>
            <select id={`${id}-parent`} name="parent" defaultValue={entry.parent}>
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
            <select id={`${id}-type`} name="type" defaultValue={entry.type ?? "behavioural"}>
              <option value="behavioural">{t("behavioural")}</option>
              <option value="contextual">{t("contextual")}</option>
            </select>
          </div>
        )}
      </div>
      {LANGUAGES.map((l) => (
        <div className="field" key={l}>
          <label htmlFor={`${id}-name-${l}`}>{t("nameIn", { language: LANGUAGE_NAMES[l] })}</label>
          <input id={`${id}-name-${l}`} name={`name.${l}`} lang={l} dir={directionOf(l)} defaultValue={entry.name?.[l] ?? ""} aria-invalid={!!err(`name.${l}`)} />
          {err(`name.${l}`) && <p className="field-error">{err(`name.${l}`)}</p>}
        </div>
      ))}
      {textField &&
        LANGUAGES.map((l) => (
          <div className="field" key={`t-${l}`}>
            <label htmlFor={`${id}-${textField}-${l}`}>{t(`${textField}In`, { language: LANGUAGE_NAMES[l] })}</label>
            <textarea id={`${id}-${textField}-${l}`} name={`${textField}.${l}`} lang={l} dir={directionOf(l)} rows={2} defaultValue={entry.text?.[l] ?? ""} />
          </div>
        ))}
      <ActionMessage state={state} />
      <button type="submit" disabled={pending}>
        {entry.code ? t("save") : t("create")}
      </button>
    </form>
  );
}
