import type { ReactNode } from "react";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { formLanguageFor } from "@/lib/xlsform/bank-languages";
import { METADATA_TYPES, parseType, type FormModel, type SurveyNode } from "@/lib/xlsform/form";
import type { RespondentTexts } from "./respondent-texts";

/** Rows a respondent never sees: calculations, hidden values and what the device records itself. */
const UNSEEN = new Set(["calculate", "hidden", "xml-external", "csv-external", ...METADATA_TYPES]);

/**
 * A questionnaire's own (imported) form as it reads on paper, in one language: groups and repeats
 * as headed sections, each question with its hint, a box per choice, and its skip condition as the
 * form writes it (an XPath expression, shown as code rather than put in words). Calculations and
 * metadata are left out, as a respondent never sees them.
 */
export function OwnFormPaper({
  form,
  lang,
  defaultLanguage,
  texts,
}: {
  form: FormModel;
  lang: Language;
  defaultLanguage: Language;
  texts: RespondentTexts;
}) {
  const formLanguage = formLanguageFor(form, lang, defaultLanguage);
  const fallback = form.languages.find((l) => l.isDefault)?.name ?? form.languages[0]?.name;
  // Text in the shown language; where the form has none, its default language's, marked as such.
  const text = (texts?: Record<string, string>): { text: string; own: boolean } | null => {
    if (formLanguage && texts?.[formLanguage]?.trim()) return { text: texts[formLanguage], own: true };
    const other = (fallback && texts?.[fallback]) || Object.values(texts ?? {}).find((t) => t.trim());
    return other ? { text: other, own: false } : null;
  };
  const lists = new Map(form.choiceLists.map((l) => [l.name, l]));
  let number = 0;

  const condition = (relevant?: string) =>
    relevant ? (
      <p className="paper-condition">
        {texts.askedIf}{" "}
        <code dir="ltr" className="code">
          {relevant}
        </code>
      </p>
    ) : null;

  const render = (nodes: SurveyNode[], depth: number): ReactNode[] =>
    nodes.map((node, i) => {
      const key = `${node.row}-${node.name}-${i}`;
      if (node.kind === "skipped") return null;
      const label = text(node.texts.label);
      if (node.kind !== "question") {
        const Heading = depth === 0 ? "h3" : "h4";
        return (
          <li key={key} className="paper-item paper-own-group">
            <Heading lang={label?.own ? undefined : fallback} dir="auto">
              {label?.text ?? node.name}
            </Heading>
            {condition(node.values.relevant)}
            <ol className="paper-items">{render(node.children, depth + 1)}</ol>
          </li>
        );
      }
      const parsed = parseType(node.type);
      const base = parsed.kind === "question" ? parsed.type : "";
      if (UNSEEN.has(base)) return null;
      const isNote = base === "note";
      if (!isNote) number++;
      const hint = text(node.texts.hint);
      const choices = parsed.kind === "select" ? (lists.get(parsed.listName)?.choices ?? []) : null;
      return (
        <li key={key} className={`paper-item${isNote ? " paper-note" : ""}`}>
          <p className="paper-label">
            {!isNote && <span className="paper-number">{number}. </span>}
            <span dir="auto">{label?.text ?? node.name}</span>
            {/^(yes|true|true\(\))$/i.test(node.values.required ?? "") && <span> ({texts.required})</span>}
            {label && !label.own && <span className="badge badge--missing">{texts.missing}</span>}
          </p>
          {hint && (
            <p className="paper-hint" dir="auto">
              {hint.text}
            </p>
          )}
          {condition(node.values.relevant)}
          {choices && parsed.kind === "select" && (
            <>
              <p className="paper-hint">
                {parsed.select.startsWith("select_multiple") ? texts.chooseAny : texts.chooseOne}
              </p>
              <ul className="paper-choices">
                {choices.map((c, j) => (
                  <li key={`${c.name}-${j}`}>
                    <span
                      className={parsed.select.startsWith("select_multiple") ? "paper-box" : "paper-circle"}
                      aria-hidden="true"
                    />{" "}
                    <span dir="auto">{text(c.texts.label)?.text ?? c.name}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {!choices && !isNote && (
            <div
              className={base === "text" ? "paper-lines" : "paper-answer-box"}
              role="img"
              aria-label={texts.answer}
            />
          )}
        </li>
      );
    });

  return (
    <section className="paper-section" lang={lang} dir={directionOf(lang)}>
      <ol className="paper-items">{render(form.survey, 0)}</ol>
    </section>
  );
}
