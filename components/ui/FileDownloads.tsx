"use client";
// Download links that never save an error as a file. Without JavaScript they are plain links with
// `download` (the browser follows them). With it, a click fetches the file first: a refusal (409
// "not ready", 404, 503…) shows the server's message, in the page's language, in an alert region
// on the page; a success is saved under the name the server gave it (Content-Disposition).
import { useState, type MouseEvent, type ReactNode } from "react";
import { fileNameFromDisposition } from "@/lib/export/download-name";
import { refusalOf, saveBlob, type Refusal } from "./download-file";

export type FileDownload = { href: string; label: ReactNode; ariaLabel: string; className?: string };

/** At most this many of the server's reasons are listed; the page's readiness list has them all. */
const MAX_ISSUES = 10;

export function FileDownloads({
  downloads,
  locale,
  failedMessage,
  problems,
  listClassName,
  alertClassName,
  extra,
}: {
  downloads: FileDownload[];
  /** The page's language: the server words its refusal in it */
  locale: string;
  /** Said when the server gave no message (network failure, unreadable answer) */
  failedMessage: string;
  /** Where the page lists what to fix, linked from a refusal */
  problems?: { href: string; label: string };
  listClassName?: string;
  alertClassName?: string;
  /** More items of the same list (each an <li>): downloads made in the browser, such as a chart's PNG */
  extra?: ReactNode;
}) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>, href: string) {
    event.preventDefault();
    if (busy) return;
    setRefusal(null);
    setBusy(href);
    try {
      const response = await fetch(href, { headers: { "Accept-Language": locale }, credentials: "same-origin" });
      if (!response.ok) {
        setRefusal(await refusalOf(response, failedMessage));
        return;
      }
      const name = fileNameFromDisposition(response.headers.get("content-disposition")) ?? "download";
      saveBlob(await response.blob(), name);
    } catch {
      setRefusal({ message: failedMessage, issues: [] });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <ul className={listClassName}>
        {downloads.map((d) => (
          <li key={d.href}>
            <a
              className={d.className}
              href={d.href}
              download
              aria-label={d.ariaLabel}
              aria-disabled={busy === d.href || undefined}
              onClick={(e) => download(e, d.href)}
            >
              {d.label}
            </a>
          </li>
        ))}
        {extra}
      </ul>
      {/* Always present, so that screen readers announce a refusal when it appears. */}
      <div role="alert" className={refusal ? alertClassName : undefined}>
        {refusal && (
          <>
            <p>{refusal.message}</p>
            {refusal.issues.length > 0 && (
              <ul>
                {refusal.issues.slice(0, MAX_ISSUES).map((issue, i) => (
                  <li key={i}>{issue}</li>
                ))}
              </ul>
            )}
            {problems && (
              <p>
                <a href={problems.href}>{problems.label}</a>
              </p>
            )}
          </>
        )}
      </div>
    </>
  );
}
