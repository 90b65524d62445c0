// Words of action refusals, in any of our languages, outside React (server actions, tests).
import { createTranslator } from "next-intl";
import type { Language } from "../i18n/languages";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import ar from "../../messages/ar.json";

const MESSAGES = { en, es, fr, ar } as const;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator over all messages; a missing key answers null rather than the key itself. */
export function messagesFor(locale: Language): { t: Translate; has: (key: string) => boolean } {
  const translator = createTranslator({ locale, messages: MESSAGES[locale] });
  const raw = translator as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  return { t: (key, values) => raw(key, values), has: (key) => raw.has(key) };
}
