"use client";
// The glossary's terms with, for its keepers, a form to add or edit one and a delete button. A
// save or delete that meets someone else's change shows the saved term beside the person's own,
// so nothing typed is lost. Target-language cells carry the language's lang and dir.
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { deleteGlossaryTermAction, saveGlossaryTermAction, type TermInput } from "@/lib/translations/glossary-actions";
import type { GlossaryRow } from "@/lib/translations/glossary-data";
import styles from "./translate.module.css";

type Dir = "ltr" | "rtl";
type Draft = Omit<TermInput, "lang">;
const EMPTY: Draft = { term: "", approved: "", forms: "", forbidden: "", except: "", note: "", domain: "general" };
const draftOf = (row: GlossaryRow): Draft => ({
  id: row.id,
  revision: row.revision,
  term: row.term,
  approved: row.approved,
  forms: row.forms.join("\n"),
  forbidden: row.forbidden.join("\n"),
  except: row.except.join("\n"),
  note: row.note,
  domain: row.domain,
});

export function GlossaryTerms(props: {
  lang: string;
  dir: Dir;
  rows: GlossaryRow[];
  canEdit: boolean;
  domains: string[];
}) {
  const t = useTranslations("translate.glossary");
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState<{ current: GlossaryRow | null } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const formRef = useFocusWhen<HTMLFormElement>(draft && !draft.term ? "new" : draft?.id);
  const conflictRef = useFocusWhen<HTMLDivElement>(conflict);
  const { lang, dir } = props;

  function open(next: Draft) {
    setDraft(next);
    setConflict(null);
    setErrors({});
    setError("");
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    startTransition(async () => {
      const result = await saveGlossaryTermAction({ ...draft, lang });
      if (result.ok) {
        setDraft(null);
        setConflict(null);
        setMessage(t("saved"));
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      if (result.code === "conflict") setConflict({ current: result.details?.current ?? null });
      else setError(result.message);
    });
  }

  function onDelete(row: GlossaryRow) {
    if (!window.confirm(t("confirmDelete", { term: row.term }))) return;
    startTransition(async () => {
      const result = await deleteGlossaryTermAction({ id: row.id, lang, revision: row.revision });
      if (result.ok) {
        setMessage(t("deleted"));
        router.refresh();
      } else setError(result.message);
    });
  }

  const field = (name: keyof Draft, label: string, options: { list?: boolean; target?: boolean } = {}) => {
    const id = `glossary-${name}`;
    const value = String(draft?.[name] ?? "");
    const change = (v: string) => setDraft((d) => d && { ...d, [name]: v });
    const described = [options.list ? `${id}-help` : "", errors[name] ? `${id}-error` : ""].filter(Boolean).join(" ");
    const common = {
      id,
      name,
      value,
      lang: options.target ? lang : name === "note" ? undefined : "en",
      dir: options.target ? dir : name === "note" ? undefined : ("ltr" as const),
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": described || undefined,
    };
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        {options.list || name === "note" ? (
          <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
        ) : (
          <input
            {...common}
            list={name === "domain" ? "glossary-domains" : undefined}
            onChange={(e) => change(e.target.value)}
          />
        )}
        {options.list && (
          <p id={`${id}-help`} className={styles.help}>
            {t("listHelp")}
          </p>
        )}
        {errors[name] && (
          <p id={`${id}-error`} className={styles.error}>
            {errors[name]}
          </p>
        )}
      </div>
    );
  };

  return (
    <>
      <p role="status" aria-live="polite" className={styles.status}>
        {message}
      </p>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {props.canEdit && !draft && (
        <button type="button" onClick={() => open(EMPTY)}>
          {t("add")}
        </button>
      )}
      {draft && (
        <form
          ref={formRef}
          tabIndex={-1}
          onSubmit={onSave}
          className={styles.panel}
          aria-labelledby="glossary-form-title"
        >
          <h2 id="glossary-form-title">{draft.id ? t("editTitle", { term: draft.term }) : t("add")}</h2>
          {field("term", t("term"))}
          {field("approved", t("approved"), { target: true })}
          {field("forms", t("forms"), { list: true, target: true })}
          {field("forbidden", t("forbidden"), { list: true, target: true })}
          {field("except", t("except"), { list: true })}
          {field("note", t("note"))}
          {field("domain", t("domain"))}
          <datalist id="glossary-domains">
            {props.domains.map((d) => (
              <option key={d} value={d} label={t("domainName", { domain: d })} />
            ))}
          </datalist>
          {conflict && (
            <div ref={conflictRef} tabIndex={-1} role="alert" className={styles.panel}>
              <h3>{t("conflictTitle")}</h3>
              <p>
                {t("theirs")}:{" "}
                {conflict.current ? (
                  <span lang={lang} dir={dir}>
                    {conflict.current.approved} ({conflict.current.forbidden.join(", ")})
                  </span>
                ) : (
                  t("goneNow")
                )}
              </p>
              <p>
                {t("yours")}:{" "}
                <span lang={lang} dir={dir}>
                  {draft.approved}
                </span>
              </p>
              {conflict.current && (
                <button type="button" onClick={() => open(draftOf(conflict.current!))}>
                  {t("useSaved")}
                </button>
              )}
            </div>
          )}
          <button type="submit" disabled={pending}>
            {t("save")}
          </button>{" "}
          <button type="button" onClick={() => setDraft(null)}>
            {t("cancel")}
          </button>
        </form>
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("caption", { count: props.rows.length })}>
        <table>
          <caption>{t("caption", { count: props.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("term")}</th>
              <th scope="col">{t("approved")}</th>
              <th scope="col">{t("forbidden")}</th>
              <th scope="col">{t("domain")}</th>
              <th scope="col">{t("note")}</th>
              {props.canEdit && <th scope="col">{t("actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" lang="en" dir="ltr">
                  {row.term}
                </th>
                <td lang={lang} dir={dir}>
                  {row.approved}
                  {row.forms.length > 0 && <span className={styles.help}> ({row.forms.join(", ")})</span>}
                </td>
                <td lang={lang} dir={dir}>
                  {row.forbidden.join(", ")}
                </td>
                <td>{t("domainName", { domain: row.domain })}</td>
                {/* Notes are written in any language: each keeps its own direction inside an Arabic page. */}
                <td dir="auto">{row.note}</td>
                {props.canEdit && (
                  <td>
                    <button type="button" onClick={() => open(draftOf(row))} aria-label={`${t("edit")}: ${row.term}`}>
                      {t("edit")}
                    </button>{" "}
                    <button
                      type="button"
                      onClick={() => onDelete(row)}
                      aria-label={`${t("delete")}: ${row.term}`}
                      disabled={pending}
                    >
                      {t("delete")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 && <p>{t("none")}</p>}
    </>
  );
}
