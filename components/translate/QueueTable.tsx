"use client";
// The queue's table with its bulk actions: a translator selects drafts and submits them for review,
// a reviewer approves or sends back the texts in review. Nothing is written before the preview,
// which says per item what will happen and what will be skipped and why (the server runs the very
// step and rolls it back); confirming applies it, item by item (lib/translations/bulk-mutations.ts).
// Each row also says whether its thread has comments, and how many are new since your last reply.
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { SOURCE_LANGUAGE } from "@/lib/i18n/languages";
import { bulkTransitionAction } from "@/lib/translations/actions";
import type { BulkAction, BulkOutcome } from "@/lib/translations/bulk-schema";
import type { QueueItem } from "@/lib/translations/data";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Button } from "@/components/ui/Button";
import { BulkOutcomes } from "./BulkOutcomes";
import { SourceText } from "./SourceText";
import { HazardText } from "@/components/hazards/HazardText";
import styles from "./translate.module.css";

type Row = Pick<QueueItem, "code" | "source" | "target" | "state" | "revision" | "editedByYou" | "comments">;

export function QueueTable({
  items,
  lang,
  dir,
  query,
  canSubmit,
  canReview,
  emptyText,
}: {
  items: Row[];
  lang: string;
  dir: "ltr" | "rtl";
  /** The queue's filters, kept on the links to the editor */
  query: Record<string, string>;
  canSubmit: boolean;
  canReview: boolean;
  /** Said instead of the table when nothing matches the filters */
  emptyText: string;
}) {
  const t = useTranslations("translate");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<BulkAction | null>(null);
  const [comment, setComment] = useState("");
  const [preview, setPreview] = useState<BulkOutcome[] | null>(null);
  const [done, setDone] = useState<{ action: BulkAction; outcomes: BulkOutcome[] } | null>(null);
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const previewRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const bulk = canSubmit || canReview;
  // A bulk step often empties the filtered queue: its result stays on the page (and keeps the
  // focus) after the refresh, above the sentence that says the queue is now empty.
  const showBulk = bulk && (items.length > 0 || done !== null);
  // The preview and the result take the focus when they appear (WCAG 2.4.3), and are announced.
  useEffect(() => previewRef.current?.focus(), [preview]);
  useEffect(() => resultRef.current?.focus(), [done]);

  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.code));
  const toggle = (code: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const chosen = items.filter((i) => selected.has(i.code)).map(({ code, revision }) => ({ code, revision }));

  function ask(kind: BulkAction, mode: "preview" | "apply") {
    setError("");
    if (kind === "return" && !comment.trim()) {
      setError(t("workflow.commentRequired"));
      return;
    }
    startTransition(async () => {
      const input = { lang, action: kind, items: chosen, ...(kind === "return" ? { comment } : {}) };
      const result = await bulkTransitionAction(input, mode);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      if (mode === "preview") {
        setAction(kind);
        setPreview(result.data);
        setDone(null);
      } else {
        setPreview(null);
        setAction(null);
        setSelected(new Set());
        setComment("");
        setDone({ action: kind, outcomes: result.data });
        router.refresh();
      }
    });
  }

  const applyCount = preview?.filter((o) => o.result === "apply").length ?? 0;
  return (
    <>
      {showBulk && (
        <section aria-labelledby="bulk-title" className={styles.panel}>
          <h2 id="bulk-title">{t("bulk.title")}</h2>
          <p className={styles.help} id="bulk-help">
            {t("bulk.help", { count: chosen.length })}
          </p>
          <div className={styles.actions}>
            {canSubmit && (
              <Button
                onClick={() => ask("submit", "preview")}
                disabled={pending || !chosen.length}
                aria-describedby="bulk-help"
              >
                {t("bulk.submit")}
              </Button>
            )}
            {canReview && (
              <>
                <Button
                  onClick={() => ask("approve", "preview")}
                  disabled={pending || !chosen.length}
                  aria-describedby="bulk-help"
                >
                  {t("bulk.approve")}
                </Button>
                <Button
                  onClick={() => ask("return", "preview")}
                  disabled={pending || !chosen.length}
                  aria-describedby="bulk-help"
                >
                  {t("bulk.return")}
                </Button>
              </>
            )}
          </div>
          {canReview && (
            <div className={styles.review}>
              <label htmlFor="bulk-comment">{t("bulk.comment")}</label>
              <textarea id="bulk-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
            </div>
          )}
          {error && (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          )}
          {/* Present before anything is said in it, so that the preview and the result are announced. */}
          <div role="status" aria-live="polite" aria-busy={pending}>
            {pending && <p>{t("bulk.working")}</p>}
            {preview && action && (
              <div className={styles.bulkPreview}>
                <h3 ref={previewRef} tabIndex={-1}>
                  {t("bulk.previewTitle", { action })}
                </h3>
                <BulkOutcomes outcomes={preview} applied={t("bulk.will", { action })} />
                <div className={styles.actions}>
                  <Button variant="primary" onClick={() => ask(action, "apply")} disabled={pending || applyCount === 0}>
                    {t("bulk.confirm", { action, count: applyCount })}
                  </Button>
                  <Button onClick={() => (setPreview(null), setAction(null))} disabled={pending}>
                    {t("bulk.cancel")}
                  </Button>
                </div>
              </div>
            )}
            {done && (
              <div>
                <h3 ref={resultRef} tabIndex={-1}>
                  {t("bulk.doneTitle", { action: done.action })}
                </h3>
                <BulkOutcomes outcomes={done.outcomes} applied={t("bulk.did", { action: done.action })} />
              </div>
            )}
          </div>
        </section>
      )}
      {items.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("queue.caption", { language: lang })}>
          <table className={styles.queue}>
            <caption>{t("queue.caption", { language: lang })}</caption>
            <thead>
              <tr>
                {bulk && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      checked={allOnPage}
                      onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.code)) : new Set())}
                      aria-label={t("bulk.selectPage")}
                    />
                  </th>
                )}
                <th scope="col">{t("queue.code")}</th>
                <th scope="col">{t("queue.source")}</th>
                <th scope="col">{t("queue.target", { language: lang })}</th>
                <th scope="col">{t("queue.state")}</th>
                <th scope="col">{t("queue.comments")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.code}>
                  {bulk && (
                    <td>
                      <input
                        type="checkbox"
                        checked={selected.has(item.code)}
                        onChange={(e) => toggle(item.code, e.target.checked)}
                        aria-label={t("bulk.select", { code: item.code })}
                      />
                    </td>
                  )}
                  <td>
                    <Link href={{ pathname: `/translate/${lang}/q/${item.code}`, query }}>
                      <span className="code">{item.code}</span>
                    </Link>
                  </td>
                  <td>
                    <SourceText text={item.source} lang={SOURCE_LANGUAGE} dir="ltr" />
                  </td>
                  <td lang={lang} dir={dir}>
                    {item.target ? <HazardText text={item.target} showToken /> : <span className="muted">—</span>}
                  </td>
                  <td>
                    <StatusBadge status={item.state} label={t(`states.${item.state}`)} />
                    {item.editedByYou && <p className={`${styles.help} own-edit`}>{t("queue.editedByYou")}</p>}
                  </td>
                  <td>
                    {item.comments.count === 0 ? (
                      <>
                        <span className="muted" aria-hidden="true">
                          —
                        </span>
                        <span className="visually-hidden">{t("queue.noComments")}</span>
                      </>
                    ) : (
                      <span
                        className={item.comments.newSinceYourReply ? styles.commentsNew : styles.comments}
                        data-comments={item.comments.count}
                      >
                        {t("queue.commentCount", {
                          count: item.comments.count,
                          fresh: item.comments.newSinceYourReply,
                        })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
