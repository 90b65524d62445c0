import type { DiffPart } from "@/lib/text/diff";

/** A word-level difference: removed words struck through, added ones underlined (never colour alone). */
export function DiffText({ parts, removedLabel, addedLabel }: { parts: DiffPart[]; removedLabel: string; addedLabel: string }) {
  return (
    <span className="diff" dir="auto">
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">{addedLabel}: </span>
            {p.text}
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">{removedLabel}: </span>
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
