import { defineRouting } from "next-intl/routing";
import { LANGUAGES } from "./languages";

export const routing = defineRouting({
  locales: LANGUAGES,
  defaultLocale: "en",
  localePrefix: "always",
});
