// A bank text with its hazard placeholders shown as marked slots (‹disease›, in the page's
// language, described for screen readers and in a tooltip) rather than as [[hazard.of]]; given a
// hazard, as that hazard's words instead. The one way every page outside a questionnaire shows a
// bank text. Built as elements, never as HTML; no "use client": server pages and client
// components alike render it.
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { directionOf, isLanguage, type Language } from "@/lib/i18n/languages";
import { hazardWord, splitHazardText } from "@/lib/hazards/placeholder";
import type { Hazard } from "@/lib/hazards/schema";
import { hazardWords, type HazardWords } from "./hazard-words";

export type HazardTextProps = {
  text: string | null | undefined;
  /** A hazard to write in (a preview); its words are taken in `lang`, the text's language */
  hazard?: Hazard | null;
  lang?: Language;
  /** How the plain parts are shown (search results mark the matched words) */
  renderText?: (text: string, key: number) => ReactNode;
  /** Name the token as written too (a translator, who must write it in the translation) */
  showToken?: boolean;
};

export function HazardText(props: HazardTextProps) {
  const t = useTranslations("hazardText");
  const locale = useLocale();
  return <HazardSlots {...props} locale={locale} words={hazardWords((key, values) => t(key, values), locale)} />;
}

/** HazardText with its words given (tests; a caller that has them already). */
export function HazardSlots({
  text,
  hazard,
  lang,
  renderText,
  showToken,
  locale,
  words,
}: HazardTextProps & { locale: string; words: HazardWords }) {
  const pageLang: Language = isLanguage(locale) ? locale : "en";
  return (
    <>
      {splitHazardText(text).map((piece, i) => {
        if (piece.kind === "text") return renderText ? renderText(piece.text, i) : piece.text;
        if (!piece.token)
          return (
            <bdi key={i} dir="ltr" className="hazard-slot hazard-slot--malformed" title={words.malformed(piece.raw)}>
              {piece.raw}
            </bdi>
          );
        if (hazard && lang)
          return (
            <span key={i} className="hazard-slot hazard-slot--filled" title={words.filled(piece.raw)}>
              {hazardWord(piece.token, hazard.names, lang)}
            </span>
          );
        const description = words.describe(piece.token) + (showToken ? ` ${piece.raw}` : "");
        // In the page's language, isolated (dir) so that an Arabic slot inside English text, or the
        // reverse, keeps its own order; the brackets are mirrored characters and follow it.
        return (
          <span key={i} className="hazard-slot" lang={pageLang} dir={directionOf(pageLang)} title={description}>
            <span aria-hidden="true">{words.shown(piece.token)}</span>
            <span className="visually-hidden">{description}</span>
          </span>
        );
      })}
    </>
  );
}
