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
  return messagesFor(locale).t;
}

/** The same translator, and whether a key exists (so that a caller can fall back to a general word). */
export function messagesFor(locale: Language): { t: Translate; has: (key: string) => boolean } {
  const raw = createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as Translate & {
    has(key: string): boolean;
  };
  return { t: (key, values) => raw(key, values), has: (key) => raw.has(key) };
}
