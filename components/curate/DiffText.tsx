import type { DiffPart } from "@/lib/curation/diff";

/** A word-level difference: removed words struck through, added ones underlined (never colour alone). */
export function DiffText({ parts, removedLabel, addedLabel }: { parts: DiffPart[]; removedLabel: string; addedLabel: string }) {
  return (
    <span className="diff" dir="auto">
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i} aria-label={`${addedLabel}: ${p.text}`}>
            {p.text}
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i} aria-label={`${removedLabel}: ${p.text}`}>
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
