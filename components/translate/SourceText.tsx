// A source text shown to a translator: `${name}` references stay left to right and intact inside
// Arabic (or any) text, and stand out as things to carry over unchanged.
import styles from "./translate.module.css";

const REFERENCE = /(\$\{\s*[A-Za-z_][\w.-]*\s*\})/g;

export function SourceText({ text, lang, dir }: { text: string; lang: string; dir: "ltr" | "rtl" }) {
  const parts = text.split(REFERENCE);
  return (
    <span lang={lang} dir={dir}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <bdi key={i} dir="ltr" className={styles.reference}>
            {part}
          </bdi>
        ) : (
          part
        ),
      )}
    </span>
  );
}
