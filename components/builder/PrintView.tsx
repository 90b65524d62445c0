import type { ReactNode } from "react";
import { directionOf, type Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc, QuestionnaireItemDoc } from "@/lib/questionnaires/model";
import { relevanceInWords, textIn } from "./doc-text";
import type { RespondentTexts } from "./respondent-texts";
import { HazardText } from "@/components/hazards/HazardText";

/**
 * A paper questionnaire in one language: numbered questions, a box per answer choice, lines or
 * boxes to write in, and the skip instructions in words ("Ask only if …").
 */
export function PrintView({
  doc,
  lang,
  texts,
  title,
  children,
}: {
  doc: QuestionnaireDoc;
  lang: Language;
  texts: RespondentTexts;
  title: string;
  /** The questionnaire's own form, printed before the bank's sections */
  children?: ReactNode;
}) {
  const lists = new Map(doc.choiceLists.map((l) => [l.name, l]));
  const tx = (field: QuestionnaireItemDoc["label"]) => textIn(field, lang, doc.defaultLanguage);
  let number = 0;
  const item = (it: QuestionnaireItemDoc) => {
    const label = tx(it.label);
    const hint = tx(it.hint);
    if (it.type !== "note") number++;
    return (
      <li key={it.name} className={`paper-item${it.type === "note" ? " paper-note" : ""}`}>
        <p className="paper-label">
          {it.type !== "note" && <span className="paper-number">{number}. </span>}
          <span lang={label?.lang}>
            {/* Without a chosen hazard the bank's placeholders show as slots, as in the preview. */}
            <HazardText text={label?.text ?? ""} />
          </span>
          {it.required && <span> ({texts.required})</span>}
          {label?.missing && <span className="badge badge--missing">{texts.missing}</span>}
        </p>
        {hint && (
          <p className="paper-hint">
            <HazardText text={hint.text} />
          </p>
        )}
        {it.relevant && (
          <p className="paper-condition">
            {texts.askedIf} {relevanceInWords(it.relevant, doc, lang, texts)}
          </p>
        )}
        {it.listName && (
          <>
            <p className="paper-hint">{it.type === "select_multiple" ? texts.chooseAny : texts.chooseOne}</p>
            <ul className="paper-choices">
              {(lists.get(it.listName)?.choices ?? []).map((c) => (
                <li key={c.name}>
                  <span className={it.type === "select_multiple" ? "paper-box" : "paper-circle"} aria-hidden="true" />{" "}
                  <HazardText text={tx(c.label)?.text ?? c.name} />
                </li>
              ))}
            </ul>
          </>
        )}
        {!it.listName && it.type !== "note" && (
          <div
            className={it.type === "text" ? "paper-lines" : "paper-answer-box"}
            role="img"
            aria-label={texts.answer}
          />
        )}
      </li>
    );
  };
  return (
    <article className="paper" lang={lang} dir={directionOf(lang)}>
      <h2 className="paper-title">{title}</h2>
      {children}
      {doc.sections.map((s) => (
        <section key={s.name} className="paper-section" aria-labelledby={`paper-${s.name}`}>
          <h3 id={`paper-${s.name}`}>{tx(s.title)?.text ?? s.name}</h3>
          {s.relevant && (
            <p className="paper-condition">
              {texts.askedIf} {relevanceInWords(s.relevant, doc, lang, texts)}
            </p>
          )}
          <ol className="paper-items">{s.items.map(item)}</ol>
        </section>
      ))}
    </article>
  );
}
