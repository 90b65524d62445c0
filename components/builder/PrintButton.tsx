"use client";

/** Opens the browser's print dialog; the print stylesheet leaves only the paper questionnaire. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
