// Word-level changes, shown by more than colour: removed words are struck through inside <del>,
// added words underlined inside <ins>, each announced by screen readers with a word of its own.
import type { DiffPart } from "@/lib/text/diff";
import styles from "./translate.module.css";

export function DiffView({ parts, lang, dir, labels }: { parts: DiffPart[]; lang: string; dir: "ltr" | "rtl"; labels: { added: string; removed: string } }) {
  return (
    <span lang={lang} dir={dir} className={styles.diff}>
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i} className={styles.added}>
            <span className={styles.srOnly}>[{labels.added}: </span>
            {p.text}
            <span className={styles.srOnly}>]</span>
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i} className={styles.removed}>
            <span className={styles.srOnly}>[{labels.removed}: </span>
            {p.text}
            <span className={styles.srOnly}>]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
