"use client";
// One question's translation on one screen: the source beside the target for the label, the hint,
// the constraint message (while the question has a constraint) and every answer choice. The checks run before saving (and again on the server): a blocking one
// (check-policy.ts) must be corrected, a warning may be confirmed with "Save anyway"; Ctrl+Enter
// saves and opens the next item; a conflicting save shows both versions and loses neither.
// The form model lives in useTranslationForm.ts, the props and values in translation-form-values.ts,
// the checks' findings in CheckProblems.tsx and a conflicting save in SaveConflict.tsx.
import { useTranslations } from "next-intl";
import type { CheckWarning } from "@/lib/translations/checks";
import { SourceText, type SourceGlossary } from "./SourceText";
import { MemoryMatches } from "./MemoryMatches";
import { MachineSuggestions } from "./MachineSuggestions";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";
import type { EditorProps } from "./translation-form-values";
import { useTranslationForm } from "./useTranslationForm";
import { CheckProblems } from "./CheckProblems";
import { HazardText } from "@/components/hazards/HazardText";
import { usesHazard } from "@/lib/hazards/placeholder";
import { SaveConflict } from "./SaveConflict";

export type { EditorChoice, EditorProps } from "./translation-form-values";

export function TranslationEditor(props: EditorProps) {
  const t = useTranslations("translate");
  const tl = useTranslations("languages");
  const th = useTranslations("hazardText");
  // The fields stay raw text (the checks count the [[hazard]] tokens): a line says what they mean.
  const namesHazard = [props.source.label, props.source.hint, ...props.choices.map((c) => c.source)].some(usesHazard);
  const {
    values,
    setValues,
    warnings,
    blocking,
    liveBlocking,
    warned,
    conflict,
    status,
    error,
    pending,
    warningsRef,
    blockingRef,
    conflictRef,
    save,
    onSubmit,
    onKeyDown,
    takeSaved,
    keepMine,
    fillFromMachine,
  } = useTranslationForm(props);

  const fieldName = (field: string) =>
    field.startsWith("choice:")
      ? t("fields.choice", { name: field.slice(7) })
      : t(`fields.${field as "label" | "hint" | "constraintMessage"}`);
  const glossary: SourceGlossary = {
    entries: props.glossary,
    lang: props.lang,
    dir: props.dir,
    tip: (approved) => t("glossary.hoverApproved", { approved }),
  };
  const warningText = (w: CheckWarning) =>
    `${fieldName(w.field)}: ${t(`checks.${w.code}`, { detail: w.detail ?? "" })}`;

  // A blocking problem is said beside its field, and the field points at it (aria-describedby).
  const problemsOf = (field: string) => liveBlocking.filter((w) => w.field === field);
  const textArea = (
    id: string,
    value: string,
    onChange: (v: string) => void,
    rows = 2,
    labelledBy?: string,
    field: string = id,
  ) => {
    const problems = problemsOf(field);
    const described = [
      "shortcut-help",
      namesHazard ? "hazard-help" : null,
      labelledBy,
      problems.length ? `blocked-${id}` : null,
    ].filter(Boolean);
    return (
      <>
        <textarea
          id={id}
          name={id}
          lang={props.lang}
          dir={props.dir}
          rows={rows}
          value={value}
          readOnly={!props.canEdit}
          aria-describedby={described.join(" ")}
          aria-invalid={problems.length ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
          className={styles.target}
        />
        {problems.length > 0 && (
          <ul id={`blocked-${id}`} className={styles.error}>
            {problems.map((w, i) => (
              <li key={i}>
                {t("import.blockingProblem")} {t(`checks.${w.code}`, { detail: w.detail ?? "" })}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };
  const blocked = liveBlocking.length > 0;

  const memoryFor = (field: "label" | "hint", onUse: (v: string) => void) => (
    <MemoryMatches
      field={field}
      matches={props.memory?.[field] ?? []}
      lang={props.lang}
      dir={props.dir}
      sourceLang={props.sourceLang}
      sourceDir={props.sourceDir}
      canUse={props.canEdit}
      onUse={onUse}
    />
  );

  /** A field beside the label (hint, constraint message): its source beside its target, like the label's. */
  const extraPair = (field: "hint" | "constraintMessage") => (
    <div className={styles.pair}>
      <div className={styles.sourceCell}>
        <p className={styles.fieldName}>
          {t(`fields.${field}`)} ({tl("name", { language: props.sourceLang })})
        </p>
        <p className={styles.sourceText} id={`src-${field}`}>
          {props.source[field] ? (
            <SourceText text={props.source[field]} lang={props.sourceLang} dir={props.sourceDir} glossary={glossary} />
          ) : (
            <span className="muted">{t("editor.noHint")}</span>
          )}
        </p>
        {props.reference?.[field] && (
          <p className={styles.referenceText}>
            <SourceText text={props.reference[field]} lang={props.referenceLang!} dir={props.referenceDir} />
          </p>
        )}
      </div>
      <div className={styles.targetCell}>
        <label htmlFor={field} className={styles.fieldName}>
          {t(`fields.${field}`)} ({tl("name", { language: props.lang })})
        </label>
        {textArea(field, values[field], (v) => setValues({ ...values, [field]: v }), 2, `src-${field}`)}
        {field === "hint" && memoryFor("hint", (v) => setValues({ ...values, hint: v }))}
      </div>
    </div>
  );

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} className={styles.editor} aria-label={t("editor.formLabel")}>
      <p id="shortcut-help" className={styles.help}>
        {t("editor.shortcut")}
      </p>
      {namesHazard && (
        <p id="hazard-help" className={styles.help}>
          {th("translatorHint", { slot: th("slot") })}
        </p>
      )}

      {/* Machine translation: only when the server has a provider, and for who may edit. */}
      {props.canEdit && props.machineTranslation && (
        <MachineSuggestions
          code={props.code}
          lang={props.lang}
          dir={props.dir}
          sourceLang={props.sourceLang}
          sourceDir={props.sourceDir}
          provider={props.machineTranslation}
          fieldName={fieldName}
          onUse={fillFromMachine}
        />
      )}

      <div className={styles.pair}>
        <div className={styles.sourceCell}>
          <p className={styles.fieldName} id="src-label-name">
            {t("fields.label")} ({tl("name", { language: props.sourceLang })})
          </p>
          <p className={styles.sourceText} id="src-label">
            <SourceText text={props.source.label} lang={props.sourceLang} dir={props.sourceDir} glossary={glossary} />
          </p>
          {props.reference && (
            <p className={styles.referenceText}>
              <SourceText text={props.reference.label} lang={props.referenceLang!} dir={props.referenceDir} />
            </p>
          )}
        </div>
        <div className={styles.targetCell}>
          <label htmlFor="label" className={styles.fieldName}>
            {t("fields.label")} ({tl("name", { language: props.lang })})
          </label>
          {textArea("label", values.label, (v) => setValues({ ...values, label: v }), 3, "src-label")}
          {memoryFor("label", (v) => setValues({ ...values, label: v }))}
        </div>
      </div>

      {/* A hint left without its English is shown to be cleared; a constraint message is asked for only while the question has a constraint. */}
      {(props.source.hint || values.hint) && extraPair("hint")}
      {props.source.constraintMessage && extraPair("constraintMessage")}

      {props.choices.length > 0 && (
        <fieldset className={styles.choices}>
          <legend>{t("editor.choices")}</legend>
          {props.choices.map((c) => (
            <div className={styles.pair} key={c.name}>
              <div className={styles.sourceCell}>
                <p className={styles.sourceText} id={`src-choice-${c.name}`}>
                  <span className="code">{c.name}</span>{" "}
                  <SourceText text={c.source} lang={props.sourceLang} dir={props.sourceDir} glossary={glossary} />
                </p>
                {c.reference && (
                  <p className={styles.referenceText}>
                    <SourceText text={c.reference} lang={props.referenceLang!} dir={props.referenceDir} />
                  </p>
                )}
              </div>
              <div className={styles.targetCell}>
                <label htmlFor={`choice-${c.name}`} className={styles.fieldName}>
                  {t("fields.choice", { name: c.name })} ({tl("name", { language: props.lang })}) ·{" "}
                  {t(`states.${c.status as "draft"}`)}
                </label>
                {c.published !== null && (
                  <p className={styles.referenceText}>
                    {t("editor.publishedLabel")}{" "}
                    <bdi lang={props.lang}>
                      <HazardText text={c.published} showToken />
                    </bdi>
                  </p>
                )}
                {textArea(
                  `choice-${c.name}`,
                  values.choices[c.name],
                  (v) => setValues({ ...values, choices: { ...values.choices, [c.name]: v } }),
                  1,
                  `src-choice-${c.name}`,
                  `choice:${c.name}`,
                )}
              </div>
            </div>
          ))}
        </fieldset>
      )}

      <CheckProblems
        blocking={blocking}
        warnings={warnings}
        blockingRef={blockingRef}
        warningsRef={warningsRef}
        warningText={warningText}
        onSaveAnyway={() => save(warned?.next ?? false, true)}
        pending={pending}
      />

      {conflict && (
        <SaveConflict
          conflict={conflict}
          conflictRef={conflictRef}
          values={values}
          lang={props.lang}
          dir={props.dir}
          keepMine={keepMine}
          takeSaved={takeSaved}
        />
      )}

      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {pending ? t("editor.saving") : status}
      </p>

      {props.canEdit ? (
        <>
          {/* Why saving is off, said in words next to the buttons they describe. */}
          {blocked && (
            <div id="blocked-reason" className={styles.error}>
              <p>{t("editor.blockedFound", { count: liveBlocking.length })}</p>
              <ul>
                {liveBlocking.map((w, i) => (
                  <li key={i}>{warningText(w)}</li>
                ))}
              </ul>
            </div>
          )}
          <div className={styles.actions}>
            <Button
              variant="primary"
              type="submit"
              disabled={pending || blocked}
              aria-describedby={blocked ? "blocked-reason" : undefined}
            >
              {t("editor.save")}
            </Button>
            <Button
              onClick={() => save(true)}
              disabled={pending || blocked}
              aria-describedby={blocked ? "blocked-reason" : undefined}
              aria-keyshortcuts="Control+Enter Meta+Enter"
            >
              {t("editor.saveNext")}
            </Button>
          </div>
        </>
      ) : (
        <p className="muted">{t("editor.readOnly")}</p>
      )}
    </form>
  );
}
