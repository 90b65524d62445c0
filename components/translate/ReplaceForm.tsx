"use client";
// Search and replace in one language's translations: find (plain text, optionally case-sensitive),
// preview every change as a word diff with what applying would do, deselect any, apply. The server
// re-reads each item and applies only a change that is still the one shown (replace-mutations.ts).
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { applyReplaceAction, previewReplaceAction } from "@/lib/translations/actions";
import type { BulkOutcome, ReplacePreview } from "@/lib/translations/bulk-schema";
import { FieldDiffs } from "./FieldDiffs";
import { Button } from "@/components/ui/Button";
import { BulkOutcomes, useOutcomeText } from "./BulkOutcomes";
import styles from "./translate.module.css";

export function ReplaceForm({ lang, dir }: { lang: string; dir: "ltr" | "rtl" }) {
  const t = useTranslations("translate");
  const router = useRouter();
  const why = useOutcomeText();
  const [find, setFind] = useState("");
  const [replace, setReplace] = useState("");
  const [caseSensitive, setCaseSensitive] = useState(false);
  /** The search the preview was made with: applying uses it, not whatever the fields hold now. */
  const [asked, setAsked] = useState<{ find: string; replace: string; caseSensitive: boolean } | null>(null);
  const [preview, setPreview] = useState<ReplacePreview | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<BulkOutcome[] | null>(null);
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The preview and the result take the focus when they appear (WCAG 2.4.3), and are announced.
  useEffect(() => headingRef.current?.focus(), [preview, done]);

  const fieldName = (field: string) =>
    field.startsWith("choice:")
      ? t("fields.choice", { name: field.slice(7) })
      : t(`fields.${field as "label" | "hint" | "constraintMessage"}`);

  function showPreview(e: React.FormEvent) {
    e.preventDefault();
    setError("");
    const search = { find, replace, caseSensitive };
    startTransition(async () => {
      const result = await previewReplaceAction({ lang, ...search });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setAsked(search);
      setPreview(result.data);
      setDone(null);
      setKept(new Set(result.data.items.filter((i) => i.outcome.result === "apply").map((i) => i.code)));
    });
  }

  function apply() {
    if (!preview || !asked) return;
    setError("");
    const items = preview.items
      .filter((i) => kept.has(i.code))
      .map(({ code, revision, fingerprint }) => ({ code, revision, fingerprint }));
    startTransition(async () => {
      const result = await applyReplaceAction({ lang, ...asked, items });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setPreview(null);
      setDone(result.data);
      router.refresh();
    });
  }

  return (
    <>
      <form onSubmit={showPreview} className={styles.panel} aria-labelledby="replace-form-title">
        <h2 id="replace-form-title">{t("replace.formTitle")}</h2>
        <label htmlFor="replace-find">{t("replace.find")}</label>
        <input
          id="replace-find"
          required
          maxLength={200}
          dir="auto"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
        <label htmlFor="replace-with">{t("replace.with")}</label>
        <input
          id="replace-with"
          maxLength={2000}
          dir="auto"
          value={replace}
          onChange={(e) => setReplace(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />{" "}
          {t("replace.caseSensitive")}
        </label>
        <Button variant="primary" type="submit" disabled={pending || !find}>
          {t("replace.preview")}
        </Button>
      </form>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <div role="status" aria-live="polite" aria-busy={pending}>
        {pending && <p>{t("bulk.working")}</p>}
        {preview && (
          <section aria-labelledby="replace-preview-title" className={styles.bulkPreview}>
            <h2 id="replace-preview-title" ref={headingRef} tabIndex={-1}>
              {t("replace.previewTitle", { count: preview.items.length })}
            </h2>
            {preview.total > preview.items.length && (
              <p>{t("replace.limited", { shown: preview.items.length, total: preview.total })}</p>
            )}
            {preview.items.length > 0 && (
              <>
                <ul>
                  {preview.items.map((item) => (
                    <li key={item.code} className={styles.replaceItem}>
                      <label>
                        <input
                          type="checkbox"
                          checked={kept.has(item.code)}
                          disabled={item.outcome.result === "skip"}
                          onChange={(e) =>
                            setKept((s) => {
                              const next = new Set(s);
                              if (e.target.checked) next.add(item.code);
                              else next.delete(item.code);
                              return next;
                            })
                          }
                          aria-describedby={`replace-${item.code}`}
                        />
                        <span className="code">{item.code}</span>
                      </label>{" "}
                      <Link href={`/translate/${lang}/q/${item.code}`}>{t("replace.open")}</Link>
                      <div id={`replace-${item.code}`}>
                        {item.outcome.result === "skip" && (
                          <p className={styles.error}>{t("bulk.skipped", { reason: why(item.outcome) })}</p>
                        )}
                        <FieldDiffs
                          diffs={item.changes}
                          lang={lang}
                          dir={dir}
                          fieldName={fieldName}
                          addedLabel={t("diff.added")}
                          removedLabel={t("diff.removed")}
                        />
                      </div>
                    </li>
                  ))}
                </ul>
                <div className={styles.actions}>
                  <Button variant="primary" onClick={apply} disabled={pending || kept.size === 0}>
                    {t("replace.apply", { count: kept.size })}
                  </Button>
                  <Button onClick={() => setPreview(null)} disabled={pending}>
                    {t("bulk.cancel")}
                  </Button>
                </div>
              </>
            )}
          </section>
        )}
        {done && (
          <section aria-labelledby="replace-done-title">
            <h2 id="replace-done-title" ref={headingRef} tabIndex={-1}>
              {t("replace.doneTitle")}
            </h2>
            <BulkOutcomes outcomes={done} applied={t("replace.applied")} />
          </section>
        )}
      </div>
    </>
  );
}
