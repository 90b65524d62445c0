"use client";
// One question's translation on one screen: the source beside the target for the label, the hint
// and every answer choice. The checks run before saving (and again on the server): a blocking one
// (check-policy.ts) must be corrected, a warning may be confirmed with "Save anyway"; Ctrl+Enter
// saves and opens the next item; a conflicting save shows both versions and loses neither.
import { useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { checkTranslation, type CheckCode, type CheckWarning } from "@/lib/translations/checks";
import type { SavedVersion } from "@/lib/translations/errors";
import { saveTranslationAction } from "@/lib/translations/actions";
import type { GlossaryEntry } from "@/lib/translations/glossary-schema";
import { SourceText, type SourceGlossary } from "./SourceText";
import { MemoryMatches } from "./MemoryMatches";
import type { MemoryMatch } from "@/lib/translations/memory-data";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";

type Dir = "ltr" | "rtl";
export type EditorChoice = {
  name: string;
  source: string;
  reference: string | null;
  target: string | null;
  revision: number;
  /** Its own state: a shared list's label is reviewed once, and its state shows in every question */
  status: string;
  /** The approved label the public still reads while a change to it waits for review */
  published: string | null;
};

export type EditorProps = {
  code: string;
  lang: string;
  dir: Dir;
  sourceLang: string;
  sourceDir: Dir;
  referenceLang: string | null;
  referenceDir: Dir;
  source: { label: string; hint: string | null };
  reference: { label: string; hint: string | null } | null;
  target: { label: string; hint: string | null; revision: number } | null;
  choices: EditorChoice[];
  canEdit: boolean;
  /** The checks that block a save rather than warn (the server's TRANSLATION_BLOCKING_CHECKS) */
  blockingChecks: readonly CheckCode[];
  /** The target language's glossary (empty when the source is not English: its terms are English) */
  glossary: GlossaryEntry[];
  nextQuery: Record<string, string>;
  queuePath: string;
  /** Translation memory: approved translations of similar English, per field */
  memory?: { label: MemoryMatch[]; hint: MemoryMatch[] };
};

type Values = { label: string; hint: string; choices: Record<string, string> };

function valuesOf(target: EditorProps["target"], choices: EditorChoice[]): Values {
  return {
    label: target?.label ?? "",
    hint: target?.hint ?? "",
    choices: Object.fromEntries(choices.map((c) => [c.name, c.target ?? ""])),
  };
}

export function TranslationEditor(props: EditorProps) {
  const t = useTranslations("translate");
  const tl = useTranslations("languages");
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => valuesOf(props.target, props.choices));
  const [warnings, setWarnings] = useState<CheckWarning[] | null>(null);
  const [blocking, setBlocking] = useState<CheckWarning[] | null>(null);
  // The warnings last shown, and whether that save was to go on to the next item: saving again
  // with the same warnings (the button, or Ctrl+Enter once more) means "save anyway".
  const [warned, setWarned] = useState<{ key: string; next: boolean } | null>(null);
  const [conflict, setConflict] = useState<SavedVersion | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const warningsRef = useFocusWhen<HTMLDivElement>(warnings);
  const blockingRef = useFocusWhen<HTMLDivElement>(blocking);
  const conflictRef = useFocusWhen<HTMLDivElement>(conflict);

  const fieldName = (field: string) =>
    field.startsWith("choice:")
      ? t("fields.choice", { name: field.slice(7) })
      : t(`fields.${field as "label" | "hint"}`);
  const glossary: SourceGlossary = {
    entries: props.glossary,
    lang: props.lang,
    dir: props.dir,
    tip: (approved) => t("glossary.hoverApproved", { approved }),
  };
  const warningText = (w: CheckWarning) =>
    `${fieldName(w.field)}: ${t(`checks.${w.code}`, { detail: w.detail ?? "" })}`;

  function save(goNext: boolean, acknowledge = false) {
    if (pending || !props.canEdit) return;
    setError("");
    setStatus("");
    const sourceChoices = Object.fromEntries(props.choices.map((c) => [c.name, c.source]));
    const found = checkTranslation(
      { label: props.source.label, hint: props.source.hint, choices: sourceChoices },
      { label: values.label, hint: values.hint, choices: values.choices },
      props.glossary,
      props.lang,
    );
    if (!values.label.trim()) {
      setError(t("editor.labelRequired"));
      return;
    }
    // As on the server (mutations.ts): a blocking problem holds in a field this save changes.
    const held = found.filter((w) => props.blockingChecks.includes(w.code) && written(w.field));
    if (held.length) {
      setBlocking(held);
      setWarnings(null);
      setWarned(null);
      setStatus(t("editor.blockedFound", { count: held.length }));
      return;
    }
    setBlocking(null);
    const key = JSON.stringify(found);
    if (found.length && !acknowledge && warned?.key !== key) {
      setWarnings(found);
      setWarned({ key, next: goNext });
      setStatus(t("editor.warningsFound", { count: found.length }));
      return;
    }
    const input = {
      code: props.code,
      lang: props.lang,
      label: values.label,
      hint: values.hint,
      revision: props.target?.revision ?? -1,
      // Warnings reach this point only once the person has seen them; with none, the server checks again.
      acknowledgeWarnings: found.length > 0,
      choices: props.choices
        .filter((c) => values.choices[c.name].trim() !== (c.target ?? ""))
        .map((c) => ({ name: c.name, label: values.choices[c.name], revision: c.revision })),
    };
    startTransition(async () => {
      const result = await saveTranslationAction(input, goNext ? props.nextQuery : undefined);
      if (result.ok) {
        setWarnings(null);
        setWarned(null);
        setConflict(null);
        if (goNext && result.data.next) {
          setStatus(t("editor.savedOpeningNext"));
          router.push({
            pathname: `${props.queuePath.replace(/\/queue$/, "")}/q/${result.data.next}`,
            query: props.nextQuery,
          });
        } else {
          setStatus(goNext ? t("editor.savedQueueDone") : t("editor.saved"));
          router.refresh();
        }
        return;
      }
      if (result.code === "conflict" && result.details?.current) {
        setConflict(result.details.current);
        setStatus(t("failures.conflict"));
      } else if (result.code === "warnings" && result.details?.warnings) {
        setWarnings(result.details.warnings);
      } else if (result.code === "blocked" && result.details?.warnings) {
        setBlocking(result.details.warnings);
        setWarnings(null);
        setStatus(result.message);
      } else setError(result.message);
    });
  }

  /** Whether the save changes this field (the server trims what it stores). */
  function written(field: string): boolean {
    if (field === "label") return values.label.trim() !== (props.target?.label ?? "");
    if (field === "hint") return values.hint.trim() !== (props.target?.hint ?? "");
    const name = field.slice(7);
    return (values.choices[name] ?? "").trim() !== (props.choices.find((c) => c.name === name)?.target ?? "");
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(true);
    }
  }

  function takeSaved() {
    if (!conflict) return;
    setValues({
      label: conflict.label,
      hint: conflict.hint ?? "",
      choices: { ...values.choices, ...conflict.choices },
    });
    setConflict(null);
    setStatus(t("editor.tookSaved"));
    router.refresh();
  }

  function keepMine() {
    setConflict(null);
    setStatus(t("editor.keptMine"));
    // The page reloads the saved revisions; the person's own text stays in the form, ready to save.
    router.refresh();
  }

  const textArea = (id: string, value: string, onChange: (v: string) => void, rows = 2, labelledBy?: string) => (
    <textarea
      id={id}
      name={id}
      lang={props.lang}
      dir={props.dir}
      rows={rows}
      value={value}
      readOnly={!props.canEdit}
      aria-describedby={`shortcut-help${labelledBy ? ` ${labelledBy}` : ""}`}
      onChange={(e) => onChange(e.target.value)}
      className={styles.target}
    />
  );

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

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} className={styles.editor} aria-label={t("editor.formLabel")}>
      <p id="shortcut-help" className={styles.help}>
        {t("editor.shortcut")}
      </p>

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

      {(props.source.hint || values.hint) && (
        <div className={styles.pair}>
          <div className={styles.sourceCell}>
            <p className={styles.fieldName}>
              {t("fields.hint")} ({tl("name", { language: props.sourceLang })})
            </p>
            <p className={styles.sourceText} id="src-hint">
              {props.source.hint ? (
                <SourceText
                  text={props.source.hint}
                  lang={props.sourceLang}
                  dir={props.sourceDir}
                  glossary={glossary}
                />
              ) : (
                <span className="muted">{t("editor.noHint")}</span>
              )}
            </p>
            {props.reference?.hint && (
              <p className={styles.referenceText}>
                <SourceText text={props.reference.hint} lang={props.referenceLang!} dir={props.referenceDir} />
              </p>
            )}
          </div>
          <div className={styles.targetCell}>
            <label htmlFor="hint" className={styles.fieldName}>
              {t("fields.hint")} ({tl("name", { language: props.lang })})
            </label>
            {textArea("hint", values.hint, (v) => setValues({ ...values, hint: v }), 2, "src-hint")}
            {memoryFor("hint", (v) => setValues({ ...values, hint: v }))}
          </div>
        </div>
      )}

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
                    {t("editor.publishedLabel")} <bdi lang={props.lang}>{c.published}</bdi>
                  </p>
                )}
                {textArea(
                  `choice-${c.name}`,
                  values.choices[c.name],
                  (v) => setValues({ ...values, choices: { ...values.choices, [c.name]: v } }),
                  1,
                  `src-choice-${c.name}`,
                )}
              </div>
            </div>
          ))}
        </fieldset>
      )}

      {blocking && blocking.length > 0 && (
        <div ref={blockingRef} tabIndex={-1} role="alert" className={styles.error} aria-labelledby="blocking-title">
          {/* Said in words, not only in colour: no "save anyway" here, the text must be corrected. */}
          <h3 id="blocking-title">{t("editor.blockedTitle")}</h3>
          <p>{t("editor.blockedBody")}</p>
          <ul>
            {blocking.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
        </div>
      )}

      {warnings && warnings.length > 0 && !blocking?.length && (
        <div ref={warningsRef} tabIndex={-1} role="alert" className={styles.warnings} aria-labelledby="warnings-title">
          <h3 id="warnings-title">{t("editor.warningsTitle")}</h3>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
          <Button onClick={() => save(warned?.next ?? false, true)} disabled={pending}>
            {t("editor.saveAnyway")}
          </Button>
        </div>
      )}

      {conflict && (
        <div ref={conflictRef} tabIndex={-1} role="alert" className={styles.conflict} aria-labelledby="conflict-title">
          <h3 id="conflict-title">{t("editor.conflictTitle")}</h3>
          <p>{t("editor.conflictBody", { name: conflict.updatedBy ?? t("editor.someone") })}</p>
          <div className={styles.pair}>
            <section aria-labelledby="mine-title" className={styles.sourceCell}>
              <h4 id="mine-title">{t("editor.yourVersion")}</h4>
              <p lang={props.lang} dir={props.dir}>
                {values.label}
              </p>
              {values.hint && (
                <p lang={props.lang} dir={props.dir} className="muted">
                  {values.hint}
                </p>
              )}
            </section>
            <section aria-labelledby="saved-title" className={styles.targetCell}>
              <h4 id="saved-title">{t("editor.savedVersion", { state: t(`states.${conflict.status as "draft"}`) })}</h4>
              <p lang={props.lang} dir={props.dir}>
                {conflict.label}
              </p>
              {conflict.hint && (
                <p lang={props.lang} dir={props.dir} className="muted">
                  {conflict.hint}
                </p>
              )}
            </section>
          </div>
          <Button variant="primary" onClick={keepMine}>
            {t("editor.keepMine")}
          </Button>{" "}
          <Button onClick={takeSaved}>{t("editor.useSaved")}</Button>
        </div>
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
        <div className={styles.actions}>
          <Button variant="primary" type="submit" disabled={pending}>
            {t("editor.save")}
          </Button>
          <Button onClick={() => save(true)} disabled={pending} aria-keyshortcuts="Control+Enter Meta+Enter">
            {t("editor.saveNext")}
          </Button>
        </div>
      ) : (
        <p className="muted">{t("editor.readOnly")}</p>
      )}
    </form>
  );
}
