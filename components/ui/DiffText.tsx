// A word-level difference (lib/text/diff.ts), shown by more than colour: removed words struck
// through inside <del>, added words underlined inside <ins>, each announced by screen readers.
// The texts compared are bank texts: their hazard placeholders show as slots (HazardText), which
// the diff keeps whole (lib/text/diff.ts).
import type { DiffPart } from "@/lib/text/diff";
import { HazardText } from "@/components/hazards/HazardText";
import styles from "./diff.module.css";

export function DiffText({
  parts,
  addedLabel,
  removedLabel,
  lang,
  dir = "auto",
}: {
  parts: DiffPart[];
  addedLabel: string;
  removedLabel: string;
  /** The language of the texts compared, when it is not the page's */
  lang?: string;
  dir?: "ltr" | "rtl" | "auto";
}) {
  return (
    <span className={`diff ${styles.diff}`} lang={lang} dir={dir}>
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>
            <HazardText text={p.text} />
          </span>
        ) : p.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[{addedLabel}: </span>
            <HazardText text={p.text} />
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[{removedLabel}: </span>
            <HazardText text={p.text} />
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </span>
  );
}
