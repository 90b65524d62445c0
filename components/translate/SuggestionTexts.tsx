"use client";
// One suggestion's two texts, as the memory and the machine suggestions both show them: the
// suggested translation, then (smaller) the English it translates.
import { SourceText } from "./SourceText";
import styles from "./translate.module.css";

export function SuggestionTexts({
  text,
  lang,
  dir,
  source,
  sourceLang,
  sourceDir,
}: {
  text: string;
  lang: string;
  dir: "ltr" | "rtl";
  source: string;
  sourceLang: string;
  sourceDir: "ltr" | "rtl";
}) {
  return (
    <>
      <p>
        <SourceText text={text} lang={lang} dir={dir} />
      </p>
      <p className={styles.help}>
        <SourceText text={source} lang={sourceLang} dir={sourceDir} />
      </p>
    </>
  );
}
