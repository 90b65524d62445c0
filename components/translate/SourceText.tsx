// A source text shown to a translator: `${name}` references stay left to right and intact inside
// Arabic (or any) text, and stand out as things to carry over unchanged. Given the glossary, its
// terms are marked, each focusable, with the approved translation shown on hover and focus and
// present in the text for screen readers. Hazard placeholders show as slots (HazardText), the
// token as written named in their description: the translator keeps the token in the translation.
import { Fragment } from "react";
import { HazardText } from "@/components/hazards/HazardText";
import { findGlossaryTerms } from "@/lib/translations/glossary-match";
import type { GlossaryEntry } from "@/lib/translations/glossary-schema";
import styles from "./translate.module.css";

const REFERENCE = /(\$\{\s*[A-Za-z_][\w.-]*\s*\})/g;

export type SourceGlossary = {
  entries: GlossaryEntry[];
  lang: string;
  dir: "ltr" | "rtl";
  /** The tip's words around the approved translation ("Glossary: …") */
  tip: (approved: string) => string;
};

function withTerms(text: string, glossary: SourceGlossary | undefined, key: string) {
  if (!glossary?.entries.length) return text;
  const hits = findGlossaryTerms(text, glossary.entries);
  if (!hits.length) return text;
  const out: React.ReactNode[] = [];
  let at = 0;
  hits.forEach((hit, i) => {
    out.push(text.slice(at, hit.start));
    out.push(
      <span key={`${key}-${i}`} className={styles.term} tabIndex={0} data-glossary-term={hit.entry.term}>
        {text.slice(hit.start, hit.end)}
        <span className={styles.termTip} lang={glossary.lang} dir={glossary.dir}>
          {" "}
          ({glossary.tip(hit.entry.approved)})
        </span>
      </span>,
    );
    at = hit.end;
  });
  out.push(text.slice(at));
  return out;
}

export function SourceText({
  text,
  lang,
  dir,
  glossary,
}: {
  text: string;
  lang: string;
  dir: "ltr" | "rtl";
  glossary?: SourceGlossary;
}) {
  const parts = text.split(REFERENCE);
  return (
    <span lang={lang} dir={dir}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <bdi key={i} dir="ltr" className={styles.reference}>
            {part}
          </bdi>
        ) : (
          <HazardText
            key={i}
            text={part}
            showToken
            renderText={(plain, k) => <Fragment key={k}>{withTerms(plain, glossary, `${i}-${k}`)}</Fragment>}
          />
        ),
      )}
    </span>
  );
}
