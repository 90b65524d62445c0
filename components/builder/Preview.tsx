"use client";
// The questionnaire as a respondent sees it, in one of its languages: answer it and the skip logic
// shows and hides questions as it would in the field. Nothing typed here is saved.
import { useState } from "react";
import { directionOf, type Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc, QuestionnaireItemDoc } from "@/lib/questionnaires/model";
import { parseNumericConstraint } from "@/lib/builder/schema";
import { visibleNames, type Answer, type Answers } from "@/lib/builder/skip-logic";
import { textIn, type ShownText } from "./doc-text";
import type { RespondentTexts } from "./respondent-texts";
import { HazardText } from "@/components/hazards/HazardText";

function Shown({ value, texts }: { value: ShownText | null; texts: RespondentTexts }) {
  if (!value) return null;
  return (
    <>
      <span lang={value.lang} dir="auto">
        <HazardText text={value.text} />
      </span>
      {value.missing && <span className="badge badge--missing">{texts.missing}</span>}
    </>
  );
}

export function Preview({ doc, lang, texts }: { doc: QuestionnaireDoc; lang: Language; texts: RespondentTexts }) {
  const [answers, setAnswers] = useState<Answers>({});
  const shown = visibleNames(doc.sections, answers);
  const lists = new Map(doc.choiceLists.map((l) => [l.name, l]));
  const set = (name: string, value: Answer) => setAnswers((a) => ({ ...a, [name]: value }));
  const tx = (field: QuestionnaireItemDoc["label"]) => textIn(field, lang, doc.defaultLanguage);

  const question = (item: QuestionnaireItemDoc) => {
    const id = `q-${item.name}`;
    const label = (
      <>
        <Shown value={tx(item.label)} texts={texts} />
        {item.required && <span className="required-mark"> ({texts.required})</span>}
      </>
    );
    const hint = tx(item.hint) ? (
      <p className="muted" id={`${id}-hint`}>
        <Shown value={tx(item.hint)} texts={texts} />
      </p>
    ) : null;
    const describedBy = hint ? `${id}-hint` : undefined;
    const answer = answers[item.name];
    if (item.type === "note") {
      return (
        <div className="respondent-note" key={item.name}>
          <p>{label}</p>
          {hint}
        </div>
      );
    }
    if (item.type === "select_one" || item.type === "select_multiple") {
      const many = item.type === "select_multiple";
      const chosen = Array.isArray(answer) ? answer : answer ? [answer] : [];
      return (
        <fieldset key={item.name} className="respondent-question" aria-describedby={describedBy}>
          <legend>{label}</legend>
          {hint}
          <p className="muted">{many ? texts.chooseAny : texts.chooseOne}</p>
          {(lists.get(item.listName ?? "")?.choices ?? []).map((c) => {
            const cid = `${id}-${c.name}`;
            return (
              <p key={c.name} className="choice">
                <input
                  id={cid}
                  type={many ? "checkbox" : "radio"}
                  name={item.name}
                  value={c.name}
                  checked={chosen.includes(c.name)}
                  onChange={(e) =>
                    set(
                      item.name,
                      many ? (e.target.checked ? [...chosen, c.name] : chosen.filter((x) => x !== c.name)) : c.name,
                    )
                  }
                />{" "}
                <label htmlFor={cid}>
                  <Shown value={tx(c.label)} texts={texts} />
                </label>
              </p>
            );
          })}
        </fieldset>
      );
    }
    const numeric = item.type === "integer" || item.type === "decimal";
    const range = numeric ? parseNumericConstraint(item.constraint) : null;
    const value = typeof answer === "string" ? answer : "";
    const out =
      range &&
      value !== "" &&
      ((range.min !== null && Number(value) < range.min) || (range.max !== null && Number(value) > range.max));
    return (
      <div key={item.name} className="respondent-question">
        <p>
          <label htmlFor={id}>{label}</label>
        </p>
        {hint}
        <input
          id={id}
          type={numeric ? "number" : item.type === "date" ? "date" : "text"}
          step={item.type === "decimal" ? "any" : undefined}
          value={value}
          onChange={(e) => set(item.name, e.target.value)}
          aria-describedby={[describedBy, out ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined}
          aria-invalid={out ? true : undefined}
        />
        {out && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {tx(item.constraintMessage)?.text ?? texts.outOfRange}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="respondent" lang={lang} dir={directionOf(lang)} onSubmit={(e) => e.preventDefault()}>
      {doc.sections
        .filter((s) => shown.has(s.name))
        .map((s) => (
          <section key={s.name} aria-labelledby={`preview-${s.name}`} className="respondent-section">
            <h2 id={`preview-${s.name}`}>
              <Shown value={tx(s.title)} texts={texts} />
            </h2>
            {s.items.filter((i) => shown.has(i.name)).map(question)}
          </section>
        ))}
    </form>
  );
}
