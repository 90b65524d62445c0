// A bank text with its hazard placeholders shown as marked slots (‹disease›, in the page's
// language, described for screen readers and in a tooltip) rather than as [[hazard.of]]; given a
// hazard, as that hazard's words instead. The one way every page outside a questionnaire shows a
// bank text. Built as elements, never as HTML; no "use client": server pages and client
// components alike render it.
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Hazard } from "@/lib/hazards/schema";
import type { Language } from "@/lib/i18n/languages";
import { hazardWords } from "./hazard-words";
import { HazardSlots } from "./HazardSlots";

export { HazardSlots };

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
