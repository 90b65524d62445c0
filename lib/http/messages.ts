// The one place route handlers (and other code outside React) read the interface's words from:
// messages/*.json loaded once, and a translator over every namespace for the caller's language.
// Pages read the same files through next-intl (lib/i18n/request.ts), per request.
import { createTranslator } from "next-intl";
import type { Language } from "../i18n/languages";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import ar from "../../messages/ar.json";

export type Messages = typeof en;
export const MESSAGES: Record<Language, Messages> = { en, es, fr, ar };

export type MessageValues = Record<string, string | number>;
/** A full key ("export.notReady") and its ICU values to a sentence. */
export type Translate = (key: string, values?: MessageValues) => string;

export function translatorFor(locale: Language): Translate {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (key, values) => (t as unknown as Translate)(key, values);
}
