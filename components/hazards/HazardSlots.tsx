// HazardText's rendering with its words given (./hazard-words.ts), apart from HazardText so that a
// client component on a page without next-intl in the browser (the search page's result preview)
// renders bank texts the same way without bringing next-intl along. No "use client".
import { directionOf, isLanguage, type Language } from "@/lib/i18n/languages";
import { hazardWord, splitHazardText } from "@/lib/hazards/placeholder";
import type { HazardTextProps } from "./HazardText";
import type { HazardWords } from "./hazard-words";

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
