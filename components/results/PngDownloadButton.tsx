"use client";
// The chart as a PNG, beside its SVG link: fetches the SVG the export route answers (the same
// file, the same permission checks), draws it at twice its size in the browser
// (./svg-to-png.ts) and saves it under the SVG's name with .png. A button, not a link: it needs
// JavaScript, so it stays disabled until the page has it. What happened is said in a status
// region (a refusal in the server's words).
import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { fileNameFromDisposition } from "@/lib/export/download-name";
import { refusalOf, saveBlob } from "@/components/ui/download-file";
import { svgToPng } from "./svg-to-png";

const subscribe = () => () => {};

export function PngDownloadButton({
  svgHref,
  label,
  ariaLabel,
  locale,
  className,
}: {
  /** The export route's address of the SVG file */
  svgHref: string;
  label: string;
  ariaLabel: string;
  locale: string;
  className?: string;
}) {
  const t = useTranslations("results");
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function makePng() {
    if (busy) return;
    setBusy(true);
    setStatus({ ok: true, text: t("pngMaking") });
    try {
      const response = await fetch(svgHref, { headers: { "Accept-Language": locale }, credentials: "same-origin" });
      if (!response.ok) {
        setStatus({ ok: false, text: (await refusalOf(response, t("pngFailed"))).message });
        return;
      }
      const svgName = fileNameFromDisposition(response.headers.get("content-disposition")) ?? "chart.svg";
      const name = `${svgName.replace(/\.svg$/i, "")}.png`;
      saveBlob(await svgToPng(await response.text()), name);
      setStatus({ ok: true, text: t("pngSaved", { file: name }) });
    } catch {
      setStatus({ ok: false, text: t("pngFailed") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        disabled={!hydrated}
        aria-disabled={busy || undefined}
        onClick={makePng}
      >
        {label}
      </button>{" "}
      {/* Always present, so that screen readers announce what happens. */}
      <span role="status" aria-live="polite" className={status && !status.ok ? "results-png-failed" : undefined}>
        {status?.text}
      </span>
    </>
  );
}
