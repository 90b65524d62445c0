// next-intl's messages and locales as types: a key that does not exist in messages/en.json, or
// a message argument missing, is a type error rather than a key shown to a person at run time.
import type { routing } from "@/lib/i18n/routing";
import type messages from "./messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
