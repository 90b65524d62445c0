// The interface's words outside React (route handlers): a translator over every namespace, for
// the caller's language.
import { createTranslator } from "next-intl";
import type { Language } from "../i18n/languages";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import ar from "../../messages/ar.json";
import type { Translate } from "./describe";

const MESSAGES = { en, es, fr, ar } as const;

export function translatorFor(locale: Language): Translate {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as typeof en });
  return (key, values) => (t as unknown as Translate)(key, values);
}
